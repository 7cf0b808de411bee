"""Reading rules of the import, each with clauses it must read and clauses it must leave alone:
zero counts in words, subjects before a label, ranges, measures, table cells, the envelope
around the text and what is listed as unplaced."""

from __future__ import annotations

from typing import Any

import pytest

from huibao.reportimport import import_text, read_clauses, read_count, read_table_row, rows_from_cells

_SAME = None  # the zero phrase is the default 未+label, so none is kept


@pytest.mark.parametrize(
    ("clause", "label", "measure", "zero"),
    [
        ("未发生因欠薪引发的群体性事件", "发生因欠薪引发的群体性事件", "起", _SAME),
        ("目前未发生人员伤亡", "发生人员伤亡", "起", "目前未发生人员伤亡"),
        ("全县农村公路未因路况原因发生较大以上交通事故", "因路况原因发生较大以上交通事故", "起",
         "全县农村公路未因路况原因发生较大以上交通事故"),
        ("未发现“打白条”现象", "发现“打白条”", "起", "未发现“打白条”现象"),
        ("各乡镇均未出现险情", "出现险情", "起", "各乡镇均未出现险情"),
        ("一是全县未发生较大以上生产安全事故", "发生较大以上生产安全事故", "起",
         "全县未发生较大以上生产安全事故"),
        ("全面消除经营性收入5万元以下的薄弱村", "经营性收入5万元以下的薄弱村", "个",
         "全面消除经营性收入5万元以下的薄弱村"),
        ("无人员伤亡", "人员伤亡", "起", "无人员伤亡"),
        ("全县无一起安全事故发生", "安全事故", "起", "全县无一起安全事故发生"),
        ("当日无新增确诊病例", "新增确诊病例", "例", "当日无新增确诊病例"),
        ("未发生涉枪涉爆案件", "发生涉枪涉爆案件", "件", _SAME),
    ],
)
def test_a_clause_saying_nothing_happened_is_a_zero_count(
    clause: str, label: str, measure: str, zero: str | None
) -> None:
    expected = {"label": label, "value": 0, "measure": measure, **({"zero": zero} if zero else {})}
    assert read_count(clause) == expected


@pytest.mark.parametrize(
    "clause",
    ["未雨绸缪", "发现问题未整改", "对未发生事故的企业予以表扬", "尚未完成整改", "未按期完成", "隐患未消除",
     "基本消除薄弱村", "致力于消除贫困", "无人机巡查", "无害化处理", "确保无死角", "未"],
)
def test_a_negation_that_counts_nothing_is_no_count(clause: str) -> None:
    assert read_count(clause) is None


@pytest.mark.parametrize(
    ("clause", "subject", "label"),
    [
        ("全县纳入统计的行政村152个", "全县", "纳入统计的行政村"),
        ("全市累计排查隐患1200处", "全市", "累计排查隐患"),
        ("全镇共发生森林火情2起", "全镇", "共发生森林火情"),
        ("全街道排查沿街商户86家", "全街道", "排查沿街商户"),
        ("全县村级集体经济总收入1.26亿元", "全县", "村级集体经济总收入"),
        ("全面排查隐患12处", None, "全面排查隐患"),
        ("全县域推广试点3个", None, "全县域推广试点"),
        ("全市场主体新增120家", None, "全市场主体新增"),
        ("全年召开会议6次", None, "召开会议"),
        ("全县12个", None, "全县"),
    ],
)
def test_a_subject_naming_the_whole_area_is_read_apart_from_the_label(
    clause: str, subject: str | None, label: str
) -> None:
    count = read_count(clause)
    assert count is not None
    assert (count.get("subject"), count["label"]) == (subject, label)


@pytest.mark.parametrize(
    ("clause", "value", "upper", "measure", "scale"),
    [
        ("带动农户就近就业4000—5000人", 4000, 5000, "人", None),
        ("新增就业岗位4万—5万个", 40_000, 50_000, "个", True),
        ("安置受灾群众3—5万人", 30_000, 50_000, "人", True),
        ("投入资金1000万～1500万元", 10_000_000, 15_000_000, "元", True),
        ("开展培训10至15场", 10, 15, "场", None),
        ("更换灭火器1200-1500具", 1200, 1500, "具", None),
    ],
)
def test_a_range_is_read_as_value_and_upper(
    clause: str, value: int, upper: int, measure: str, scale: bool | None
) -> None:
    count = read_count(clause)
    assert count is not None
    read = (count["value"], count["upper"], count["measure"], count.get("scale"))
    assert read == (value, upper, measure, scale)


