"""Fonts and language tag per output script.

The GB/T 9704 fonts 仿宋_GB2312, 楷体_GB2312 and 方正小标宋简体 hold only the GB2312 characters;
traditional output (139 of the rich sample's 385 distinct characters lie outside GB2312) is
set in their GBK counterparts, which hold the traditional characters too:

============  ========  ===========  ===========  ==============
script        w:lang    仿宋_GB2312  楷体_GB2312  方正小标宋简体
============  ========  ===========  ===========  ==============
zh-Hans       zh-CN     (kept)       (kept)       (kept)
zh-Hant       zh-TW     仿宋         楷体         方正小标宋_GBK
zh-Hant-TW    zh-TW     仿宋         楷体         方正小标宋_GBK
zh-Hant-HK    zh-HK     仿宋         楷体         方正小标宋_GBK
============  ========  ===========  ===========  ==============

仿宋, 楷体, 黑体 and 宋体 ship with every Chinese Windows; 方正小标宋_GBK is the Founder font
offices install beside 方正小标宋简体 (its font-table entry names 宋体 as the alternate). 黑体
and 宋体 cover GBK already and stay. An office overrides the table with ``HUIBAO_DOCX_FONTS``:
JSON mapping a script to ``{template font: font to use}``, e.g.
``{"zh-Hant-TW": {"仿宋_GB2312": "標楷體"}}``.
"""

from __future__ import annotations

import json

from huibao import settings
from huibao.errors import ConfigError

LANG = {"zh-Hans": "zh-CN", "zh-Hant": "zh-TW", "zh-Hant-TW": "zh-TW", "zh-Hant-HK": "zh-HK"}

_TRADITIONAL = {"仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "方正小标宋简体": "方正小标宋_GBK"}
SUBSTITUTES: dict[str, dict[str, str]] = {
    "zh-Hans": {},
    "zh-Hant": _TRADITIONAL,
    "zh-Hant-TW": _TRADITIONAL,
    "zh-Hant-HK": _TRADITIONAL,
}


def lang(script: str) -> str:
    """Return the ``w:lang`` East Asian tag of ``script`` (zh-CN for unknown scripts)."""
    return LANG.get(script, "zh-CN")


def substitutes(script: str) -> dict[str, str]:
    """Return the font replacements for ``script``: template font name → font to use
    ({} when the template's fonts stay)."""
    table = dict(SUBSTITUTES.get(script, {}))
    raw = settings.text("HUIBAO_DOCX_FONTS")
    if raw:
        try:
            override = json.loads(raw)
            table.update({str(k): str(v) for k, v in override.get(script, {}).items()})
        except (ValueError, AttributeError) as exc:
            raise ConfigError(
                'HUIBAO_DOCX_FONTS 应为 JSON：{"zh-Hant-TW": {"仿宋_GB2312": "標楷體"}}'
            ) from exc
    return table
