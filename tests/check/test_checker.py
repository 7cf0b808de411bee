"""Tests for the placeholder and defect checker (huibao.check.checker)."""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml

from huibao.check.checker import Finding, check_file, check_text, extract_docx_text
from huibao.errors import HuibaoError, PayloadTooLarge, UnsupportedMedia, UploadRejected
from huibao.uploads import MB, UploadLimits
from tests.docx_parts import add_footnotes

SEEDS = Path(__file__).parents[3] / "shared" / "seeds"


def kinds_and_texts(text: str, kind: str | None = None) -> list[tuple[str, str]]:
    return [(f.kind, f.text) for f in check_text(text) if kind is None or f.kind == kind]


def has_cjk(s: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in s)


# --- one table per class: (text, expected matched texts for that kind) ---------------------

CASES: dict[str, list[tuple[str, list[str]]]] = {
    "letter_slot": [
        ("我叫xx，", ["xx"]),
        ("x月x日召开会议", ["x", "x"]),
        ("人口x.x万人", ["x.x"]),
        ("20xx年工作总结", ["xx"]),
        ("XX同志讲话", ["XX"]),
        ("截至x月xx日xx時，該區", ["x", "xx", "xx"]),
        # near-misses: Latin words and identifiers
        ("通过xxtv1频道播出", []),
        ("用Excel表格统计", []),
        ("前往Xi'an调研", []),
        ("开展X光检查", []),
        ("棋牌室、ktv、网吧", []),
    ],
    "symbol_slot": [
        ("已排查_人", ["_"]),
        ("截至__时，排查__人", ["__", "__"]),
        ("20__年1月22日", ["__"]),  # a blank year alone stays a symbol slot
        ("办理____号", ["____"]),
        ("×××同志", ["×××"]),
        ("线索*个，", ["*"]),
        ("省委书记***在会上", ["***"]),
        ("目前共落实??人申领", ["??"]),
        ("x月x日至**日", ["**"]),
        ("共有×座水库", ["×"]),
        ("水库\n×座", ["×"]),  # a table cell opening with ×
        ("共有 × 座", ["×"]),
        # near-misses
        ("3×4米的展板", []),
        ("展板 3 × 4 米", []),
        ("矩阵 a × b", []),
        ("是否完成\n√\n×\n", []),  # a table cell holding only a mark
        ("**重点工作**要抓实", []),
        ("文件名 report_2020.docx 已上传", []),
    ],
    "anonymised_name": [
        ("某某区火星街道", ["某某"]),
        ("某市以预防为主", ["某"]),
        ("--社区全体干部", ["--"]),
        ("《致——街道办居民的一封信》", ["——"]),
        ("查处了某單位不及時組織", ["某"]),
        # near-misses
        ("某些单位、某种程度、某个环节", []),
        ("“局长——校长连线”工作", []),
        ("一个目标——区域协调发展", []),
    ],
    "stripped_number": [
        ("截至月日时，当日无新增", ["月日时"]),
        ("累计确诊患者例，", ["例"]),
        ("网报密切接触者人，其中集中隔离人，", ["人", "人"]),
        ("排查返乡人员人，其中", ["人"]),
        ("下设个工作组，", ["个"]),
        ("及时拨付专项资金万元，", ["万元"]),
        ("浏览量超过万人次。", ["万人次"]),
        ("国办发〔〕6号", ["〔〕6号"]),
        ("国办发〔2020〕号文件", ["〔2020〕号"]),
        ("区委召开年第次常委会", ["年第次"]),
        ("签订责任书.万份，", [".万"]),
        ("复工率达%。", ["%"]),
        ("，名县级干部任副组长，家单位为成员", ["名", "家"]),
        ("工作人员小时查验", ["小时"]),
        ("现已入库N、N防护口罩个，", ["N、N", "个"]),
        ("隔离服套，乳胶手套双，酒精吨，消毒液公斤，", ["套", "双", "吨", "公斤"]),
        ("經營單位價格檢查戶次，", ["戶次"]),
        ("建立臨時黨支部個，", ["個"]),
        # near-misses
        ("加强个人防护，个别单位", []),
        ("人员流动大，人民群众", []),
        ("名单已公示，日常巡查", []),
        ("时间紧，月份统计", []),
        ("每小时上门一次", []),
        ("分批次进行检测", []),
        ("逐车辆、逐车次排查", []),
        ("不可失防万一，千家万户", []),
        ("由管护人、社区负责人签字", []),
        ("病例，案例，比例，条例", []),
        ("企业家、专家、大家、国家、厂家", []),
        ("配套，手套，外套", []),
        ("这个问题，每个小区，整个过程", []),
        ("日产量为 4-5 万个，县财政拿出 1000 万元", []),
        ("上个月，本月日均", []),
    ],
    "empty_label": [
        ("组长：\n成员：张三", ["组长："]),
        ("成员：。", ["成员：。"]),
        ("联系电话：", ["联系电话："]),
        ("聯系電話:", ["聯系電話:"]),
        # near-misses: filled labels and addressee lines
        ("组长：张三。", []),
        ("联系电话：12345678", []),
        ("县防控指挥部：", []),
    ],
    "scraper_junk": [
        ("下面是小编为大家整理的汇报，供大家参考。", ["小编为大家整理的汇报，供大家参考"]),
        ("工作总结(热门18篇)", ["(热门18篇)"]),
        ("推荐访问：疫情 防控", ["推荐访问"]),
        ("本文来源：网络", ["本文来源"]),
        ("br/>", ["br/>"]),
        ("p>", ["p>"]),
        ("将本文的word文档下载到电脑", ["word文档下载到电脑"]),
        ("以下是為大家整理的範文", ["為大家整理的範文"]),
        ("尺寸分厘chicunfenli，落实", ["尺寸分厘chicunfenli"]),
        # near-misses
        ("参考兄弟单位的做法", []),
        ("分享经验做法", []),
    ],
    "mojibake": [
        ("阻擊戰??h紀委監委嚴格執紀", ["??h"]),
        ("数据鍙鐨勬槸鍦ㄤ竴涓，完成", ["鍙鐨勬槸鍦ㄤ竴涓"]),
        ("文字锟斤拷乱码", ["锟斤拷"]),
        # near-misses: a real question mark, a ?? slot in simplified text
        ("檢測需要多少天?核酸檢測設備", []),
        ("共落实??人申领", []),
    ],
    "broken_date": [
        ("1 21 日，省市召开会议", ["1 21 日"]),
        ("截至 2020129日晚", ["2020129日"]),
        ("截止 2020 1 28 18:00 共排查", ["2020 1 28 18:00"]),
        ("截至 ２０２０１２９日晚", ["２０２０１２９日"]),
        # near-misses
        ("2020年1月21日", []),
        ("晚 21:00 时", []),
        ("24 小时监控", []),
        ("编号１２３４５时", []),  # full-width digits follow the rules of ASCII ones
    ],
    "unbalanced_quote": [
        ("建立“一人一档“，强化", ["“"]),
        ("树牢“四个意识，坚定信心", ["“"]),
        ("意识”要牢固", ["”"]),
        ("印发《实施方案", ["《"]),
        # near-misses: balanced and nested
        ("树牢“四个意识”、落实“五早”", []),
        ("他说：“要树立“定心盘”，坚定信心。”", []),
    ],
    "numbering_gap": [
        ("一、基本情况\n三、存在问题", ["三、"]),
        ("一、工作情况\n、存在的问题\n三、下一步", ["、"]),
        ("一是加强领导。三是压实责任。", ["三是"]),
        ("（一）组织\n（三）措施", ["（三）"]),
        # near-misses
        ("一、甲\n二、乙\n三、丙", []),
        ("一是甲；二是乙；三是丙。一是丁。", []),
    ],
    "numbering_restart": [
        ("1.甲\n2.乙\n1.丙", ["1."]),
        ("一、甲\n二、乙\n一、丙", ["一、"]),
        # near-miss: a lower level restarts under a new parent
        ("一、甲\n1.子\n2.子\n二、乙\n1.子", []),
    ],
    "mixed_numbering": [
        ("1.甲\n2、乙", ["2、"]),
        ("1是信仰所望。", ["1是"]),
        ("一.基本情况", ["一."]),
        # near-misses
        ("1.甲\n2.乙\n3.丙", []),
        ("发放资料1.2万份", []),
    ],
    "doubled_punctuation": [
        ("排查，，登记", ["，，"]),
        ("落实情况；。", ["；。"]),
        ("设立南、北、、、高速口", ["、、、"]),
        # near-misses
        ("真的吗？！", []),
        ("等等……", []),
    ],
    "doubled_word": [
        ("成立成立义务宣传队", ["成立成立"]),
        ("疫情防控疫情防控工作", ["疫情防控疫情防控"]),
        # near-misses
        ("一步一步推进，人人参与，研究研究", []),
        ("严而又严，实而又实", []),
    ],
    "fragment_line": [
        ("当前，\n春节。\n临近", ["春节。"]),
        ("全力推进各项工作。\n。\n下一步", ["。"]),
        # near-misses
        ("全力推进各项工作。\n特此报告。", []),
    ],
    "ascii_punctuation": [
        ("情况,落实", [","]),
        ("要求:做好", [":"]),
        ("《方案》(第二版)", ["(", ")"]),
        ("工作;加强", [";"]),
        # near-misses
        ("晚 21:00 时", []),
        ("Hello, world", []),
        ("访问 https://www.gov.cn/a,b 获取", []),
    ],
    "incomplete_conversion": [
        ("縣政府關于疫情防控工作的通知", ["于"]),
        ("完善和規范相關資料", ["范"]),
        ("對黨員干部進行再發動", ["干"]),
        ("縣委采取“實地暗訪”方式", ["采"]),
        ("要加強對志愿者隊伍的管理", ["愿"]),
        # near-misses: proper traditional, Taiwan variants, simplified text, surname 余
        ("縣政府關於疫情防控工作的通知，幹部採取措施", []),
        ("為了群眾，裡外兼顧", []),
        ("关于疫情防控工作的汇报，干部采取措施", []),
        ("王校長與余局長溝通防疫工作", []),
    ],
    "wording": [
        ("截止目前，已排查", ["截止"]),
        # near-miss
        ("报名截止时间为", []),
    ],
}


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [(kind, text, exp) for kind, rows in CASES.items() for text, exp in rows],
    ids=[f"{kind}-{i}" for kind, rows in CASES.items() for i in range(len(rows))],
)
def test_each_class_hits_and_near_misses(kind: str, text: str, expected: list[str]) -> None:
    assert [t for _, t in kinds_and_texts(text, kind)] == expected


