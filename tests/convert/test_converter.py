"""Behaviour of huibao.convert.converter: targets, pitfalls, glossary, keep, repair, .docx, uploads."""

from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

import docx
import opencc
import pytest
from docx.shared import Pt

from huibao.convert.converter import (
    QUOTES_CORNER,
    Change,
    ConversionResult,
    convert_document,
    convert_docx,
    convert_text,
    diff_changes,
    plan,
)
from huibao.convert.diff import split_lengths
from huibao.convert.glossary import load_glossary
from huibao.convert.options import ConversionOptions
from huibao.errors import BadRequest, PayloadTooLarge, UnsupportedMedia, UploadRejected
from huibao.scripts import Script
from huibao.uploads import UploadLimits
from tests.docx_parts import add_footnotes

ROOT = Path(__file__).resolve().parents[2]
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
FIXTURE = Path(__file__).parent / "data" / "opencc_testcases" / "cases.json"


TARGETS = Script.codes()


def opts(to: str, **kw: object) -> ConversionOptions:
    return ConversionOptions.parse(to=to, **kw)  # type: ignore[arg-type]


def conv(text: str, to: str, **kw: object) -> ConversionResult:
    return convert_text(text, opts(to, **kw))


def hant(text: str, target: str = "zh-Hant", **kw: object) -> str:
    return conv(text, target, source="zh-Hans", **kw).text


# --- one simplified character, several traditional ones (sources.md pitfalls) ----------------

# simplified, zh-Hant (OpenCC standard), zh-Hant-TW, zh-Hant-HK
PITFALLS = [
    ("干部", "幹部", "幹部", "幹部"),
    ("干燥", "乾燥", "乾燥", "乾燥"),
    ("干扰", "干擾", "干擾", "干擾"),
    ("若干", "若干", "若干", "若干"),
    ("关于", "關於", "關於", "關於"),
    ("于是", "於是", "於是", "於是"),
    ("后来", "後來", "後來", "後來"),
    ("皇后", "皇后", "皇后", "皇后"),
    ("里面", "裏面", "裡面", "裏面"),
    ("公里", "公里", "公里", "公里"),
    ("发展", "發展", "發展", "發展"),
    ("头发", "頭髮", "頭髮", "頭髮"),
    ("面条", "麪條", "麵條", "麪條"),
    ("方面", "方面", "方面", "方面"),
    ("一只", "一隻", "一隻", "一隻"),
    ("只有", "只有", "只有", "只有"),
    ("关系", "關係", "關係", "關係"),
    ("联系", "聯繫", "聯繫", "聯繫"),
    ("系统", "系統", "系統", "系統"),
    ("其余", "其餘", "其餘", "其餘"),
    ("余局长", "余局長", "余局長", "余局長"),
    ("准备", "準備", "準備", "準備"),
    ("批准", "批准", "批准", "批准"),
    ("范围", "範圍", "範圍", "範圍"),
    ("规范", "規範", "規範", "規範"),
    ("采取", "採取", "採取", "採取"),
    ("志愿", "志願", "志願", "志願"),
    ("为了", "爲了", "為了", "為了"),
    ("群众", "羣衆", "群眾", "羣眾"),
    ("信息", "信息", "信息", "信息"),
    ("程序", "程序", "程序", "程序"),
]


@pytest.mark.parametrize(("simplified", "standard", "taiwan", "hongkong"), PITFALLS)
def test_simplified_converts_phrase_by_phrase_for_each_target(
    simplified: str, standard: str, taiwan: str, hongkong: str
) -> None:
    assert hant(simplified, "zh-Hant") == standard
    assert hant(simplified, "zh-Hant-TW") == taiwan
    assert hant(simplified, "zh-Hant-HK") == hongkong


@pytest.mark.parametrize(("simplified", "standard", "taiwan", "hongkong"), PITFALLS)
def test_every_traditional_form_converts_back_to_the_simplified_phrase(
    simplified: str, standard: str, taiwan: str, hongkong: str
) -> None:
    assert conv(standard, "zh-Hans", source="zh-Hant").text == simplified
    assert conv(taiwan, "zh-Hans", source="zh-Hant-TW").text == simplified
    assert conv(hongkong, "zh-Hans", source="zh-Hant-HK").text == simplified


