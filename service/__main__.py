"""`python -m service` runs the same CLI as the `huibao` console script."""

from service.cli import main

raise SystemExit(main())