GENUINE = [
    "一是加强组织领导，二是压实工作责任，三是强化督查问责。",
    "牢固树立“四个意识”，落实“五早”要求。",
    "储备N95口罩2万个、KN95口罩5000个。",
    "划定3公里管控区，集中隔离14天，开展第二轮全员核酸检测。",
    "2020年2月10日，召开专题会议，做到不漏一户、不漏一人。",
    "发放宣传资料1.2万份，复工率达98.4%，截至2020年1月28日18时。",
    "累计排查126人，其中返乡98人、外来28人；落实居家隔离14户46人。",
    "下设5个工作组，专项资金81.328万元，依据国办发〔2020〕6号文件。",
    "请将材料发送至 office@example.gov.cn，或访问 https://www.gov.cn/zhengce/index.html 查询。",
    "通过xxtv1频道和Excel表格统计，赴Xi'an学习。",
    "加强个人防护，个别单位人员名单日常时间月份统计，人民群众满意。",
    "关于疫情防控工作情况的汇报",
    "县防控指挥部：",
    "根据县委要求，现将有关情况汇报如下：",
    "特此报告。",
    "全区800个有围墙的居住小区已实现封闭式管理。",
    "近日，连日来，截至目前，各项工作有序推进。",
    "縣政府關於疫情防控工作的報告，幹部採取措施，規範管理，志願者積極參與。",
]


