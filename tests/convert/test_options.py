"""The Script type and the conversion options: parsing, Chinese errors naming the field, limits."""

from __future__ import annotations

import random
import re

import pytest

from huibao.convert.options import (
    MAX_KEEP_LENGTH,
    MAX_KEEP_TERMS,
    ConversionOptions,
    InvalidOptions,
    KeepTerms,
)
from huibao.errors import BadRequest
from huibao.scripts import Script, ScriptError

# value, script
PARSED = [
    ("zh-Hans", Script.HANS),
    ("zh-Hant", Script.HANT),
    ("zh-Hant-TW", Script.HANT_TW),
    ("zh-Hant-HK", Script.HANT_HK),
    (Script.HANT, Script.HANT),
]


@pytest.mark.parametrize(("value", "script"), PARSED)
def test_script_parses_its_codes(value: object, script: Script) -> None:
    assert Script.parse(value) is script


# anything but a published code, the other letter case and the Chinese label included
@pytest.mark.parametrize(
    "value", ["zh-TW", "zh-hant", " zh-Hant ", "繁體（香港）", "traditional", "", None, 3, ["zh-Hant"]]
)
def test_unknown_script_is_a_chinese_bad_request_naming_the_field(value: object) -> None:
    with pytest.raises(ScriptError) as caught:
        Script.parse(value, "to")
    error = caught.value
    assert isinstance(error, BadRequest) and error.status == 400
    assert error.errors[0].field == "to"
    assert "不支持的文字" in error.message and "zh-Hant-TW" in error.message


# script, label, traditional, region
PROPERTIES = [
    (Script.HANS, "简体", False, None),
    (Script.HANT, "繁體", True, None),
    (Script.HANT_TW, "繁體（台灣）", True, "TW"),
    (Script.HANT_HK, "繁體（香港）", True, "HK"),
]


@pytest.mark.parametrize(("script", "label", "traditional", "region"), PROPERTIES)
def test_script_labels_and_kinds(script: Script, label: str, traditional: bool, region: str | None) -> None:
    assert (script.label, script.is_traditional, script.region) == (label, traditional, region)
    assert f"{script}" == script.value  # formats as its code in messages and file names


def test_script_schema_is_an_inline_string_enum_of_the_codes() -> None:
    assert Script.json_schema() == {
        "type": "string",
        "enum": ["zh-Hans", "zh-Hant", "zh-Hant-TW", "zh-Hant-HK"],
    }


# --- ConversionOptions.parse -------------------------------------------------------------------

# arguments, field named by the error
BAD_OPTIONS = [
    ({"to": None}, "to"),
    ({"to": ""}, "to"),
    ({"to": "zh-CN"}, "to"),
    ({"to": "zh-Hant", "source": "big5"}, "from"),
    ({"to": "zh-Hant", "keep": 5}, "keep"),
    ({"to": "zh-Hant", "keep": ["余华", 1]}, "keep"),
]


@pytest.mark.parametrize(("kwargs", "field"), BAD_OPTIONS)
def test_bad_options_are_bad_requests_naming_the_field(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(BadRequest) as caught:
        ConversionOptions.parse(**kwargs)  # type: ignore[arg-type]
    assert caught.value.errors[0].field == field


@pytest.mark.parametrize("source", [None, "", "auto"])
def test_no_source_means_detect(source: object) -> None:
    assert ConversionOptions.parse(to="zh-Hant", source=source).source is None


def test_a_single_keep_string_is_one_term() -> None:
    assert ConversionOptions.parse(to="zh-Hant", keep="余华").keep == ("余华",)


# keep, field, words in the message
KEEP_LIMITS = [
    (["甲"] * (MAX_KEEP_TERMS + 1), "keep", f"最多 {MAX_KEEP_TERMS} 个"),
    (["乙" * (MAX_KEEP_LENGTH + 1)], "keep[0]", f"最长 {MAX_KEEP_LENGTH} 个字"),
    (["余华", "丙" * 200], "keep[1]", "第 2 个有 200 个字"),
]


@pytest.mark.parametrize(("keep", "field", "words"), KEEP_LIMITS)
def test_keep_past_its_limits_is_a_422_in_chinese(keep: list[str], field: str, words: str) -> None:
    with pytest.raises(InvalidOptions) as caught:
        ConversionOptions.parse(to="zh-Hant", keep=keep)
    assert caught.value.status == 422
    assert caught.value.errors[0].field == field and words in caught.value.message


def test_keep_at_its_limits_is_accepted() -> None:
    terms = [f"{i:03d}" + "丁" * (MAX_KEEP_LENGTH - 3) for i in range(MAX_KEEP_TERMS)]
    assert len(ConversionOptions.parse(to="zh-Hant", keep=terms).keep_terms.terms) == MAX_KEEP_TERMS


# --- the keep matcher ------------------------------------------------------------------------


def _naive(terms: list[str]) -> re.Pattern[str]:
    unique = sorted({t for t in terms if t.strip()}, key=len, reverse=True)
    return re.compile("|".join(re.escape(t) for t in unique))


def test_trie_matcher_finds_what_a_longest_first_alternation_finds() -> None:
    rng = random.Random(7)
    alphabet = "余华干河村a.*(["
    for _ in range(200):
        terms = [
            "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(rng.randint(1, 8))
        ]
        text = "".join(rng.choice(alphabet) for _ in range(60))
        pattern = KeepTerms.compile(terms).pattern
        assert pattern is not None
        found = [m.span() for m in pattern.finditer(text)]
        assert found == [m.span() for m in _naive(terms).finditer(text)], (terms, text)


def test_blank_keep_terms_compile_to_no_matcher() -> None:
    assert KeepTerms.compile(["", " ", "\t"]).pattern is None


def test_keep_forms_are_built_once_per_options_and_steps() -> None:
    options = ConversionOptions.parse(to="zh-Hant", keep=["余华"])
    calls: list[str] = []

    def convert(text: str) -> str:
        calls.append(text)
        return text.replace("华", "華")

    first = options.keep_forms(("s2t",), convert)
    second = options.keep_forms(("s2t",), convert)
    assert first is second and first == {"余华": "余華"}
    assert calls == ["余华"]
