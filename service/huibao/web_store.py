"""The 我的文稿 pages: documents by series, history, next period, compare, restore, autosave."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(include_in_schema=False)