@pytest.mark.parametrize(
    ("simplified", "taiwan"),
    [("信息", "資訊"), ("程序", "程式"), ("软件", "軟體"), ("打印", "列印")],
)
def test_regional_vocabulary_only_on_request(simplified: str, taiwan: str) -> None:
    assert hant(simplified, "zh-Hant-TW") != taiwan
    assert hant(simplified, "zh-Hant-TW", regional_vocabulary=True) == taiwan
    back = conv(taiwan, "zh-Hans", source="zh-Hant-TW", regional_vocabulary=True)
    assert back.text == simplified


def test_traditional_to_other_traditional_goes_through_simplified() -> None:
    assert plan("zh-Hant", "zh-Hant-TW") == ["t2s", "s2tw", QUOTES_CORNER]
    assert conv("爲了羣衆", "zh-Hant-TW", source="zh-Hant").text == "為了群眾"
    assert conv("為了群眾", "zh-Hant", source="zh-Hant-TW").text == "爲了羣衆"


def test_same_script_without_repair_is_left_alone() -> None:
    assert plan("zh-Hant-TW", "zh-Hant-TW") == []
    text = "關于干部"  # even a bad conversion stays as it is unless repair is asked for
    assert conv(text, "zh-Hant", source="zh-Hant").text == text
    assert conv(text, "zh-Hant", source="zh-Hant").changes == []


# --- glossary ------------------------------------------------------------------------------


@pytest.mark.parametrize("target", TARGETS[1:])
@pytest.mark.parametrize(
    ("text", "expected_standard"),
    [
        ("余局长、余主任、余书记、余县长", "余局長、余主任、余書記、余縣長"),
        ("余部长、余处长、余科长、余同志", "余部長、余處長、余科長、余同志"),
        ("于书记和范主任听取了汇报", "于書記和范主任聽取了彙報"),
        ("督查组约谈了余某某", "督查組約談了余某某"),
        ("舍小家", "捨小家"),
        ("胡同志在会上发言", "胡同志在會上發言"),
    ],
)
def test_glossary_keeps_surnames_and_fixes_stock_phrases(
    text: str, expected_standard: str, target: str
) -> None:
    expected = conv(expected_standard, target, source="zh-Hant").text
    assert hant(text, target) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("其余部长", "其餘部長"),  # 其余 is segmented first: the surname entry does not apply
        ("关于部长", "關於部長"),
        ("到会200余同志", "到會200餘同志"),  # a count before 余 keeps 餘
        ("万余同志", "萬餘同志"),
        ("胡同志愿者", "衚衕志願者"),  # hutong volunteers, not comrade Hu
        ("余额", "餘額"),
    ],
)
def test_glossary_entries_take_part_in_longest_match_segmentation(text: str, expected: str) -> None:
    assert hant(text) == expected


def _entries(name: str) -> list[tuple[str, str]]:
    return [(e.key, e.value) for e in load_glossary(ROOT / "glossary" / name)]


PROTECTIVE = re.compile(r"^([0-9十百千万]余|胡同志愿)")


@pytest.mark.parametrize(("key", "value"), _entries("s2t.tsv"))
def test_every_s2t_glossary_entry_is_applied_and_needed(key: str, value: str) -> None:
    assert hant(key) == value
    raw = opencc.OpenCC("s2t.json").convert(key)
    # Protective entries agree with OpenCC; they only stop a surname entry from capturing text.
    assert (raw == value) == bool(PROTECTIVE.match(key))


@pytest.mark.parametrize(("key", "value"), _entries("t2s.tsv"))
def test_every_t2s_glossary_entry_is_applied_and_needed(key: str, value: str) -> None:
    assert conv(key, "zh-Hans", source="zh-Hant").text == value
    assert opencc.OpenCC("t2s.json").convert(key) != value


def test_taiwan_zhe_is_simplified_even_when_detected_as_plain_traditional() -> None:
    result = conv("隨著經濟發展，各單位著力推進", "zh-Hans")
    assert result.source == "zh-Hant"
    assert result.text == "随着经济发展，各单位着力推进"