@pytest.mark.parametrize("clause", ["2025—2026年", "1-3月", "G15-2号", "第23期", "第12号台风"])
def test_dates_codes_and_ordinals_are_no_counts(clause: str) -> None:
    assert read_count(clause) is None


@pytest.mark.parametrize(
    ("clause", "measure"),
    [("更换过期灭火器1200具", "具"), ("安装路灯36盏", "盏"), ("修建堤防300米", "米"),
     ("发放帐篷20顶", "顶"), ("治理水土流失12平方公里", "平方公里"), ("组织培训8课时", "课时"),
     ("检查车辆300辆次", "辆次")],
)
def test_measures_of_things_lengths_and_sessions_are_known(clause: str, measure: str) -> None:
    count = read_count(clause)
    assert count is not None and count["measure"] == measure


@pytest.mark.parametrize(
    ("sentence", "fields"),
    [
        ("实施养护工程126公里，完成年度计划的70%", {"target": 180, "target_label": "年度计划"}),
        ("追讨工资915.6万元，完成专项行动目标任务的91.6%",
         {"target": 10_000_000, "target_label": "专项行动目标任务"}),
        ("现场考核合格161人，完成目标任务的95.8%", {"target": 168, "target_label": "目标任务"}),
        ("优良中等路率达81.9%，比上年提高3.5个百分点", {"previous": 78.4, "previous_label": "上年"}),
        ("水质达标率92%，较上月下降1.5个百分点", {"previous": 93.5, "previous_label": "上月"}),
        ("安排养护资金3650万元，比上年增长17%", {}),
        ("排查隐患12处，完成整改的0%", {}),
    ],
)
def test_a_target_or_a_change_in_points_after_a_count_belongs_to_it(
    sentence: str, fields: dict[str, Any]
) -> None:
    (count,) = read_clauses(sentence)
    keys = ("target", "target_label", "previous", "previous_label")
    assert {k: count[k] for k in keys if k in count} == fields


def test_a_change_in_points_after_a_count_that_is_no_rate_is_not_read_as_one() -> None:
    counts = read_clauses("排查隐患12处，比上年提高3.5个百分点")
    assert [c["label"] for c in counts] == ["排查隐患"] and "previous" not in counts[0]


@pytest.mark.parametrize(
    ("sentence", "read"),
    [
        ("累计出动检查人员1,260人次", [("累计出动检查人员", 1260)]),
        ("投入资金1,234,567.5元,比上年增加1,000元", [("投入资金", 1_234_567.5)]),
        ("检查企业12,发现隐患3处", [("发现隐患", 3)]),
        ("走访群众1,26人次", []),
        ("检查门店120,560家已整改", []),
    ],
)
def test_a_thousands_separator_is_part_of_the_number_and_other_commas_split(
    sentence: str, read: list[tuple[str, float]]
) -> None:
    assert [(c["label"], c["value"]) for c in read_clauses(sentence)] == read


@pytest.mark.parametrize(
    ("clause", "read"),
    [
        ("发生火情三起", ("发生火情", 3, "起", None)),
        ("召开座谈会两次", ("召开座谈会", 2, "次", None)),
        ("组建专业扑火队十二支", ("组建专业扑火队", 12, "支", None)),
        ("走访企业二十余家", ("走访企业", 20, "家", "余")),
        ("打造一批", None),
        ("开展第三次", None),
        ("走访几十家", None),
        ("慰问数百人", None),
        ("落实一二三次", None),
        ("分两个小组开展工作", None),
    ],
)
def test_a_count_in_chinese_numerals_is_read_from_two_up(
    clause: str, read: tuple[str, int, str, str | None] | None
) -> None:
    count = read_count(clause)
    got = None if count is None else (count["label"], count["value"], count["measure"], count.get("approx"))
    assert got == read


def test_a_comparison_word_inside_a_label_does_not_split_the_clause() -> None:
    counts = read_clauses("全县农村公路未因路况原因发生较大以上交通事故")
    assert [(c["label"], c["value"]) for c in counts] == [("因路况原因发生较大以上交通事故", 0)]


