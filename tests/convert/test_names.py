"""Names in traditional output: surnames after titles, and keep terms written in the target script."""

from __future__ import annotations

import pytest

from huibao.convert import names
from huibao.convert.converter import ConversionResult, convert_text
from huibao.convert.glossary import names_in
from huibao.convert.options import ConversionOptions


def conv(text: str, to: str = "zh-Hant", source: str | None = "zh-Hans", **kw: object) -> ConversionResult:
    return convert_text(text, ConversionOptions.parse(to=to, source=source, **kw))  # type: ignore[arg-type]


# simplified, zh-Hant, zh-Hant-TW
SURNAME_AFTER_TITLE = [
    ("主任余志刚", "主任余志剛", "主任余志剛"),
    ("办公室主任余华，", "辦公室主任余華，", "辦公室主任余華，"),
    ("副县长余志刚同志", "副縣長余志剛同志", "副縣長余志剛同志"),
    ("主任余志刚在会上讲话", "主任余志剛在會上講話", "主任余志剛在會上講話"),
    ("局长于志刚同志", "局長于志剛同志", "局長于志剛同志"),
    ("主任于志刚，", "主任于志剛，", "主任于志剛，"),
    ("主任范志刚", "主任范志剛", "主任范志剛"),
    ("主任游志刚", "主任游志剛", "主任游志剛"),
    ("书记岳志刚", "書記岳志剛", "書記岳志剛"),
    ("主任郁志刚", "主任郁志剛", "主任郁志剛"),
    ("主任涂志刚", "主任涂志剛", "主任涂志剛"),
]

# a surname opening a clause, a given name, then a title
SURNAME_BEFORE_TITLE = [
    ("余志刚同志主持会议", "余志剛同志主持會議"),
    ("会议由张三、余志刚主任主持", "會議由張三、余志剛主任主持"),
    ("于志刚书记讲话", "于志剛書記講話"),
    ("余华同志", "余華同志"),
]

# the same characters where they are not surnames
NOT_A_SURNAME = [
    ("其余干部同志", "其餘幹部同志"),
    ("余下同志", "餘下同志"),
    ("于本月部长会议上", "於本月部長會議上"),
    ("局长于3月5日主持召开", "局長於3月5日主持召開"),
    ("主任于会上强调", "主任於會上強調"),
    ("书记于近日，", "書記於近日，"),
    ("局长余下的时间", "局長餘下的時間"),
    ("主任范围内", "主任範圍內"),
    ("其余部长", "其餘部長"),
    ("余粮", "餘糧"),
]


@pytest.mark.parametrize(("simplified", "standard", "taiwan"), SURNAME_AFTER_TITLE)
def test_surname_after_a_title_stays_a_surname(simplified: str, standard: str, taiwan: str) -> None:
    assert conv(simplified).text == standard
    assert conv(simplified, "zh-Hant-TW").text == taiwan
    assert conv(standard, "zh-Hans", "zh-Hant").text == simplified


@pytest.mark.parametrize(("simplified", "standard"), SURNAME_BEFORE_TITLE)
def test_surname_opening_a_clause_before_a_name_and_title_stays_a_surname(
    simplified: str, standard: str
) -> None:
    assert conv(simplified).text == standard
    assert conv(standard, "zh-Hans", "zh-Hant").text == simplified


@pytest.mark.parametrize(("simplified", "standard"), NOT_A_SURNAME)
def test_surname_characters_that_are_words_still_convert(simplified: str, standard: str) -> None:
    assert conv(simplified).text == standard


def test_surnames_and_titles_come_from_the_glossary() -> None:
    found = names_in({"姓余": "姓余", "余局长": "余局長", "余某": "余某", "其余": "其餘", "胡同志": "胡同志"})
    assert found.surnames == {"余"}
    assert found.titles == {"局长"}


def test_surname_rule_is_part_of_the_step_the_checker_uses() -> None:
    from huibao.convert.converter import opencc_converter

    assert opencc_converter("s2t")("主任余志刚") == "主任余志剛"
    assert opencc_converter("s2tw")("主任余志刚") == "主任余志剛"


def test_surname_positions_are_offsets_of_the_surname() -> None:
    assert names.name_rules().surname_positions("主任余志刚，局长余下") == [2]


# --- keep terms -------------------------------------------------------------------------------

# text, keep, target, expected
KEEP = [
    # the name is written in the target script, its surname kept
    ("余志刚同志到发展和改革局调研", ["余志刚"], "zh-Hant", "余志剛同志到發展和改革局調研"),
    ("余志刚到会", ["余志刚"], "zh-Hant-TW", "余志剛到會"),
    # characters correct in both scripts stay as given, the others are converted
    ("干河村发展", ["干河村"], "zh-Hant", "干河村發展"),
    ("钟书记讲话", ["钟书记"], "zh-Hant", "鍾書記講話"),
    # a keep term wins over a phrase reaching into it from before (其余 → 其餘)
    ("其余华发言", ["余华", " ", ""], "zh-Hant-TW", "其余華發言"),
    # traditional sources: the name in simplified, 乾 (correct in both) kept
    ("鍾書記到發展局", ["鍾書記"], "zh-Hans", "钟书记到发展局"),
    ("乾河村", ["乾河村"], "zh-Hans", "乾河村"),
]


@pytest.mark.parametrize(("text", "keep", "target", "expected"), KEEP)
def test_keep_terms_are_converted_on_their_own(
    text: str, keep: list[str], target: str, expected: str
) -> None:
    source = "zh-Hant" if target == "zh-Hans" else "zh-Hans"
    assert conv(text, target, source, keep=keep).text == expected


def test_without_keep_opencc_would_read_the_surname_as_a_word() -> None:
    assert conv("余志刚到发展和改革局调研").text.startswith("餘志剛")
    assert conv("其余华发言", "zh-Hant-TW").text.startswith("其餘")


def test_keep_changes_report_only_what_changed_in_the_name() -> None:
    result = conv("余志刚同志", keep=["余志刚"])
    assert [c.as_dict() for c in result.changes] == [
        {"original": "刚", "replacement": "剛", "start": 2, "end": 3}
    ]


def test_longest_keep_term_wins_at_a_position() -> None:
    result = conv("余志刚强调", keep=["余志", "余志刚", "刚强"])
    assert result.text == "余志剛強調"


def test_kept_forms_are_the_names_as_the_converted_text_writes_them() -> None:
    from huibao.convert.converter import kept_forms

    options = ConversionOptions.parse(to="zh-Hant-TW", keep=["余志刚", "干河村", "余华"])
    assert kept_forms(options) == ("余志剛", "干河村", "余華")
    assert kept_forms(ConversionOptions.parse(to="zh-Hans", keep=["余志刚"])) == ()
    assert kept_forms(ConversionOptions.parse(to="zh-Hant")) == ()
