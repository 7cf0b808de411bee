"""Every report kind: registry entry, example, four output formats, errors, heading hierarchy."""

from __future__ import annotations

import copy
import io
import itertools
import json
import re
from pathlib import Path
from typing import Any

import docx
import pytest

from huibao import resources
from huibao.compose.composer import compose
from huibao.compose.kinds import KINDS, get_kind, parse_facts
from huibao.compose.tree import FOOT_ROLES, Document, Role
from huibao.errors import InvalidFacts
from huibao.write import WRITERS

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("*.json"))
CJK = re.compile(r"[\u4e00-\u9fff]")

EXPECTED_KINDS = {
    "situation_report": "情况汇报",
    "work_summary": "工作总结",
    "inspection_notice": "督查通报",
    "rectification_report": "整改情况报告",
    "speech": "发言材料",
    "work_brief": "工作简报",
    "research_report": "调研报告",
    "status_snapshot": "情况快报",
}


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def sample(name: str) -> dict[str, Any]:
    return load(ROOT / "samples" / f"{name}.json")


def build(data: dict[str, Any]) -> Document:
    facts = parse_facts(data)
    kind = get_kind(facts.kind)
    return compose(facts, kind.template, kind.prepare)


def example(kind_id: str) -> dict[str, Any]:
    return copy.deepcopy(dict(KINDS[kind_id].example))


# --- registry -------------------------------------------------------------------------------


def test_registry_holds_the_eight_kinds_with_their_chinese_names_in_listing_order() -> None:
    listed = [(k, v.name) for k, v in KINDS.items()]
    assert [pair for pair in listed if pair[0] in EXPECTED_KINDS] == list(EXPECTED_KINDS.items())
    assert listed[0] == ("situation_report", "情况汇报")  # the API's example


def test_kind_names_are_unique() -> None:
    names = [k.name for k in KINDS.values()]
    assert len(set(names)) == len(names)


@pytest.mark.parametrize("kind_id", sorted(KINDS))
def test_kind_is_one_unit_found_by_its_id(kind_id: str) -> None:
    kind = KINDS[kind_id]
    assert kind.model.__module__ == f"huibao.compose.kinds.{kind_id}"
    assert kind.template == f"{kind_id}.j2"
    assert any((d / kind.template).is_file() for d in resources.wording_dirs())
    assert sorted((ROOT / "samples").glob(f"{kind_id}*.json")), f"no samples/{kind_id}*.json"


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_sample_is_named_after_its_kind(path: Path) -> None:
    assert path.stem.startswith(load(path)["kind"])


@pytest.mark.parametrize("kind_id", sorted(KINDS))
def test_kind_has_chinese_description_and_schema(kind_id: str) -> None:
    kind = KINDS[kind_id]
    assert CJK.search(kind.description) and "\n" not in kind.description
    assert get_kind(kind.name) is kind
    schema = kind.schema()
    props = schema["properties"]
    assert {"kind", "unit", "topic", "options"} <= set(props)
    assert props["kind"].get("const") == kind_id or props["kind"].get("enum") == [kind_id]
    own = set(props) - set(KINDS["situation_report"].model.model_fields)
    for name in own:
        assert CJK.search(props[name].get("title", "")), f"{kind_id}.{name} has no Chinese title"


