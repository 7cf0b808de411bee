"""Best-effort import of a report huibao did not write: phrases, tables, breakdowns, previous values."""

from __future__ import annotations

import json
import runpy
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from huibao import core
from huibao.reportimport import import_text, read_clauses, read_count

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("clause", "count"),
    [
        ("我局累计出动检查人员1260人次", {"label": "累计出动检查人员", "value": 1260, "measure": "人次"}),
        ("下达整改指令书近300份", {"label": "下达整改指令书", "value": 300, "measure": "份", "approx": "近"}),
        ("共培训企业负责人560余人",
         {"label": "培训企业负责人", "value": 560, "measure": "人", "approx": "余"}),
        ("依法实施经济处罚81.328万元",
         {"label": "依法实施经济处罚", "value": 813280, "measure": "元", "scale": True}),
        ("覆盖农村人口24.1万人", {"label": "覆盖农村人口", "value": 241000, "measure": "人", "scale": True}),
        ("发放宣传资料2.5万多份",
         {"label": "发放宣传资料", "value": 25000, "measure": "份", "scale": True, "approx": "多"}),
        ("我街道累计排查低洼易涝点37处", {"label": "累计排查低洼易涝点", "value": 37, "measure": "处"}),
        ("召开会议3次左右", {"label": "召开会议", "value": 3, "measure": "次", "approx": "左右"}),
        ("农村自来水普及率达92.6%", {"label": "农村自来水普及率达", "value": 92.6, "measure": "%"}),
    ],
)
def test_a_clause_ending_in_a_number_and_measure_is_a_count(clause: str, count: dict[str, Any]) -> None:
    assert read_count(clause) == count


@pytest.mark.parametrize("clause", ["2026年1月20日", "现将有关情况汇报如下", "12345", ""])
def test_clauses_without_a_count_give_none(clause: str) -> None:
    assert read_count(clause) is None


def test_breakdowns_after_qizhong_and_in_parentheses_nest_under_their_total() -> None:
    counts = read_clauses("检查单位836家，其中企业42家、场所479家（含商场126家、酒店98家）")
    assert [c["label"] for c in counts] == ["检查单位"]
    inner = counts[0]["breakdown"]
    assert [(c["label"], c["value"]) for c in inner] == [("企业", 42), ("场所", 479)]
    assert [c["label"] for c in inner[1]["breakdown"]] == ["商场", "酒店"]


@pytest.mark.parametrize(
    ("sentence", "previous", "label"),
    [
        ("排查项目214个，比上年同期增加28个、增长15.1%", 186, "上年同期"),
        ("发生火情2起，比上周减少3起", 5, "上周"),
        ("发生火情2起，与上月持平", 2, "上月"),
    ],
)
def test_a_comparison_becomes_the_previous_value(sentence: str, previous: int, label: str) -> None:
    (count,) = read_clauses(sentence)
    assert (count["previous"], count["previous_label"]) == (previous, label)


def test_envelope_lines_and_a_table_are_read() -> None:
    text = "关于防汛工作情况的快报\n\n县指挥部：\n项目\t数量\t单位\t备注\n转移群众\t1326\t人\t\n" \
           "其中：集中安置\t412\t人\t\n　　　投亲靠友\t914\t人\t\n\n青禾县应急管理局\n2026年6月19日\n"
    facts = import_text(text).facts
    assert (facts["title"], facts["recipient"]) == ("关于防汛工作情况的快报", "县指挥部")
    assert facts["topic"] == "防汛"
    assert (facts["signature"], facts["signed_on"]) == ("青禾县应急管理局", "2026-06-19")
    (total,) = facts["counts"]
    assert [c["label"] for c in total["breakdown"]] == ["集中安置", "投亲靠友"]


@pytest.mark.parametrize(
    ("clause", "value", "approx"),
    [("全县村级集体经济总收入1.26亿元", 126_000_000, None), ("处罚81.328万元", 813_280, None),
     ("拨付资金约3亿元", 300_000_000, "约")],
)
def test_money_in_wan_or_yi_is_read_in_yuan_at_its_scale(clause: str, value: int, approx: str | None) -> None:
    from huibao.reportimport import read_count

    count = read_count(clause)
    assert count is not None
    assert (count["value"], count["measure"], count.get("scale"), count.get("approx")) == (
        value, "元", True, approx)


def test_golden_texts_give_back_most_of_their_counts(
    capsys: pytest.CaptureFixture[str],
) -> None:
    runpy.run_path(str(ROOT / "bench" / "bench_import.py"), run_name="__main__")
    last = capsys.readouterr().out.strip().splitlines()[-1]
    found, total = (int(x) for x in last.split()[3].split("/"))
    # The goal is 90%; with zero counts in words (未发生…), subjects (全县…) and ranges read it
    # stands at 100% (109/109): the guard leaves room for composer wording to move a little.
    assert total >= 100 and found / total >= 0.95


@pytest.fixture(scope="module")
def api() -> Any:
    from huibao.app import create_app

    return TestClient(create_app(check_resources=False))


def test_a_rendered_report_imports_over_the_api(api: Any) -> None:
    sample = json.loads((ROOT / "samples" / "situation_report_small.json").read_text(encoding="utf-8"))
    docx = core.render(sample, "docx").content
    r = api.post("/api/import", files={"file": ("report.docx", docx)})
    assert r.status_code == 200
    labels = [c["label"] for c in r.json()["facts"]["counts"]]
    assert labels == ["累计排查低洼易涝点", "发现各类隐患"]