@pytest.mark.parametrize("text", GENUINE)
def test_genuine_content_is_not_flagged(text: str) -> None:
    assert check_text(text) == []


def test_findings_carry_offsets_lines_paragraphs_and_chinese_text() -> None:
    text = "关于疫情防控的汇报\n\n截至月日时，累计排查XX人。\n联系电话："
    findings = check_text(text)
    assert [f.kind for f in findings] == ["stripped_number", "letter_slot", "empty_label"]
    for f in findings:
        assert text[f.start : f.end] == f.text
        assert f.severity == "error"
        assert has_cjk(f.message) and has_cjk(f.suggestion)
    assert (findings[0].line, findings[0].paragraph) == (3, 2)
    assert (findings[2].line, findings[2].paragraph) == (4, 3)
    d = findings[1].as_dict()
    assert d["kind"] == "letter_slot" and d["text"] == "XX" and d["line"] == 3


def test_findings_are_sorted_by_start() -> None:
    findings = check_text("排查_人，xx户，某某社区，截至月日时")
    starts = [f.start for f in findings]
    assert starts == sorted(starts)


def test_empty_text_has_no_findings() -> None:
    assert check_text("") == []


def test_markdown_syntax_is_not_a_slot() -> None:
    md = "# 关于疫情防控的汇报\n\n> 主送：县指挥部\n\n- 一是**加强领导**\n* 二是*压实责任*\n\n***\n"
    assert check_text(md, markdown=True) == []
    # but a real slot inside Markdown is still found
    assert kinds_and_texts("- 排查__人", "symbol_slot") == [("symbol_slot", "__")]