@pytest.mark.parametrize(
    ("cells", "count"),
    [
        (["更换过期灭火器", "1200—1500", "具", ""],
         {"label": "更换过期灭火器", "value": 1200, "upper": 1500, "measure": "具"}),
        (["演练覆盖率", "94.7%", "", ""], {"label": "演练覆盖率", "value": 94.7, "measure": "%"}),
        (["安排养护资金", "3650", "万元", ""],
         {"label": "安排养护资金", "value": 36_500_000, "measure": "元", "scale": True}),
        (["排查消防隐患", "90余", "处", "已整改"],
         {"label": "排查消防隐患", "value": 90, "measure": "处", "approx": "余", "note": "已整改"}),
        (["项目", "数量", "单位", "备注"], None),
        (["", "12", "个", ""], None),
    ],
)
def test_a_table_row_is_a_count_or_none(cells: list[str], count: dict[str, Any] | None) -> None:
    assert read_table_row(cells)[0] == count


@pytest.mark.parametrize(
    ("lines", "rows"),
    [
        (["项目", "数量", "单位", "备注", "转移群众", "1326", "人", "",
          "其中：集中安置", "412", "人", "", "正文。"],
         ["项目\t数量\t单位\t备注", "转移群众\t1326\t人\t", "其中：集中安置\t412\t人\t", "正文。"]),
        (["转移群众", "1326", "人", "集中安置", "412", "人"], ["转移群众\t1326\t人", "集中安置\t412\t人"]),
        (["现将情况报告如下：", "抢修道路", "12", "公里", "其余", "3处", "正在抢修"],
         ["现将情况报告如下：", "抢修道路\t12\t公里", "其余", "3处", "正在抢修"]),
        (["共有3个", "乡镇", "报送"], ["共有3个", "乡镇", "报送"]),
        (["标题", "2026", "年"], ["标题", "2026", "年"]),
    ],
)
def test_a_table_read_one_cell_per_line_becomes_rows(lines: list[str], rows: list[str]) -> None:
    assert rows_from_cells(lines) == rows


@pytest.mark.parametrize(
    ("rows", "tops", "parts"),
    [
        ([("全县养老机构", "38", "家"), ("其中：公办敬老院", "21", "家"), ("民办养老机构", "17", "家"),
          ("开展演练的机构", "36", "家")],
         ["全县养老机构", "开展演练的机构"], ["公办敬老院", "民办养老机构"]),
        ([("转移群众", "100", "人"), ("其中：集中安置", "30", "人"), ("　　投亲靠友", "20", "人"),
          ("受伤群众", "10", "人")], ["转移群众", "受伤群众"], ["集中安置", "投亲靠友"]),
        ([("养老机构", "38", "家"), ("其中：公办", "21", "家"), ("床位", "17", "张")],
         ["养老机构", "床位"], ["公办"]),
        ([("养老机构", "38", "家"), ("其中：公办", "21", "家"), ("民办", "17", "家"), ("停业", "0", "家")],
         ["养老机构", "停业"], ["公办", "民办"]),
        ([("检查企业", "40", "家"), ("其中：化工", "21", "家"), ("整改企业", "30", "家")],
         ["检查企业", "整改企业"], ["化工"]),
    ],
)
def test_rows_after_a_part_are_parts_while_they_fall_short_of_the_total_unless_rows_are_indented(
    rows: list[tuple[str, str, str]], tops: list[str], parts: list[str]
) -> None:
    text = "快报\n项目\t数量\t单位\n" + "\n".join("\t".join(row) for row in rows)
    counts = import_text(text).facts["counts"]
    assert [c["label"] for c in counts] == tops
    assert [p["label"] for p in counts[0]["breakdown"]] == parts


@pytest.mark.parametrize(
    ("text", "title", "unplaced"),
    [
        ("000037\n秘密★6个月\n青禾县东坪镇人民政府\n青禾县东坪镇防汛抗旱指挥部文件\n"
         "东政〔2026〕21号　签发人：刘志远\n"
         "————————————\n关于防汛备汛工作的报告\n县政府：\n　　正文。\n",
         "关于防汛备汛工作的报告", ["正文。"]),
        ("加急\n关于防汛备汛工作的报告\n正文。", "关于防汛备汛工作的报告", ["正文。"]),
        ("关于岁末年初安全生产大排查\n工作情况的汇报\n县安委会：\n正文。",
         "关于岁末年初安全生产大排查工作情况的汇报",
         ["正文。"]),
        ("防汛工作快报\n第3期\n正文。", "防汛工作快报", ["第3期", "正文。"]),
        ("关于防汛工作\n我局全力以赴，做好防汛工作。", "关于防汛工作", ["我局全力以赴，做好防汛工作。"]),
    ],
)
def test_the_title_is_found_after_a_masthead_and_over_two_lines(
    text: str, title: str, unplaced: list[str]
) -> None:
    result = import_text(text)
    assert (result.facts["title"], result.unplaced) == (title, unplaced)