def test_glossary_file_format(tmp_path: Path) -> None:
    path = tmp_path / "s2t.tsv"
    path.write_text(
        "# comment\n\n甲乙\t甲乙\n坏行没有制表符\n丙 丁\t丙丁\n甲乙\t甲乙丙  # trailing comment\n",
        encoding="utf-8",
    )
    assert [(e.key, e.value, e.line) for e in load_glossary(path)] == [("甲乙", "甲乙丙", 6)]
    assert load_glossary(tmp_path / "missing.tsv") == []


def test_edited_glossary_is_loaded_into_opencc(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    glossary = tmp_path / "glossary"
    glossary.mkdir()
    (glossary / "s2t.tsv").write_text("发展\t发展\n", encoding="utf-8")
    (glossary / "s2tw.tsv").write_text("数据\t資料\n", encoding="utf-8")
    monkeypatch.setenv("HUIBAO_GLOSSARY_DIR", str(glossary))
    monkeypatch.setenv("HUIBAO_CACHE_DIR", str(tmp_path / "cache"))
    assert hant("发展") == "发展"
    # Longest match across glossary and OpenCC phrases: OpenCC's longer 经济发展 still wins,
    # which plain string replacement before or after OpenCC could not reproduce.
    assert hant("经济发展") == "經濟發展"
    assert hant("数据") == "數據"
    assert hant("数据", "zh-Hant-TW") == "資料"  # regional file, TW target only
    config = json.loads(next((tmp_path / "cache").glob("*/s2tw.json")).read_text("utf-8"))
    first = config["conversion_chain"][0]["dict"]["dicts"][0]
    assert first["type"] == "text"
    assert config["segmentation"]["dict"]["dicts"][0]["type"] == "text"


# --- repair --------------------------------------------------------------------------------


def test_repair_normalises_a_character_table_conversion_then_converts_properly() -> None:
    result = conv("關于進一步規范干部管理", "zh-Hant", repair=True)
    assert result.text == "關於進一步規範幹部管理"
    assert result.changes == [Change("于", "於", 1, 2), Change("范干", "範幹", 6, 8)]


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("zh-Hans", "关于进一步规范干部管理"),
        ("zh-Hant-TW", "關於進一步規範幹部管理"),
        ("zh-Hant-HK", "關於進一步規範幹部管理"),
    ],
)
def test_repair_to_every_target(target: str, expected: str) -> None:
    assert conv("關于進一步規范干部管理", target, repair=True).text == expected


def test_detected_mixed_text_is_repaired() -> None:
    result = conv("这是繁體和简体混合的文字，發展經濟，关于干部", "zh-Hant")
    assert result.source == "mixed"
    assert result.text == "這是繁體和簡體混合的文字，發展經濟，關於幹部"


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not present")
def test_seed_003_half_converted_words_are_repaired() -> None:
    text = (SEEDS / "003_a1536923cf235eb8.part1.txt").read_text(encoding="utf-8")
    result = conv(text, "zh-Hant-TW", repair=True)
    assert result.source == "zh-Hant"
    for bad in ("關于", "規范", "采取"):
        assert bad in text
        assert bad not in result.text
    assert "關於" in result.text and "規範" in result.text and "採取" in result.text


# --- round trips ---------------------------------------------------------------------------

REPORT = (
    "关于进一步做好干部队伍建设工作的情况汇报\n"
    "根据县委要求，现将有关情况汇报如下：\n"
    "一、基本情况。截至目前，全县共排查发热人员126人，其中居家隔离98人、集中隔离28人，"
    "复工率达98.36%。\n"
    "二、主要工作及成效。一是加强组织领导，成立由余局长任组长的工作专班；二是强化联防联控，"
    "各乡镇干部下沉一线，舍小家为大家；三是规范台账管理，采取线上线下相结合的方式。\n"
    "三、存在问题。部分村里面宣传不到位，后续保障准备不足。\n"
    "四、下一步工作打算。严格落实各项防控措施，确保人民群众身体健康。\n"
    "特此报告。"
)


