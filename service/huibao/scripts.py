"""The Chinese scripts huibao writes: one type, its codes and its Chinese labels.

Every surface (facts, converter, API, web form, CLI) names a script through :class:`Script`;
nothing else spells the list out. Importing this module is cheap (no OpenCC, no pydantic).
"""

from __future__ import annotations

from enum import StrEnum

from huibao.errors import BadRequest

__all__ = ["Script", "ScriptError"]


class ScriptError(BadRequest, ValueError):
    """An unknown script name. A ``ValueError`` too, so a pydantic validator reports it as a
    field error with this Chinese message."""


class Script(StrEnum):
    """A target script; the value is the BCP 47 code used in JSON, query strings and the CLI."""

    HANS = "zh-Hans"
    HANT = "zh-Hant"
    HANT_TW = "zh-Hant-TW"
    HANT_HK = "zh-Hant-HK"

    @property
    def label(self) -> str:
        """Return the Chinese label shown to people: 简体, 繁體, 繁體（台灣）, 繁體（香港）."""
        return _LABELS[self]

    @property
    def is_traditional(self) -> bool:
        """Return True for every traditional script (standard, Taiwan, Hong Kong)."""
        return self is not Script.HANS

    @property
    def region(self) -> str | None:
        """Return ``TW`` or ``HK`` for a regional standard; None for zh-Hans and zh-Hant."""
        return {Script.HANT_TW: "TW", Script.HANT_HK: "HK"}.get(self)

    @classmethod
    def codes(cls) -> tuple[str, ...]:
        """Return every code in display order (zh-Hans first)."""
        return tuple(s.value for s in cls)

    @classmethod
    def choices_text(cls) -> str:
        """Return the codes joined for a Chinese message or help text: ``zh-Hans、zh-Hant、…``."""
        return "、".join(cls.codes())

    @classmethod
    def parse(cls, value: object, field: str | None = "script") -> Script:
        """Return the script whose code is ``value``, exactly as published (zh-Hant-TW).

        Raises :class:`ScriptError` (HTTP 400) naming ``field`` for anything else, None, another
        letter case and the Chinese labels included: the API's schema lists the codes only.
        """
        if isinstance(value, Script):
            return value
        if isinstance(value, str):
            found = _BY_CODE.get(value)
            if found is not None:
                return found
        shown = value if isinstance(value, str) else ("空" if value is None else type(value).__name__)
        where = f"参数 {field} " if field else ""
        raise ScriptError(f"不支持的文字“{shown}”，{where}可选值：{cls.choices_text()}", field)

    @classmethod
    def validate(cls, value: object) -> Script:
        """Return the parsed script for a model field (the error carries no field name: the model
        adds its own path)."""
        return cls.parse(value, None)

    @classmethod
    def json_schema(cls) -> dict[str, object]:
        """Return the inline JSON Schema of a script field: a string enum of the codes."""
        return {"type": "string", "enum": list(cls.codes())}


_LABELS = {
    Script.HANS: "简体",
    Script.HANT: "繁體",
    Script.HANT_TW: "繁體（台灣）",
    Script.HANT_HK: "繁體（香港）",
}
_BY_CODE = {s.value: s for s in Script}