def test_crlf_text_is_checked_like_lf() -> None:
    assert [f.kind for f in check_text("组长：\r\n成员：张三")] == ["empty_label"]


# --- corpus ------------------------------------------------------------------------------

# Counts per class per seed, verified by reading each finding listing while calibrating.
# Exact for the slot classes; ranges where a class has hundreds of hits.
SEED_COUNTS: dict[str, dict[str, int | tuple[int, int]]] = {
    "000": {
        "blank_date": 0, "bracket_slot": 0,
        "stripped_number": 63, "scraper_junk": 2, "doubled_punctuation": 1,
        "ascii_punctuation": (240, 260), "letter_slot": 0, "symbol_slot": 0,
        "incomplete_conversion": 0, "mojibake": 0,
    },
    "001": {
        # the 10 blank dates (9 × __月__日, 2月__日) were 19 symbol slots before they had a kind
        "letter_slot": 88, "symbol_slot": 147, "blank_date": 10, "anonymised_name": 8, "scraper_junk": 6,
        "unbalanced_quote": 6, "fragment_line": 4, "doubled_word": 1, "mixed_numbering": 3,
        "numbering_gap": 2, "numbering_restart": 3, "wording": 4, "stripped_number": 0,
        "incomplete_conversion": 0, "mojibake": 0, "ascii_punctuation": (1550, 1650), "bracket_slot": 0,
    },
    "002": {
        "blank_date": 0, "bracket_slot": 0,
        "symbol_slot": 76, "broken_date": 8, "scraper_junk": 8, "numbering_gap": 1,
        "wording": 4, "stripped_number": 0, "letter_slot": 0, "incomplete_conversion": 0,
        "ascii_punctuation": (280, 330),
    },
    "003": {
        "blank_date": 0, "bracket_slot": 0,
        "letter_slot": 83, "symbol_slot": 34, "mojibake": 21, "scraper_junk": 8,
        "anonymised_name": 2, "doubled_punctuation": 12, "fragment_line": 5,
        "numbering_gap": 1, "numbering_restart": 10, "stripped_number": 0,
        "incomplete_conversion": (280, 310), "ascii_punctuation": (1600, 1700),
    },
    "004": {
        "blank_date": 0, "bracket_slot": 0,
        "letter_slot": 8, "scraper_junk": 3, "symbol_slot": 0, "stripped_number": 0,
        "unbalanced_quote": 0, "numbering_gap": 0, "incomplete_conversion": 0,
        "ascii_punctuation": (100, 130),
    },
}