@pytest.mark.parametrize("target", TARGETS[1:])
def test_report_text_round_trips_through_every_traditional_target(target: str) -> None:
    there = conv(REPORT, target, source="zh-Hans")
    back = conv(there.text, "zh-Hans", source=target)
    assert back.text == REPORT
    assert conv(there.text, "zh-Hans").text == REPORT  # detected source


def _seed_texts() -> list[Path]:
    if not SEEDS.is_dir():
        return []
    return [p for p in sorted(SEEDS.glob("*.txt")) if not p.name.startswith("003")]


@pytest.mark.skipif(not SEEDS.is_dir(), reason="shared seeds not present")
@pytest.mark.parametrize("seed", _seed_texts(), ids=lambda p: p.name[:3])
def test_simplified_seeds_round_trip_through_standard_traditional(seed: Path) -> None:
    text = seed.read_text(encoding="utf-8")
    there = conv(text, "zh-Hant", source="zh-Hans").text
    assert conv(there, "zh-Hans", source="zh-Hant").text == text


# --- OpenCC's own test cases ---------------------------------------------------------------

CONFIG_TO_CALL = {
    "s2t": ("zh-Hans", "zh-Hant", False),
    "s2tw": ("zh-Hans", "zh-Hant-TW", False),
    "s2twp": ("zh-Hans", "zh-Hant-TW", True),
    "s2hk": ("zh-Hans", "zh-Hant-HK", False),
    "t2s": ("zh-Hant", "zh-Hans", False),
    "tw2s": ("zh-Hant-TW", "zh-Hans", False),
    "tw2sp": ("zh-Hant-TW", "zh-Hans", True),
    "hk2s": ("zh-Hant-HK", "zh-Hans", False),
}

# (case id, config) pairs whose expectation the glossary overrides on purpose. None of the
# vendored cases touches a glossary phrase today; an entry here must say which glossary line.
GLOSSARY_OVERRIDES: dict[tuple[str, str], str] = {}


def _opencc_cases() -> list[tuple[str, str, str, str]]:
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    return [
        (case["id"], config, case["input"], expected)
        for case in data["cases"]
        for config, expected in case["expected"].items()
    ]


@pytest.mark.parametrize(("case_id", "config", "text", "expected"), _opencc_cases())
def test_opencc_testcases_still_pass_with_the_glossary_loaded(
    case_id: str, config: str, text: str, expected: str
) -> None:
    source, target, regional = CONFIG_TO_CALL[config]
    result = conv(text, target, source=source, regional_vocabulary=regional)
    if (case_id, config) in GLOSSARY_OVERRIDES:
        assert result.text != expected
    else:
        assert result.text == expected


# --- parameters and changes ----------------------------------------------------------------


def test_unknown_target_is_a_bad_request_naming_the_parameter() -> None:
    with pytest.raises(BadRequest) as info:
        conv("干部", "zh-TW")
    assert info.value.errors[0].field == "to"
    assert "zh-Hant-TW" in info.value.message and "zh-TW" in info.value.message


def test_unknown_source_is_a_bad_request_naming_from() -> None:
    with pytest.raises(BadRequest) as info:
        conv("干部", "zh-Hant", source="traditional")
    assert info.value.errors[0].field == "from"


def test_source_is_detected_when_not_given() -> None:
    assert conv("疫情防控工作匯報", "zh-Hans").source == "zh-Hant"
    assert conv("疫情防控工作汇报", "zh-Hant").source == "zh-Hans"
    assert conv("Hello", "zh-Hant").text == "Hello"


def test_changes_list_every_replaced_span_with_input_offsets() -> None:
    result = conv("加强干部管理，头发", "zh-Hant", source="zh-Hans")
    assert result.text == "加強幹部管理，頭髮"
    assert result.changes == [
        Change("强干", "強幹", 1, 3),
        Change("头发", "頭髮", 7, 9),
    ]
    for change in result.changes:
        assert "加强干部管理，头发"[change.start : change.end] == change.original