@pytest.mark.parametrize(
    ("body", "status", "field"),
    [
        ({"text": " "}, 400, "text"),
        ({"text": "标题\n走访群众312人次。", "extra": 1}, 400, "extra"),
        ({"text": "标题", "kind": "周报"}, 422, "kind"),
    ],
)
def test_bad_import_requests_get_the_one_error_shape(
    api: Any, body: dict[str, Any], status: int, field: str
) -> None:
    r = api.post("/api/import", json=body)
    assert r.status_code == status and r.json()["errors"][0]["field"] == field


def test_a_text_import_names_its_kind(api: Any) -> None:
    r = api.post("/api/import", json={"text": "标题\n共走访群众312人次。", "kind": "工作总结"})
    facts = r.json()["facts"]
    assert facts["kind"] == "work_summary"
    assert facts["counts"] == [{"label": "走访群众", "value": 312, "measure": "人次"}]


def test_unknown_measures_are_left_out_rather_than_guessed() -> None:
    result = import_text("标题\n巡查林区14坨。")
    assert result.facts.get("counts") is None and result.unplaced == ["巡查林区14坨。"]


def _docx_with_a_table(paragraphs: list[str], rows: list[list[str]], after: int) -> bytes:
    """Return a .docx written by python-docx: ``paragraphs`` with a table of ``rows`` after the
    paragraph at index ``after``, and a page number in the footer."""
    import io

    import docx

    document = docx.Document()
    for i, text in enumerate(paragraphs):
        document.add_paragraph(text)
        if i == after:
            table = document.add_table(rows=0, cols=len(rows[0]))
            for row in rows:
                for cell, value in zip(table.add_row().cells, row, strict=True):
                    cell.text = value
    document.sections[0].footer.paragraphs[0].text = "— 1 —"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_a_docx_with_a_table_imports_as_its_text_does() -> None:
    from huibao.reportimport import import_file

    paragraphs = ["关于防汛工作情况的快报", "县指挥部：",
                  "　　截至6月19日，我局累计排查低洼易涝点37处，未发生人员伤亡。",
                  "　　特此报告。", "青禾县应急管理局", "2026年6月19日"]
    rows = [["项目", "数量", "单位", "备注"], ["转移群众", "1326", "人", ""],
            ["其中：集中安置", "412", "人", ""], ["　　　投亲靠友", "914", "人", "含外省返乡40人"],
            ["巡查河道", "120—150", "公里", ""], ["受损堤防", "待核实", "处", ""]]
    text = "\n".join(paragraphs[:3] + ["\t".join(r) for r in rows] + paragraphs[3:])
    from_docx = import_file(_docx_with_a_table(paragraphs, rows, after=2))
    from_text = import_text(text)
    assert from_docx.as_dict() == from_text.as_dict()
    counts = from_text.facts["counts"]
    assert [c["label"] for c in counts] == ["累计排查低洼易涝点", "发生人员伤亡", "转移群众", "巡查河道"]
    assert [b["label"] for b in counts[2]["breakdown"]] == ["集中安置", "投亲靠友"]
    assert (counts[3]["value"], counts[3]["upper"]) == (120, 150)
    assert from_text.unplaced == ["受损堤防\t待核实\t处"]
    assert from_text.facts["signed_on"] == "2026-06-19"


GOLDEN = ROOT / "tests" / "compose" / "golden"


@pytest.mark.parametrize(
    "name", sorted(p.stem for p in GOLDEN.glob("*.txt") if (ROOT / "samples" / f"{p.stem}.json").exists())
)
def test_the_text_of_a_rendered_docx_gives_the_facts_its_plain_text_gives(name: str) -> None:
    """Word's text (tables one cell per line, indentation lost, a title over two lines, page
    numbers in the footer) is read as the golden plain text is."""
    from huibao.convert.converter import document_text
    from huibao.uploads import open_docx

    facts = json.loads((ROOT / "samples" / f"{name}.json").read_text(encoding="utf-8"))
    docx_text = document_text(open_docx(core.render(facts, "docx").content))
    from_text = import_text((GOLDEN / f"{name}.txt").read_text(encoding="utf-8"), facts["kind"])
    assert import_text(docx_text, facts["kind"]).facts == from_text.facts


@pytest.mark.parametrize(
    "name", sorted(p.stem for p in GOLDEN.glob("*.txt") if (ROOT / "samples" / f"{p.stem}.json").exists())
)
def test_imported_facts_lack_only_what_the_clerk_must_add(name: str) -> None:
    """Every field the import writes is one the kind has, in a shape it accepts: validating the
    draft complains at most of required fields the text could not give."""
    from huibao.compose.kinds import parse_facts
    from huibao.errors import InvalidFacts

    kind = json.loads((ROOT / "samples" / f"{name}.json").read_text(encoding="utf-8"))["kind"]
    facts = import_text((GOLDEN / f"{name}.txt").read_text(encoding="utf-8"), kind).facts
    try:
        parse_facts(facts)
    except InvalidFacts as invalid:
        wrong = [e for e in invalid.errors if e.field is not None and not e.message.endswith("缺少必填项")]
        assert wrong == []


@pytest.mark.parametrize(
    ("kind", "field", "unplaced"),
    [("situation_report", "counts", []), ("inspection_notice", "scope", []),
     ("rectification_report", None, ["截至5月6日，已完成整改2个，正在推进2个。"])],
)
def test_counts_go_where_the_kind_keeps_them_or_stay_unplaced(
    kind: str, field: str | None, unplaced: list[str]
) -> None:
    result = import_text("关于整改情况的报告\n一、整改进展\n截至5月6日，已完成整改2个，正在推进2个。", kind)
    held = [name for name in ("counts", "scope") if name in result.facts]
    assert (held, result.unplaced) == ([field] if field else [], unplaced)


def test_an_unknown_kind_is_refused() -> None:
    from huibao.errors import UnknownKind

    with pytest.raises(UnknownKind):
        import_text("标题\n走访群众312人次。", "周报")