def _seed(prefix: str) -> Path:
    if not SEEDS.is_dir():
        pytest.skip("shared seeds folder is absent")
    matches = sorted(SEEDS.glob(f"{prefix}_*.txt"))
    if not matches:
        pytest.skip(f"seed {prefix} is absent")
    return matches[0]


@pytest.mark.parametrize("prefix", sorted(SEED_COUNTS))
def test_seed_counts_per_class(prefix: str) -> None:
    text = _seed(prefix).read_text(encoding="utf-8")
    counts = Counter(check_text(text).counts)  # every finding, those past the cap included
    print(prefix, dict(sorted(counts.items())))
    for kind, expected in SEED_COUNTS[prefix].items():
        if isinstance(expected, tuple):
            lo, hi = expected
            assert lo <= counts[kind] <= hi, (kind, counts[kind])
        else:
            assert counts[kind] == expected, (kind, counts[kind])


def test_seed_003_reports_the_known_half_converted_words() -> None:
    text = _seed("003").read_text(encoding="utf-8")
    conv = Counter(f.text for f in check_text(text) if f.kind == "incomplete_conversion")
    for char in ("于", "干", "采", "范", "愿"):
        assert conv[char] >= 10, (char, conv[char])


def test_seed_000_reports_the_stripped_as_of_time() -> None:
    text = _seed("000").read_text(encoding="utf-8")
    hits = [f for f in check_text(text) if f.kind == "stripped_number" and f.text == "月日时"]
    assert len(hits) == 1 and text[hits[0].start - 2 : hits[0].start] == "截至"


# --- .docx extraction ----------------------------------------------------------------------

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
TEXTBOX = (
    f'<w:r {W_NS} xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
    "<mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wps:txbx><w:txbxContent>"
    "<w:p><w:r><w:t>文本框里有某某社区</w:t></w:r></w:p>"
    "</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
    "<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>文本框里有某某社区</w:t></w:r></w:p>"
    "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
)


def make_docx() -> bytes:
    document = docx.Document()
    p = document.add_paragraph("截至")
    p.add_run("月日")  # a slot split across runs
    p.add_run("时，无新增病例。")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "组长："
    table.cell(0, 1).text = "排查XX人"
    anchor = document.add_paragraph("正文之后")
    anchor._p.append(parse_xml(TEXTBOX))
    section = document.sections[0]
    section.header.paragraphs[0].text = "页眉：×××单位"
    section.footer.paragraphs[0].text = "页脚：__年"
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def test_docx_extraction_covers_runs_tables_text_boxes_headers_and_footers() -> None:
    data = make_docx()
    text = extract_docx_text(docx.Document(io.BytesIO(data)))
    lines = text.split("\n")
    assert "截至月日时，无新增病例。" in lines
    assert lines.index("截至月日时，无新增病例。") < lines.index("组长：") < lines.index("排查XX人")
    assert lines.count("文本框里有某某社区") == 1  # the mc:Fallback copy is skipped
    assert "页眉：×××单位" in lines and "页脚：__年" in lines


def test_check_file_on_docx_finds_slots_everywhere() -> None:
    text, findings = check_file(make_docx(), "draft.docx")
    got = {(f.kind, f.text) for f in findings}
    assert {
        ("stripped_number", "月日时"),
        ("empty_label", "组长："),
        ("letter_slot", "XX"),
        ("anonymised_name", "某某"),
        ("symbol_slot", "×××"),
        ("symbol_slot", "__"),
    } <= got
    for f in findings:
        assert text[f.start : f.end] == f.text