@pytest.mark.parametrize(
    "trailer",
    ["— 1 —\n— 2 —", "第1页共2页",
     "————\n抄送：县委办公室。\n————\n青禾县应急管理局办公室　2026年1月21日印发",
     "（联系人：王磊，联系电话：0791-5552345）", "————————————\n共印60份"],
)
def test_page_numbers_and_a_distribution_list_after_the_date_are_left_out(trailer: str) -> None:
    text = "关于防汛工作的汇报\n县政府：\n　　正文。\n青禾县应急管理局\n2026年1月21日\n"
    result = import_text(f"{text}{trailer}\n")
    assert (result.facts["signature"], result.facts["signed_on"]) == ("青禾县应急管理局", "2026-01-21")
    assert result.unplaced == ["正文。"]


@pytest.mark.parametrize("last", ["报告人：王磊", "发生险情3处。", "送达各乡镇", "— 请各单位认真落实 —"])
def test_a_line_after_the_date_that_is_no_trailer_keeps_the_date_from_being_taken(last: str) -> None:
    text = "关于防汛工作的汇报\n县政府：\n　　正文。\n青禾县应急管理局\n2026年1月21日\n"
    assert "signed_on" not in import_text(f"{text}{last}\n").facts


def test_a_speech_gives_its_speaker_and_date() -> None:
    text = ("在全县防汛工作会议上的发言\n青禾县应急管理局局长　许建明\n（2026年8月18日）\n"
            "　　一、工作情况\n　　正文。")
    facts = import_text(text, "speech").facts
    assert (facts["speaker"], facts["signed_on"]) == ("青禾县应急管理局局长　许建明", "2026-08-18")
    assert facts["occasion"] == "全县防汛工作会议"
    other = import_text(text)
    assert "speaker" not in other.facts and "occasion" not in other.facts
    assert other.unplaced == ["青禾县应急管理局局长　许建明"]


@pytest.mark.parametrize(
    ("paragraph", "listed"),
    [
        ("巡查林区14坨。", True),
        ("累计巡查林区14处，发现火险隐患3丛。", True),
        ("巡查林区14处。", False),
        ("2026年1月20日召开会议。", False),
        ("第12号台风于8月18日16时登陆。", False),
        ("特此报告。", False),
    ],
)
def test_a_figure_with_an_unknown_measure_is_listed_even_inside_a_section(
    paragraph: str, listed: bool
) -> None:
    result = import_text(f"关于防火工作的汇报\n一、工作情况\n{paragraph}")
    assert (paragraph in result.unplaced) is listed


def test_a_table_row_without_a_figure_is_listed_but_the_header_is_not() -> None:
    text = "防汛快报\n项目\t数量\t单位\n转移群众\t1326\t人\n受损堤防\t待核实\t处\n"
    result = import_text(text)
    assert [c["label"] for c in result.facts["counts"]] == ["转移群众"]
    assert result.unplaced == ["受损堤防\t待核实\t处"]


@pytest.mark.parametrize(
    ("opening", "basis", "as_of"),
    [
        ("根据区防指关于做好汛前准备工作的通知要求，现将我街道汛前隐患排查工作情况汇报如下：",
         "区防指关于做好汛前准备工作的通知要求", None),
        ("今年以来，我局根据县委、县政府的部署要求，围绕“保安全”目标开展工作。",
         "县委、县政府的部署要求", None),
        ("截至2026年1月20日17时，我局累计出动检查人员1260人次。", None, "2026-01-20T17:00"),
        ("现将截至2026年6月19日8时有关数据报告如下：", None, "2026-06-19T08:00"),
        ("截至2026年5月6日，已完成整改2个。", None, "2026-05-06"),
        ("截至10月19日，全县已收购秋粮约3.86万吨。", None, None),
        ("今年以来，我局持续推进防汛工作。", None, None),
    ],
)
def test_the_opening_gives_the_basis_and_the_moment_the_figures_stand_at(
    opening: str, basis: str | None, as_of: str | None
) -> None:
    facts = import_text(f"关于防汛工作的汇报\n县政府：\n{opening}\n一、主要做法\n根据实际，做好工作。").facts
    assert (facts.get("basis"), facts.get("as_of")) == (basis, as_of)