@pytest.mark.parametrize("kind_id", sorted(KINDS))
def test_example_is_minimal_valid_facts(kind_id: str, capsys: pytest.CaptureFixture[str]) -> None:
    from huibao.cli import main

    assert main(["kinds", kind_id, "--example"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == json.loads(json.dumps(KINDS[kind_id].example))
    facts = parse_facts(printed)
    assert facts.kind == kind_id


# --- rendering in every format ------------------------------------------------------------


def _cases() -> list[Any]:
    cases = [pytest.param(example(k), id=f"example-{k}") for k in sorted(KINDS)]
    cases += [pytest.param(load(p), id=p.stem) for p in SAMPLES]
    return cases


@pytest.mark.parametrize("data", _cases())
def test_renders_in_all_four_formats(data: dict[str, Any]) -> None:
    document = build(data)
    assert document.title
    for name, writer in WRITERS.items():
        content = writer.write(document)
        assert content, name
        if name != "docx":
            body = content.decode("utf-8")
            assert document.blocks[-1].text.split("\n")[0][:4] in body or name == "html"
    reopened = docx.Document(io.BytesIO(WRITERS["docx"].write(document)))
    paragraphs = reopened.paragraphs
    titles = [p for p in paragraphs if p.style is not None and p.style.name == "Title"]
    assert titles and titles[0].text.replace("\n", "").replace("\v", "") == document.title
    want = [f"Heading {b.level}" for b in document.headings()]
    got = [p.style.name for p in paragraphs if p.style is not None and p.style.name.startswith("Heading")]
    assert got == want
    tables = [b for b in document.blocks if b.role is Role.TABLE]
    foot = any(b.role in FOOT_ROLES for b in document.blocks)  # the 版记 is a table at the page foot
    assert len(reopened.tables) == len(tables) + foot
    if data["kind"] == "status_snapshot":
        header = [c.text for c in reopened.tables[0].rows[0].cells]
        assert header == ["项目", "数量", "单位", "备注"]
        assert len(reopened.tables[0].rows) == len(tables[0].rows)


# --- validation errors ------------------------------------------------------------------------

# kind-specific breakages; every kind, listed here or not, is also checked with a missing topic
BREAKAGES: dict[str, tuple[Any, str]] = {
    "situation_report": (lambda d: d["counts"][0].update(value="很多"), "counts[0].value"),
    "work_summary": (lambda d: d["measures"][0].update(phrases=["一", "二", "三"]), "measures[0].phrases"),
    "inspection_notice": (lambda d: d.pop("verdict"), "verdict"),
    "rectification_report": (lambda d: d["items"][0].update(status="正在推进"), "items[0]"),
    "speech": (lambda d: d.pop("occasion"), "occasion"),
    "work_brief": (lambda d: d.update(issue_number=0), "issue_number"),
    "research_report": (lambda d: d.update(team={}), "team.leader"),
    "status_snapshot": (lambda d: d.update(counts=[]), "counts"),
}


def _breakages() -> list[Any]:
    cases = [pytest.param(k, *BREAKAGES[k], id=k) for k in sorted(BREAKAGES)]
    cases += [pytest.param(k, lambda d: d.pop("topic"), "topic", id=f"{k}-topic") for k in sorted(KINDS)]
    return cases


@pytest.mark.parametrize(("kind_id", "breakage", "field"), _breakages())
def test_validation_error_names_field_and_kind(kind_id: str, breakage: Any, field: str) -> None:
    data = example(kind_id)
    data = json.loads(json.dumps(data))  # deep, mutable copy
    breakage(data)
    with pytest.raises(InvalidFacts) as info:
        parse_facts(data)
    errors = info.value.errors
    hit = [e for e in errors if e.field == field]
    assert hit, [e.as_dict() for e in errors]
    assert hit[0].message.startswith(f"{KINDS[kind_id].name}：")
    assert not re.search(r"[A-Za-z]{4,}", hit[0].message.split("：", 1)[1]), hit[0].message


def test_pending_rectification_needs_a_date_in_chinese() -> None:
    data = example("rectification_report")
    data["items"] = [dict(data["items"][0], status="正在推进")]
    with pytest.raises(InvalidFacts) as info:
        parse_facts(data)
    assert "计划完成日期" in info.value.errors[0].message


def test_snapshot_needs_a_time() -> None:
    data = example("status_snapshot")
    del data["as_of"]
    with pytest.raises(InvalidFacts) as info:
        parse_facts(data)
    assert info.value.errors[0].message.startswith("情况快报：")


# --- heading hierarchy --------------------------------------------------------------------------


def assert_hierarchy(document: Document) -> None:
    """Headings start at 一、, never skip a level, and count 1, 2, 3 … within each parent."""
    counters = [0] * 5
    current = 0
    labels = {1: r"[一二三四五六七八九十]+、", 2: r"（[一二三四五六七八九十]+）", 3: r"\d+\.", 4: r"（\d+）"}
    for block in document.headings():
        assert block.level <= current + 1, f"{block.label}{block.heading} skips a level"
        assert re.fullmatch(labels[block.level], block.label), block.label
        counters[block.level] += 1
        for deeper in range(block.level + 1, 5):
            counters[deeper] = 0
        n = re.sub(r"\D", "", block.label)
        if n:
            assert int(n) == counters[block.level], f"{block.label} out of sequence"
        current = block.level


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_sample_headings_keep_the_hierarchy(path: Path) -> None:
    document = build(load(path))
    assert_hierarchy(document)
    lines = [b.plain for b in document.blocks]
    for above, below in itertools.pairwise(lines):
        if re.match(r"[一二三四五六七八九十]+、", above):
            assert not re.match(r"\d+\.", below), f"1. directly under 一、: {above} / {below}"


@pytest.mark.parametrize("path", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_sample_text_is_clean(path: Path) -> None:
    text = build(load(path)).plain_text()
    assert not re.search(r"[xX]{2}|__|某某|\?\?|None|\{\{|\}\}|\x1f|\x1e|\x1d", text)
    assert not re.search(r"([。，；：、！？])\1", text)
    assert not re.search(r"[\u4e00-\u9fff][,;:!?()]|[,;:!?()][\u4e00-\u9fff]", text)
    assert not re.search(r"[，；、：][。；，]|。[，；、]", text)


def test_research_report_uses_four_heading_levels() -> None:
    document = build(sample("research_report"))
    assert {b.level for b in document.headings()} == {1, 2, 3, 4}
    text = document.plain_text()
    assert "（一）工程运行管护方面\n1.部分工程管护责任不清" in text
    assert "（1）产权归属不明确" in text
    # a point without headed details keeps an inline list under its 2. heading
    assert "2.水质检测覆盖不全\n一是乡镇水厂检测项目偏少；二是" in text


def test_research_depth_two_keeps_every_fact_as_run_in_text() -> None:
    data = sample("research_report")
    data["options"] = {"numbering_depth": 2}
    document = build(data)
    assert {b.level for b in document.headings()} == {1, 2}
    text = document.plain_text()
    assert "部分工程管护责任不清。单村供水工程" in text
    assert "产权归属不明确。部分工程建成后" in text


def test_mixed_headed_and_inline_lists_keep_the_hierarchy() -> None:
    data = sample("speech")
    data["next_steps"] = [
        {"heading": "抓好源头管控", "details": ["一项措施", "另一项措施"]},
        {
            "heading": "完善制度机制",
            "details": [{"heading": "健全值守制度", "text": "实行领导带班"}, "落实通报"],
        },
        {"text": "同时做好宣传引导"},
    ]
    data["options"] = {"run_in_headings": True}
    document = build(data)
    assert_hierarchy(document)
    text = document.plain_text()
    assert "（一）抓好源头管控。一是一项措施；二是另一项措施。" in text
    assert "1.健全值守制度。实行领导带班。" in text
    assert "2.落实通报" in text
    assert "\n（三）同时做好宣传引导。\n" in text


# --- options ------------------------------------------------------------------------------------

CLOSINGS = {
    "situation_report": "特此报告。",
    "inspection_notice": "特此通报。",
    "rectification_report": "特此报告。",
    "speech": "以上发言，不妥之处，请批评指正。",
    "research_report": "特此报告。",
    "status_snapshot": "特此报告。",
}


@pytest.mark.parametrize("kind_id", sorted(CLOSINGS))
def test_closing_follows_the_option(kind_id: str) -> None:
    data = example(kind_id)
    data["recipient"] = "县人民政府"
    closings = [b.text for b in build(data).blocks if b.role is Role.CLOSING]
    assert closings == [CLOSINGS[kind_id]]
    data["options"] = {"closing": False}
    assert not [b for b in build(data).blocks if b.role is Role.CLOSING]


@pytest.mark.parametrize("kind_id", ["work_summary", "work_brief"])
def test_kinds_without_a_closing_formula(kind_id: str) -> None:
    assert not [b for b in build(example(kind_id)).blocks if b.role is Role.CLOSING]


def test_research_report_without_recipient_ends_with_its_suggestions() -> None:
    """特此报告 answers a 主送; a free-standing 调研报告 has nobody to report to."""
    document = build(sample("research_report"))
    assert not [b for b in document.blocks if b.role is Role.CLOSING]
    assert document.plain_text().rstrip().splitlines()[-3].startswith("一是划定并公示")


@pytest.mark.parametrize(
    "name", ["work_summary", "inspection_notice", "rectification_report", "speech", "research_report"]
)
def test_run_in_headings_put_body_on_the_heading_line(name: str) -> None:
    data = sample(name)
    separate = build(data)
    data["options"] = {"run_in_headings": True}
    runin = build(data)
    sub = [b for b in separate.headings() if b.level >= 2]
    sub_runin = [b for b in runin.headings() if b.level >= 2]
    assert sub and not any(b.text for b in sub)
    assert [b.heading.rstrip("。") for b in sub_runin] == [b.heading for b in sub]
    assert all(b.text for b in sub_runin if b.heading.endswith("。"))
    assert any(b.text for b in sub_runin)
    assert_hierarchy(runin)


@pytest.mark.parametrize(
    "kind_id",
    [
        "work_summary",
        "inspection_notice",
        "rectification_report",
        "speech",
        "research_report",
        "status_snapshot",
    ],
)
def test_background_opening(kind_id: str) -> None:
    data = example(kind_id)
    data["background"] = "入汛以来，我县降雨明显偏多"
    data["options"] = {"opening": "background"}
    first_body = next(b.text for b in build(data).blocks if b.role is Role.BODY)
    assert first_body.startswith("入汛以来，我县降雨明显偏多。")


def test_summary_opening_styles() -> None:
    data = sample("work_summary")
    text = build(data).plain_text()
    assert "今年以来，我局根据县委、县政府关于食品安全工作的部署要求，围绕" in text
    data["options"] = {"opening": "profile"}
    first = next(b.text for b in build(data).blocks if b.role is Role.BODY)
    assert first.startswith("围绕“守底线") and first.endswith("现将我局今年以来食品安全工作情况总结如下：")


# --- kind-specific wording ------------------------------------------------------------------------


def test_inspection_notice_skeleton() -> None:
    text = build(sample("inspection_notice")).plain_text()
    for phrase in (
        "相结合的方式",
        "现将督查情况通报如下：",
        "总体来看，",
        "如：东坪镇",
        "于2026年4月30日前整改到位",
        "请各有关单位于2026年5月12日前将整改落实情况书面报送县政府督查室。",
        "特此通报。",
    ):
        assert phrase in text, phrase


def test_rectification_status_and_tally() -> None:
    text = build(sample("rectification_report")).plain_text()
    assert "4个问题中已完成整改2个，正在推进2个。" in text
    assert "整改进展：已于2026年4月25日完成整改。" in text
    assert "整改进展：正在推进，计划于2026年5月20日前完成整改。" in text


def test_brief_has_issue_line_and_three_paragraphs() -> None:
    document = build(sample("work_brief"))
    masthead = [(b.role, b.text) for b in document.blocks[:3]]
    assert masthead == [
        (Role.MASTHEAD, "卫生健康工作简报"),
        (Role.ISSUE, "第23期"),
        (Role.EDITOR, "青禾县卫生健康局办公室"),
    ]
    bodies = [b.text for b in document.blocks if b.role is Role.BODY]
    assert len(bodies) == 3
    assert bodies[0].startswith("为进一步提升乡村医生院前急救能力，6月10日，")
    assert bodies[2].startswith("本次培训") and "，确保" in bodies[2]
    assert not document.headings()


def test_snapshot_table_rows() -> None:
    document = build(sample("status_snapshot"))
    table = next(b for b in document.blocks if b.role is Role.TABLE)
    assert table.rows[0] == ["项目", "数量", "单位", "备注"]
    assert ["其中：集中安置", "412", "人", ""] in table.rows
    assert ["\u3000\u3000\u3000投亲靠友", "914", "人", ""] in table.rows
    assert not document.headings()


def test_snapshot_table_shows_approximation_scale_and_rates() -> None:
    data = example("status_snapshot")
    data["counts"] = [
        {"id": "a", "label": "应接种人数", "value": 20000, "measure": "人", "scale": True},
        {"id": "b", "label": "已接种人数", "value": 15000, "measure": "人", "approx": "近"},
    ]
    data["rates"] = [{"label": "接种率", "numerator": "b", "denominator": "a"}]
    rows = next(b for b in build(data).blocks if b.role is Role.TABLE).rows
    assert rows[1:] == [
        ["应接种人数", "2", "万人", ""],
        ["已接种人数", "近15000", "人", ""],
        ["接种率", "75%", "", ""],
    ]


# --- facts that are only a heading, or only a body among headed siblings ----------------------

LONE_FACTS: list[Any] = [
    pytest.param(
        "situation_report_rich",
        lambda d: d["measures"][0].pop("text"),
        "（一）强化统筹部署，压实各方责任。\n（二）聚焦重点行业\n",
        id="situation-measure-heading-only",
    ),
    pytest.param(
        "situation_report_rich",
        lambda d: d["measures"][1].pop("heading"),
        "（一）强化统筹部署，压实各方责任\n局党组召开专题会议研究部署，制定大排查工作方案，明确班子成员分片包干。\n"
        "（二）把危险化学品、道路运输、建筑施工、燃气安全作为排查重点，逐企业建立问题清单。\n（三）开展明查暗访\n",
        id="situation-measure-without-heading",
    ),
    pytest.param(
        "situation_report_rich",
        lambda d: d["problems"][0].pop("heading"),
        "三、存在问题\n（一）个别企业负责人重效益、轻安全，隐患自查自改流于形式。\n（二）基层监管力量相对薄弱\n",
        id="situation-problem-without-heading",
    ),
    pytest.param(
        "work_summary",
        lambda d: d["measures"][2].pop("text"),
        "（三）强化抽检，防控风险。\n（四）广泛宣传，社会共治\n",
        id="summary-measure-heading-only",
    ),
    pytest.param(
        "inspection_notice",
        lambda d: d["problems"][1].pop("examples"),
        "（二）防汛物资储备不足。\n（三）应急预案针对性不强\n",
        id="inspection-finding-heading-only",
    ),
    pytest.param(
        "inspection_notice",
        lambda d: d["good_practices"][0].pop("heading"),
        "二、好的做法\n（一）各乡镇均已明确水库山塘防汛行政、技术和巡查责任人，并在醒目位置公示。石桥镇为每口山塘",
        id="inspection-finding-without-heading",
    ),
    pytest.param(
        "inspection_notice",
        lambda d: d["requirements"][2].pop("heading"),
        "（三）县政府督查室将适时开展“回头看”，对整改不力、造成严重后果的依规依纪追究责任。\n请各有关单位",
        id="inspection-requirement-without-heading-before-report-line",
    ),
    pytest.param(
        "research_report",
        lambda d: d["problems"][1]["points"][1].pop("details"),
        "2.水质检测覆盖不全。\n（三）群众节水意识方面\n",
        id="research-point-heading-only",
    ),
    pytest.param(
        "research_report",
        lambda d: d["problems"][0]["points"][0]["details"][0].pop("heading"),
        "（1）部分工程建成后未办理移交手续，乡镇和村之间责任边界模糊。\n（2）管护经费来源不稳定\n",
        id="research-detail-without-heading",
    ),
    pytest.param(
        "speech",
        lambda d: d["next_steps"][0].pop("details"),
        "三、下步工作措施\n（一）紧盯关键时段，严防野外火源。\n（二）强化巡护监测",
        id="speech-step-heading-only",
    ),
]


@pytest.mark.parametrize(("name", "change", "expected"), LONE_FACTS)
def test_lone_heading_or_body_is_a_numbered_sentence(name: str, change: Any, expected: str) -> None:
    """A heading with nothing under it is kept as a numbered sentence, never dropped; a body
    among headed siblings gets its own number instead of reading as the previous item's text."""
    data = sample(name)
    change(data)
    document = build(data)
    assert_hierarchy(document)
    assert expected in document.plain_text()


@pytest.mark.parametrize(
    ("items", "opening", "tally"),
    [
        ([0], "针对县联合督查组指出的问题，我镇制定整改措施", "截至2026年5月6日，该问题已完成整改。"),
        ([2], "针对县联合督查组指出的问题，我镇制定整改措施", "截至2026年5月6日，该问题正在推进整改。"),
        ([0, 1], "指出的2个问题，我镇逐项制定整改措施", "截至2026年5月6日，2个问题已全部完成整改。"),
        ([2, 3], "指出的2个问题，我镇逐项制定整改措施", "截至2026年5月6日，2个问题均在推进整改中。"),
        ([0, 2, 3], "指出的3个问题，我镇逐项制定整改措施", "3个问题中已完成整改1个，正在推进2个。"),
    ],
    ids=["one-done", "one-pending", "all-done", "none-done", "mixed"],
)
def test_rectification_opening_and_tally_fit_the_count(items: list[int], opening: str, tally: str) -> None:
    """One problem is not 逐项 nor 1个; none done is not 已完成整改0个."""
    data = sample("rectification_report")
    data["items"] = [data["items"][i] for i in items]
    text = build(data).plain_text()
    assert opening in text
    assert tally in text
    assert "整改0个" not in text and "1个问题" not in text


@pytest.mark.parametrize(
    ("team", "phrase"),
    [
        ({"name": "督查组", "leader": "副县长陈立新"}, "17日，督查组由副县长陈立新带队，对各乡镇"),
        (
            {"name": "联合督查组", "members": ["县水利局", "县应急管理局"], "leader": "副县长陈立新"},
            "县水利局和县应急管理局组成联合督查组，由副县长陈立新带队，对各乡镇",
        ),
        ({"name": "联合督查组", "members": ["县水利局"]}, "县水利局组成联合督查组，对各乡镇"),
        ({"name": "督查组"}, "17日，督查组对各乡镇"),
    ],
    ids=["leader-only", "members-and-leader", "members-only", "name-only"],
)
def test_inspection_team_phrase(team: dict[str, Any], phrase: str) -> None:
    data = sample("inspection_notice")
    data["team"] = team
    assert phrase in build(data).plain_text()


@pytest.mark.parametrize(
    ("activity", "label", "sentence"),
    [
        ("培训", "培训乡村医生", "现场进行技能考核。共培训乡村医生168人，"),
        ("活动", "培训乡村医生", "现场进行技能考核。活动期间，共培训乡村医生168人，"),
    ],
    ids=["label-opens-with-activity", "label-does-not"],
)
def test_brief_counts_do_not_repeat_the_activity(activity: str, label: str, sentence: str) -> None:
    data = sample("work_brief")
    data["activity"] = activity
    data["counts"][0]["label"] = label
    assert sentence in build(data).plain_text()


@pytest.mark.parametrize(
    ("groups", "phrase"),
    [
        (
            [{"name": "第一小组", "leader": "吴海", "focus": "水质检测"}],
            "为成员。调研组下设第一小组，由吴海带队，重点调研水质检测。",
        ),
        ([{"name": "第一小组", "focus": "水质检测"}], "为成员。调研组下设第一小组，重点调研水质检测。"),
        (
            [
                {"name": "第一小组", "focus": "水质检测"},
                {"name": "第二小组", "leader": "郑秀兰", "focus": "管护"},
            ],
            "为成员。调研组分两个小组开展工作：第一小组重点调研水质检测；第二小组由郑秀兰带队，重点调研管护。",
        ),
    ],
    ids=["one-group-with-leader", "one-group", "two-groups"],
)
def test_research_sub_groups(groups: list[dict[str, str]], phrase: str) -> None:
    """One sub-group is not 分1个小组."""
    data = sample("research_report")
    data["team"]["groups"] = groups
    text = build(data).plain_text()
    assert phrase in text
    assert "分1个" not in text


@pytest.mark.parametrize(
    ("as_of", "opening"),
    [
        ("2026-01-10T17:00", "我局自2025年12月1日起开展岁末年初安全生产大排查工作，目前正在持续推进。"),
        ("2026-01-20T17:00", "我局于2025年12月1日至2026年1月20日开展岁末年初安全生产大排查工作。"),
    ],
)
def test_a_campaign_still_running_at_the_as_of_time_reads_as_ongoing(as_of: str, opening: str) -> None:
    data = sample("situation_report_rich")
    data["as_of"] = as_of
    assert opening in build(data).plain_text()


@pytest.mark.parametrize(
    ("period", "signed_on", "opening"),
    [
        ({"start": "2025-01-01", "end": "2025-12-31"}, "2025-12-30", "今年以来，我局"),
        ({"start": "2025-01-01", "end": "2025-12-31"}, "2026-01-08", "2025年，我局"),
        ({"start": "2025-03-01", "end": "2025-12-31"}, "2025-12-30", "2025年3月1日至12月31日，我局"),
    ],
)
def test_a_summary_opens_with_its_year_as_a_clerk_writes_it(
    period: dict[str, str], signed_on: str, opening: str
) -> None:
    data = sample("work_summary")
    data.pop("since", None)
    data.update(period=period, signed_on=signed_on)
    assert opening in build(data).plain_text()


def test_a_purpose_background_leads_into_the_opening_sentence() -> None:
    data = example("situation_report")
    data["options"] = {"opening": "background"}
    data["background"] = "为进一步做好返乡人员健康管理工作"
    assert "为进一步做好返乡人员健康管理工作，现将有关情况汇报如下：" in build(data).plain_text()


def test_a_topic_naming_an_undertaking_takes_no_extra_work_in_the_title() -> None:
    data = example("situation_report")
    data["topic"] = "根治欠薪冬季专项行动"
    assert build(data).title == "关于根治欠薪冬季专项行动情况的汇报"