def test_changes_when_a_line_changes_length() -> None:
    changes = diff_changes("甲乙\n丙丁戊", "甲乙\n丙X戊Y")
    assert changes == [Change("丁", "X", 4, 5), Change("", "Y", 6, 6)]


def test_empty_text_converts_to_empty_text() -> None:
    result = conv("", "zh-Hant")
    assert result.text == "" and result.changes == []


# --- .docx ---------------------------------------------------------------------------------


def _save(document: object) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


def test_phrase_split_across_runs_converts_as_a_phrase_and_keeps_formatting() -> None:
    document = docx.Document()
    para = document.add_paragraph()
    para.add_run("加强")
    first = para.add_run("干")
    first.bold = True
    second = para.add_run("部")
    second.italic = True
    second.font.size = Pt(16)
    para.add_run("队伍建设，头")
    para.add_run("发")

    data, changes = convert_docx(_save(document), opts("zh-Hant-TW"))
    runs = docx.Document(io.BytesIO(data)).paragraphs[0].runs
    assert [r.text for r in runs] == ["加強", "幹", "部", "隊伍建設，頭", "髮"]
    assert runs[1].bold is True and runs[1].italic is None
    assert runs[2].italic is True and runs[2].font.size == Pt(16)
    assert Change("干", "幹", 3, 4) in changes or Change("强干", "強幹", 1, 3) in changes


def test_docx_headers_footers_tables_nested_tables_and_title_are_converted() -> None:
    document = docx.Document()
    document.core_properties.title = "关于干部工作的汇报"
    document.core_properties.subject = "疫情防控"
    section = document.sections[0]
    section.header.paragraphs[0].text = "县发展和改革局"
    section.footer.paragraphs[0].text = "第1页 后续"
    document.add_paragraph("正文：余局长听取了汇报。")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "项目"
    inner = table.cell(0, 1).add_table(rows=1, cols=1)
    inner.cell(0, 0).text = "联系电话"

    data, _ = convert_docx(_save(document), opts("zh-Hant"))
    out = docx.Document(io.BytesIO(data))
    assert out.core_properties.title == "關於幹部工作的彙報"
    assert out.core_properties.subject == "疫情防控"
    assert out.sections[0].header.paragraphs[0].text == "縣發展和改革局"
    assert out.sections[0].footer.paragraphs[0].text == "第1頁 後續"
    assert out.paragraphs[0].text == "正文：余局長聽取了彙報。"
    cell = out.tables[0].cell(0, 0)
    assert cell.text == "項目"
    assert out.tables[0].cell(0, 1).tables[0].cell(0, 0).text == "聯繫電話"


def test_docx_comments_are_converted() -> None:
    document = docx.Document()
    para = document.add_paragraph("发展")
    document.add_comment(para.runs, text="请核实头发数据", author="审核")
    data, _ = convert_docx(_save(document), opts("zh-Hant"))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        comments = zf.read("word/comments.xml").decode("utf-8")
    assert "請覈實頭髮數據" in comments


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _with_footnotes_and_textbox(data: bytes) -> bytes:
    """Add a footnotes part and a VML text box to a python-docx package (raw zip edit)."""
    footnotes = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:footnotes xmlns:w="{W}"><w:footnote w:id="1"><w:p>'
        "<w:r><w:t>注：干部</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>名单</w:t></w:r>"
        "</w:p></w:footnote></w:footnotes>"
    )
    textbox = (
        "<w:p><w:r><w:t>框外发展</w:t></w:r><w:r><w:pict>"
        '<v:shape xmlns:v="urn:schemas-microsoft-com:vml">'
        "<v:textbox><w:txbxContent><w:p><w:r><w:t>框内头发</w:t></w:r></w:p></w:txbxContent>"
        "</v:textbox></v:shape></w:pict></w:r></w:p>"
    )
    return add_footnotes(data, footnotes, textbox)


