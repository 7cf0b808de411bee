"""API tokens per office: a random secret shown once, only its sha256 stored."""

from __future__ import annotations

import hashlib
import secrets
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from huibao import settings
from huibao.errors import NotFound
from huibao.store.models import Token, iso

PREFIX = "hb_"


def auth_mode() -> str:
    """Return ``HUIBAO_AUTH``: ``token`` (every /api/ call needs a token) or ``off`` (default)."""
    return settings.text("HUIBAO_AUTH").lower() or "off"


def digest(secret: str) -> str:
    """Return the sha256 (hex) of ``secret``."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def create_token(session: Session, office_id: int, name: str) -> tuple[Token, str]:
    """Return the new token row and its secret (the only time the secret exists in clear)."""
    secret = PREFIX + secrets.token_urlsafe(32)
    token = Token(office_id=office_id, name=name[:100] or "token", digest=digest(secret))
    session.add(token)
    session.flush()
    return token, secret


def office_of(session: Session, secret: str) -> int | None:
    """Return the office a token secret belongs to; None for an unknown secret."""
    if not secret.startswith(PREFIX) or len(secret) > 200:
        return None
    return session.scalar(select(Token.office_id).where(Token.digest == digest(secret)))


def list_tokens(session: Session, office_id: int) -> list[dict[str, Any]]:
    """Return an office's tokens (id, name, created_at; never the secret)."""
    query = select(Token).where(Token.office_id == office_id).order_by(Token.id)
    return [
        {"id": t.id, "name": t.name, "created_at": iso(t.created_at)} for t in session.scalars(query)
    ]


def revoke_token(session: Session, token_id: int) -> None:
    """Delete a token; raise NotFound when there is none with that id."""
    result = session.execute(delete(Token).where(Token.id == token_id))
    if result.rowcount != 1:  # type: ignore[attr-defined]
        raise NotFound(f"找不到令牌 {token_id}", field="token")
