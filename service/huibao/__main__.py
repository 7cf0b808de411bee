"""`python -m huibao` runs the same CLI as the `huibao` console script."""

from huibao.cli import main

raise SystemExit(main())