def test_docx_footnotes_and_text_boxes_are_converted_separately() -> None:
    document = docx.Document()
    document.add_paragraph("正文")
    data = _with_footnotes_and_textbox(_save(document))

    converted, _ = convert_docx(data, opts("zh-Hant"))
    with zipfile.ZipFile(io.BytesIO(converted)) as zf:
        footnotes = zf.read("word/footnotes.xml").decode("utf-8")
        body = zf.read("word/document.xml").decode("utf-8")
    assert "<w:t>注：幹部</w:t>" in footnotes
    assert "<w:b/></w:rPr><w:t>名單</w:t>" in footnotes
    assert "<w:t>框外發展</w:t>" in body
    assert "<w:t>框內頭髮</w:t>" in body
    reopened = docx.Document(io.BytesIO(converted))  # still a valid package
    assert reopened.paragraphs[0].text == "正文"


def test_convert_document_works_in_place_and_detects_the_source() -> None:
    document = docx.Document()
    document.add_paragraph("疫情防控工作匯報")
    changes = convert_document(document, opts("zh-Hans"))
    assert document.paragraphs[0].text == "疫情防控工作汇报"
    assert [c.original for c in changes] == ["匯報"]


def test_docx_already_in_target_script_is_unchanged() -> None:
    document = docx.Document()
    document.add_paragraph("疫情防控工作汇报")
    data, changes = convert_docx(_save(document), opts("zh-Hans"))
    assert changes == []
    assert docx.Document(io.BytesIO(data)).paragraphs[0].text == "疫情防控工作汇报"


def test_split_lengths_gives_the_remainder_to_the_last_affected_run() -> None:
    split = split_lengths
    assert split("ab", "AB", [1, 1]) == ["A", "B"]
    assert split("xaby", "xABCy", [2, 1, 1]) == ["xA", "BC", "y"]
    assert split("xaby", "xAy", [2, 1, 1]) == ["xA", "", "y"]
    assert "".join(split("甲乙丙", "甲XYZ丙", [1, 1, 1])) == "甲XYZ丙"


# --- uploads -------------------------------------------------------------------------------


def test_upload_that_is_not_a_docx_is_refused() -> None:
    with pytest.raises(UnsupportedMedia):
        convert_docx(b"plain text, not a Word file", opts("zh-Hant"))


def test_zip_without_word_document_is_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(UnsupportedMedia):
        convert_docx(buffer.getvalue(), opts("zh-Hant"))


def test_docx_with_entity_declarations_is_refused() -> None:
    data = _save(docx.Document())
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename == "word/document.xml":
                body = body.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY a "aaaa">]>', 1)
            zf.writestr(item, body)
    with pytest.raises(UploadRejected):
        convert_docx(out.getvalue(), opts("zh-Hant"))


def test_oversized_upload_is_refused() -> None:
    data = _save(docx.Document())
    with pytest.raises(PayloadTooLarge):
        convert_docx(data, opts("zh-Hant"), limits=UploadLimits(max_bytes=100))


def test_bad_target_is_refused_before_reading_the_upload() -> None:
    with pytest.raises(BadRequest):
        convert_docx(b"junk", opts("klingon"))


# --- Taiwan / Hong Kong conventions ---------------------------------------------------------


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("zh-Hant", "開展“回頭看”和‘四不兩直’"),
        ("zh-Hant-TW", "開展「回頭看」和『四不兩直』"),
        ("zh-Hant-HK", "開展「回頭看」和『四不兩直』"),
    ],
)
def test_taiwan_and_hong_kong_quote_with_corner_brackets(target: str, expected: str) -> None:
    result = conv("开展“回头看”和‘四不两直’", target, source="zh-Hans")
    assert result.text == expected
    assert conv(result.text, "zh-Hans", source=target).text == "开展“回头看”和‘四不两直’"


@pytest.mark.parametrize(
    ("simplified", "taiwan"),
    [("发布通知", "發布通知"), ("公布结果", "公布結果"), ("分布广泛", "分布廣泛"), ("占用通道", "占用通道")],
)
def test_taiwan_glossary_uses_moe_standard_forms(simplified: str, taiwan: str) -> None:
    assert conv(simplified, "zh-Hant-TW", source="zh-Hans").text == taiwan
    assert conv(simplified, "zh-Hant", source="zh-Hans").text != taiwan  # OpenCC: 佈/佔
