"""Behaviour of huibao.convert.detect: language and script from the characters themselves."""

from __future__ import annotations

from pathlib import Path

import pytest

from huibao.convert import detect as detect_module
from huibao.convert.converter import convert_text
from huibao.convert.detect import detect, script_characters
from huibao.convert.options import ConversionOptions

SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"

SHORT_SIMPLIFIED = [
    "疫情防控工作汇报",
    "关于进一步规范干部管理的通知",
    "现将有关情况汇报如下",
    "特此报告。",
    "县防控指挥部：",
]
SHORT_TRADITIONAL = [
    "疫情防控工作匯報",
    "關於進一步規範幹部管理的通知",
    "現將有關情況匯報如下",
    "特此報告。",
]


@pytest.mark.parametrize("text", SHORT_SIMPLIFIED)
def test_short_simplified_official_text_is_chinese_not_korean(text: str) -> None:
    result = detect(text)
    assert result.language == "zh"
    assert result.script == "zh-Hans"
    assert result.evidence["simplified_only"] > 0
    assert result.evidence["traditional_only"] == 0


@pytest.mark.parametrize("text", SHORT_TRADITIONAL)
def test_short_traditional_official_text_is_zh_hant(text: str) -> None:
    result = detect(text)
    assert result.language == "zh"
    assert result.script == "zh-Hant"
    assert result.evidence["traditional_only"] > 0


@pytest.mark.parametrize("target", ["zh-Hant", "zh-Hant-TW", "zh-Hant-HK"])
def test_long_traditional_text_of_each_variant_is_zh_hant(target: str) -> None:
    simplified = "截至目前，全县共排查发热人员，落实居家隔离措施，确保人民群众身体健康。" * 20
    text = convert_text(simplified, ConversionOptions.parse(to=target, source="zh-Hans")).text
    result = detect(text)
    assert (result.language, result.script) == ("zh", "zh-Hant")
    assert result.confidence > 0.99
    assert detect(simplified).script == "zh-Hans"


def test_more_evidence_gives_more_confidence() -> None:
    one = detect("汇").confidence
    two = detect("汇报").confidence
    many = detect("汇报发展经济" * 5).confidence
    assert 0.5 < one < two < many <= 1


def test_only_shared_characters_count_as_simplified_with_low_confidence() -> None:
    result = detect("人民")
    assert result.language == "zh"
    assert result.script == "zh-Hans"
    assert result.confidence == 0.5
    assert result.evidence == {"simplified_only": 0, "traditional_only": 0, "cjk": 2}


def test_characters_both_scripts_use_are_not_evidence() -> None:
    simplified_only, traditional_only = script_characters()
    for char in "干于后里只系余准范面台":
        assert char not in simplified_only and char not in traditional_only
    assert {"发", "这", "汇", "报"} <= simplified_only
    assert {"發", "這", "匯", "報", "後", "為"} <= traditional_only


def test_mixed_scripts_are_reported_as_mixed() -> None:
    result = detect("这是繁體和简体混合的文字，發展經濟")
    assert result.script == "mixed"
    assert result.evidence["simplified_only"] >= 3
    assert result.evidence["traditional_only"] >= 3


def test_a_few_stray_characters_do_not_make_a_text_mixed() -> None:
    text = "現將有關情況報告如下，各單位認真貫徹落實，發揮戰鬥堡壘作用。" * 3 + "这"
    result = detect(text)
    assert result.script == "zh-Hant"
    assert result.confidence < detect(text[:-1]).confidence


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("This is a short English status report about the epidemic.", "en"),
        ("Ceci est un rapport de situation rédigé en français pour le comité.", "fr"),
        ("이것은 한국어로 작성된 보고서입니다", "ko"),
        ("これは日本語で書かれた報告書です", "ja"),
    ],
)
def test_other_languages_have_no_chinese_script(text: str, language: str) -> None:
    result = detect(text)
    assert result.language == language
    assert result.script is None


def test_chinese_with_latin_acronyms_is_still_chinese() -> None:
    result = detect("发放N95口罩和KN95口罩，开展PCR核酸检测")
    assert (result.language, result.script) == ("zh", "zh-Hans")


@pytest.mark.parametrize("text", ["", "   ", "12345 67", "——！？"])
def test_empty_or_letterless_text_has_no_language(text: str) -> None:
    result = detect(text)
    assert result.language is None and result.script is None and result.confidence == 0.0


def test_detection_is_deterministic() -> None:
    text = "Report on the work of the county office, drafted in a hurry"
    results = [detect(text) for _ in range(5)]
    assert all(r == results[0] for r in results)


def test_as_dict_is_json_ready() -> None:
    data = detect("疫情防控工作汇报").as_dict()
    assert data["language"] == "zh" and data["script"] == "zh-Hans"
    assert set(data["evidence"]) == {"simplified_only", "traditional_only", "cjk"}  # type: ignore[arg-type]


def test_fallback_sets_when_the_dictionary_tool_is_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(name: str) -> dict[str, list[str]]:
        raise OSError("no opencc_dict")

    monkeypatch.setattr(detect_module.engine, "dictionary", broken)
    simplified, traditional = detect_module._build_script_characters()
    assert "发" in simplified and "發" in traditional and "干" not in simplified


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not present")
def test_seed_reports_are_detected_by_script() -> None:
    for seed in sorted(SEEDS.glob("*.txt")):
        result = detect(seed.read_text(encoding="utf-8"))
        expected = "zh-Hant" if seed.name.startswith("003") else "zh-Hans"
        assert (result.language, result.script) == ("zh", expected), seed.name