@pytest.mark.parametrize(
    ("masthead", "fields"),
    [
        ("卫生健康工作简报\n第23期\n青禾县卫生健康局办公室　　　　2026年6月12日\n————————\n开展急救培训\n",
         {"series": "卫生健康工作简报", "issue_number": 23, "editor": "青禾县卫生健康局办公室",
          "signed_on": "2026-06-12", "title": "开展急救培训", "topic": "卫生健康"}),
        ("卫生健康工作简报\n第23期\n青禾县卫生健康局办公室\n2026年6月12日\n开展急救\n培训\n",
         {"series": "卫生健康工作简报", "issue_number": 23, "editor": "青禾县卫生健康局办公室",
          "signed_on": "2026-06-12", "title": "开展急救培训", "topic": "卫生健康"}),
        ("卫生健康工作简报\n开展急救培训\n", {"title": "卫生健康工作简报", "topic": "卫生健康"}),
    ],
)
def test_a_brief_gives_its_name_issue_editor_and_article_title(masthead: str, fields: dict[str, Any]) -> None:
    facts = import_text(f"{masthead}　　为提升急救能力，县卫生健康局开展培训。", "work_brief").facts
    assert {k: facts[k] for k in facts if k not in ("kind", "counts")} == fields


def test_a_brief_masthead_is_read_only_for_a_brief() -> None:
    text = "卫生健康工作简报\n第23期\n正文。"
    facts = import_text(text).facts
    assert (facts["title"], "series" in facts) == ("卫生健康工作简报", False)


@pytest.mark.parametrize(
    ("masthead", "fields"),
    [
        ("000037\n秘密★6个月\n特急\n", {"copy_number": "000037", "secrecy": "秘密★6个月", "urgency": "特急"}),
        ("青禾县东坪镇人民政府\n青禾县东坪镇防汛抗旱指挥部文件\n东政〔2026〕21号　　签发人：刘志远　陈晓梅\n",
         {"issuer": ["青禾县东坪镇人民政府", "青禾县东坪镇防汛抗旱指挥部"], "doc_number": "东政〔2026〕21号",
          "signers": ["刘志远", "陈晓梅"]}),
        ("加急\n南湖街道办事处文件\n南街〔2026〕12号\t签发人：周建国\n",
         {"urgency": "加急", "issuer": ["南湖街道办事处"], "doc_number": "南街〔2026〕12号",
          "signers": ["周建国"]}),
        ("2026年防汛工作\n", {}),
        ("青禾县应急管理局\n", {}),
    ],
)
def test_masthead_elements_are_read_into_their_facts(masthead: str, fields: dict[str, Any]) -> None:
    result = import_text(f"{masthead}关于防汛工作的报告\n县政府：\n　　正文。")
    keys = ("copy_number", "secrecy", "urgency", "issuer", "doc_number", "signers")
    assert {k: result.facts[k] for k in keys if k in result.facts} == fields
    assert result.facts["title"] == "关于防汛工作的报告" or not fields


@pytest.mark.parametrize(
    ("tail", "fields"),
    [
        ("（联系人：街道应急办王磊，联系电话：0791-5552345）",
         {"notes": "联系人：街道应急办王磊，联系电话：0791-5552345"}),
        ("抄送：县委办公室，县人大常委会办公室。\n————\n青禾县人民政府督查室　　2026年4月21日印发",
         {"cc": ["县委办公室", "县人大常委会办公室"], "printer": "青禾县人民政府督查室",
          "printed_on": "2026-04-21"}),
        ("报：市卫生健康委，县委、县政府主要领导。\n共印60份", {}),
        ("— 1 —", {}),
    ],
)
def test_a_distribution_list_and_notes_after_the_date_are_read(tail: str, fields: dict[str, Any]) -> None:
    text = "关于防汛工作的报告\n县政府：\n　　正文。\n青禾县应急管理局\n2026年4月21日\n"
    facts = import_text(f"{text}{tail}").facts
    keys = ("notes", "cc", "printer", "printed_on", "distribution", "copies")
    assert {k: facts[k] for k in keys if k in facts} == fields
    assert facts["signed_on"] == "2026-04-21"


