"""An office named by the facts: its envelope fills what the facts leave empty.

Facts may say ``"office": "青禾县应急管理局"`` (or the office's id) instead of repeating its
envelope; the office's name and self-reference (``unit``), recipient, signature, 发文机关标志
(``issuer``) and 机关代字 (the ``code`` of a ``doc_number`` given without one) fill whatever the
facts leave empty (what the facts give wins), and its keep words and glossary additions go into
conversion, and its own layout .docx (if any) lays out its .docx. A stored document uses its own
office the same way.

This module imports no database code at load time: only :func:`lookup` opens the store, so a
render whose facts name no office never touches the database.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from huibao.errors import ErrorItem, HuibaoError, InvalidFacts, NotFound

if TYPE_CHECKING:
    from huibao.store.models import Office

#: The scope of a caller who may see no office at all (a web page under ``HUIBAO_AUTH=token``:
#: no token comes with a plain form post). No office has id 0.
NOBODY = 0

#: The office the current caller may see (set per request by the token gate); None: every office.
caller_scope: ContextVar[int | None] = ContextVar("huibao_office_scope", default=None)

_BRACKETS = "[［(（〔【"


class StoreUnavailable(HuibaoError):
    """The database holding the offices cannot be reached."""

    status = 503


@dataclass(frozen=True)
class OfficeProfile:
    """What rendering and conversion take from an office; None/empty means the office has none."""

    name: str
    self_reference: str | None = None
    recipient: str | None = None
    signature: str | None = None
    issuer: str | None = None
    code: str | None = None
    keep: tuple[str, ...] = ()
    glossary: tuple[tuple[str, str], ...] = ()
    layout: bytes | None = field(default=None, repr=False)

    @classmethod
    def of(cls, office: Office, layout: bytes | None = None) -> OfficeProfile:
        """Return the profile of a stored office (``layout``: its own layout .docx, if any)."""
        from huibao.convert.glossary import office_pairs

        return cls(
            name=office.name,
            self_reference=office.self_reference,
            recipient=office.recipient,
            signature=office.signature,
            issuer=office.issuer,
            code=office.code,
            keep=tuple(office.keep or ()),
            glossary=office_pairs(office.glossary or ()),
            layout=layout,
        )


def _empty(value: object) -> bool:
    return value is None or value == [] or (isinstance(value, str) and not value.strip())


def fill(facts: Mapping[str, Any], office: OfficeProfile) -> dict[str, Any]:
    """Return a copy of ``facts`` without ``office``, its empty envelope fields filled from ``office``.

    A value of the wrong type is left alone (validation names it). The 发文机关标志 is the
    office's without a trailing 文件 (the kind adds 文件 where it belongs); the 机关代字 completes
    a ``doc_number`` given in parts without ``code`` or as a string starting with its year.
    """
    out = dict(facts)
    out.pop("office", None)
    unit = out.get("unit")
    if _empty(unit) or unit == {}:
        unit = {}
    if isinstance(unit, Mapping):
        unit = dict(unit)
        if _empty(unit.get("name")):
            unit["name"] = office.name
        if _empty(unit.get("self_reference")) and office.self_reference:
            unit["self_reference"] = office.self_reference
        out["unit"] = unit
    for key in ("recipient", "signature"):
        value = getattr(office, key)
        if _empty(out.get(key)) and value:
            out[key] = value
    if _empty(out.get("issuer")) and office.issuer:
        out["issuer"] = [office.issuer.removesuffix("文件").strip() or office.issuer]
    number = out.get("doc_number")
    if office.code and isinstance(number, Mapping) and _empty(number.get("code")):
        out["doc_number"] = {**number, "code": office.code}
    elif office.code and isinstance(number, str) and number.strip()[:1] in tuple(_BRACKETS):
        out["doc_number"] = office.code + number.strip()
    return out


def unknown_office(ref: object) -> NotFound:
    """Return the error (404 on field ``office``) for an office that does not exist or is outside
    the caller's scope (both answer alike, so a token learns nothing of other offices)."""
    return NotFound(f"找不到机关“{ref}”（应为已保存机关的名称或编号）", field="office")


def lookup(ref: object) -> OfficeProfile:
    """Return the profile of the office whose id or name is ``ref``, within the caller's scope.

    Raises NotFound (404, field ``office``) for a missing office or one outside the scope,
    InvalidFacts (422) for a value that is neither a name nor an id, StoreUnavailable (503) when
    the database fails.
    """
    if isinstance(ref, float) and ref.is_integer():  # JSON's 3.0 is the integer 3
        ref = int(ref)
    if isinstance(ref, bool) or not isinstance(ref, str | int) or (isinstance(ref, str) and not ref.strip()):
        raise InvalidFacts([ErrorItem("office", "机关应为已保存机关的名称或编号")])
    text = str(ref).strip()
    scope = caller_scope.get()
    if scope == NOBODY:
        raise unknown_office(text)
    from sqlalchemy.exc import SQLAlchemyError

    from huibao.store.db import get_store
    from huibao.store.layouts import layout_bytes
    from huibao.store.offices import find_office

    try:
        with get_store().read() as session:
            try:
                office = find_office(session, text)
            except NotFound:
                raise unknown_office(text) from None
            if scope is not None and office.id != scope:
                raise unknown_office(text)
            return OfficeProfile.of(office, layout_bytes(session, office.id))
    except SQLAlchemyError:
        raise StoreUnavailable("数据库暂不可用，无法读取机关信息", field="office") from None


def resolve(facts: object, office: OfficeProfile | None = None) -> tuple[object, OfficeProfile | None]:
    """Return ``facts`` with the envelope of ``office`` (or of the office they name) filled in,
    and that office; ``facts`` unchanged and None when neither gives an office.

    An explicit ``office`` (a stored document's own) wins over the one the facts name.
    """
    if not isinstance(facts, Mapping):
        return facts, office
    if office is None and facts.get("office") is not None:
        office = lookup(facts["office"])
    if office is None:
        return facts, None
    return fill(facts, office), office