def test_docx_footnotes_are_extracted() -> None:
    document = docx.Document()
    document.add_paragraph("正文")
    buf = io.BytesIO()
    document.save(buf)
    data = add_footnotes(
        buf.getvalue(),
        f'<w:footnotes {W_NS}><w:footnote w:id="1"><w:p><w:r><w:t>脚注：联系电话：'
        "</w:t></w:r></w:p></w:footnote></w:footnotes>",
    )
    text, findings = check_file(data)
    assert "脚注：联系电话：" in text.split("\n")
    assert ("empty_label", "联系电话：") in {(f.kind, f.text) for f in findings}


def test_check_file_on_text_and_markdown() -> None:
    text, findings = check_file("排查__人\n".encode("gb18030"), "a.txt")
    assert text.startswith("排查__人") and [f.kind for f in findings] == ["symbol_slot"]
    _, md_findings = check_file("**重点**工作\n".encode(), "a.md")
    assert md_findings == []


# --- upload guards -------------------------------------------------------------------------


def assert_chinese_refusal(exc: HuibaoError) -> None:
    assert has_cjk(exc.message)
    assert 400 <= exc.status < 500


def test_oversize_upload_is_refused() -> None:
    with pytest.raises(PayloadTooLarge) as info:
        check_file(b"a" * (MB + 1), "big.txt", limits=UploadLimits(max_bytes=MB))
    assert_chinese_refusal(info.value)
    assert info.value.status == 413


def test_docx_name_that_is_not_a_zip_is_refused() -> None:
    with pytest.raises(UnsupportedMedia) as info:
        check_file(b"this is not a word file", "draft.docx")
    assert_chinese_refusal(info.value)


def test_zip_that_is_not_a_docx_is_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("readme.txt", "hello")
    with pytest.raises(UnsupportedMedia) as info:
        check_file(buf.getvalue(), "x.docx")
    assert_chinese_refusal(info.value)


def test_zip_bomb_is_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<a>" + "0" * (20 * MB) + "</a>")
    with pytest.raises(UploadRejected) as info:
        check_file(buf.getvalue(), "bomb.docx")
    assert_chinese_refusal(info.value)


@pytest.mark.parametrize("decl", [b'<!DOCTYPE x [<!ENTITY a "b">]>', b'<!ENTITY a "b">'])
def test_xml_entity_declarations_are_refused(decl: bytes) -> None:
    data = make_docx()
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            part = src.read(item.filename)
            if item.filename == "word/document.xml":
                head, _, rest = part.partition(b"?>")
                part = head + b"?>" + decl + rest
            dst.writestr(item, part)
    with pytest.raises(UploadRejected) as info:
        check_file(out.getvalue(), "evil.docx")
    assert_chinese_refusal(info.value)


def test_binary_text_upload_is_refused() -> None:
    with pytest.raises(UnsupportedMedia) as info:
        check_file(b"\x00\x01\x02binary", "a.txt")
    assert_chinese_refusal(info.value)


def test_legacy_doc_is_refused_with_a_hint() -> None:
    with pytest.raises(UnsupportedMedia) as info:
        check_file(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old.doc")
    assert ".docx" in info.value.message


def test_finding_is_immutable() -> None:
    f = check_text("排查_人")[0]
    assert isinstance(f, Finding)
    with pytest.raises(AttributeError):
        f.kind = "x"  # type: ignore[misc]


def test_docx_tab_stops_are_not_read_as_tab_characters() -> None:
    from docx.enum.text import WD_TAB_ALIGNMENT
    from docx.shared import Pt

    document = docx.Document()
    para = document.add_paragraph()
    para.paragraph_format.tab_stops.add_tab_stop(Pt(100), WD_TAB_ALIGNMENT.LEFT)
    para.paragraph_format.tab_stops.add_tab_stop(Pt(300), WD_TAB_ALIGNMENT.RIGHT)
    para.add_run("签发人：")
    para.add_run().add_tab()
    para.add_run("张明")
    assert extract_docx_text(document) == "签发人：\t张明"