def test_a_brief_reads_its_report_send_issue_block_and_print_run() -> None:
    text = ("工作简报\n第7期\n县发展改革局　　2026年10月23日\n开展督导\n　　正文。\n"
            "报：市发展改革委，县委、县政府分管领导。\n送：县市场监管局。\n发：各乡镇人民政府。\n共印40份")
    facts = import_text(text, "work_brief").facts
    assert facts["distribution"] == {"report": ["市发展改革委", "县委、县政府分管领导"],
                                     "send": ["县市场监管局"], "issue": ["各乡镇人民政府"]}
    assert facts["copies"] == 40


@pytest.mark.parametrize(
    ("block", "attachments", "sections"),
    [
        ("附件：1. 低洼易涝点台账\n　　　　　2. 隐患整改责任清单\n", ["低洼易涝点台账", "隐患整改责任清单"],
         ["情况"]),
        ("附件：1.\t低洼易涝点台账\n", ["低洼易涝点台账"], ["情况"]),
        ("附件：低洼易涝点台账\n", ["低洼易涝点台账"], ["情况"]),
        ("附件：1. 低洼易涝点台账\n另有说明如下。\n", None, ["情况"]),
        ("2. 隐患整改\n", None, ["情况", "隐患整改"]),
    ],
)
def test_an_attachment_list_before_the_signature_is_read_and_not_taken_for_headings(
    block: str, attachments: list[str] | None, sections: list[str]
) -> None:
    result = import_text(f"关于防汛工作的报告\n一、情况\n　　正文。\n{block}青禾县应急管理局\n2026年4月21日")
    assert result.facts.get("attachments") == attachments
    assert [s["heading"] for s in result.sections] == sections


@pytest.mark.parametrize(
    ("title", "occasion"),
    [("在全县防汛工作会议上的讲话", "全县防汛工作会议"),
     ("在全县防汛工作会议上的表态发言", "全县防汛工作会议"),
     ("关于防汛工作的发言", None), ("全县防汛工作会议发言材料", None)],
)
def test_a_speech_title_names_its_occasion(title: str, occasion: str | None) -> None:
    assert import_text(f"{title}\n　　正文。", "speech").facts.get("occasion") == occasion


_RATE_TEXTS = {
    "sentence": "排查一般隐患1532条；已完成整改1488条，一般隐患整改率达97.1%。",
    "points": "全县纳入统计的行政村152个，其中经营性收入10万元以上的村118个，占比达77.6%，"
              "比上年提高9.2个百分点。",
    "table": "项目\t数量\t单位\n养老机构\t38\t家\n开展演练的机构\t36\t家\n演练覆盖率\t94.7%\t",
    "no pair": "检查企业12家，合格率达97.1%。",
    "no rate word": "排查隐患1532条；已完成整改1488条，完成进度达97.1%。",
    "approximate": "排查隐患约1532条；整改1488条，整改率达97.1%。",
}


@pytest.mark.parametrize(
    ("case", "kind", "rate"),
    [
        ("sentence", "situation_report",
         {"label": "一般隐患整改率", "numerator": "已完成整改", "denominator": "排查一般隐患", "digits": 1}),
        ("points", "work_summary",
         {"label": "占比", "numerator": "经营性收入10万元以上的村", "denominator": "纳入统计的行政村",
          "digits": 1, "previous": 68.4, "previous_label": "上年"}),
        ("table", "status_snapshot",
         {"label": "演练覆盖率", "numerator": "开展演练的机构", "denominator": "养老机构", "digits": 1}),
        ("no pair", "situation_report", None),
        ("no rate word", "situation_report", None),
        ("approximate", "situation_report", None),
        ("sentence", "research_report", None),
    ],
)
def test_a_rate_two_counts_give_is_read_as_a_rate_not_a_count(
    case: str, kind: str, rate: dict[str, Any] | None
) -> None:
    facts = import_text(f"关于工作的汇报\n一、情况\n{_RATE_TEXTS[case]}", kind).facts
    percents = [c["label"] for c in facts["counts"] if c["measure"] == "%"]
    if rate is None:
        assert "rates" not in facts and len(percents) == 1
    else:
        assert facts["rates"] == [rate] and percents == []
