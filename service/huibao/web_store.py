"""The 我的文稿 page: documents by series, history, next period, compare, restore, autosave.

The page is static HTML; ``static/documents.js`` talks to the stored-data API.
"""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

from huibao.compose.kinds import KINDS
from huibao.web import page

router = APIRouter(include_in_schema=False)


@router.get("/documents", response_class=HTMLResponse)
def documents_page() -> HTMLResponse:
    """Return the 我的文稿 page (its 新建系列 form lists the kinds)."""
    return page("documents.html", kinds=list(KINDS.values()))
