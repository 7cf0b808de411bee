"""Facts naming an office: its envelope fills what the facts leave empty, on every surface."""

from __future__ import annotations

import io
import json
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from huibao.cli import main
from huibao.store.db import Store, reset_stores
from huibao.store.envelope import OfficeProfile, fill
from huibao.store.inputs import OfficeIn, OfficePatch
from huibao.store.models import Office
from huibao.store.offices import create_office, update_office
from huibao.store.tokens import create_token

PROFILE = OfficeProfile(
    name="青禾县应急管理局", self_reference="我局", recipient="县人民政府", signature="青禾县应急管理局",
    issuer="青禾县应急管理局文件", code="青应急",
)


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({}, {"unit": {"name": "青禾县应急管理局", "self_reference": "我局"}, "recipient": "县人民政府",
              "signature": "青禾县应急管理局", "issuer": ["青禾县应急管理局"]}),
        ({"unit": {"name": "东坪镇人民政府"}},
         {"unit": {"name": "东坪镇人民政府", "self_reference": "我局"}}),
        ({"unit": {"name": "东坪镇人民政府", "self_reference": "我镇"}},
         {"unit": {"name": "东坪镇人民政府", "self_reference": "我镇"}}),
        ({"recipient": "市应急管理局", "signature": " "},
         {"recipient": "市应急管理局", "signature": "青禾县应急管理局"}),
        ({"issuer": ["青禾县人民政府", "青禾县应急管理局"]},
         {"issuer": ["青禾县人民政府", "青禾县应急管理局"]}),
        ({"doc_number": {"year": 2026, "serial": 3}},
         {"doc_number": {"year": 2026, "serial": 3, "code": "青应急"}}),
        ({"doc_number": "〔2026〕3号"}, {"doc_number": "青应急〔2026〕3号"}),
        ({"doc_number": "青政督〔2026〕3号"}, {"doc_number": "青政督〔2026〕3号"}),
        ({"unit": "青禾"}, {"unit": "青禾"}),  # the wrong type is left for validation to name
    ],
)
def test_the_office_fills_only_what_the_facts_leave_empty(
    given: dict[str, Any], expected: dict[str, Any]
) -> None:
    out = fill({"kind": "situation_report", "office": 1, **given}, PROFILE)
    assert "office" not in out
    assert {k: out[k] for k in expected} == expected


def test_an_office_without_an_envelope_fills_only_the_unit_name() -> None:
    out = fill({"kind": "situation_report", "office": "甲"}, OfficeProfile(name="甲"))
    assert out == {"kind": "situation_report", "unit": {"name": "甲"}}


@pytest.fixture
def app_client(client: Any, store: Store, office: Office) -> Any:
    with store.write() as s:
        update_office(s, office.id, OfficePatch(issuer="青禾县应急管理局"))
    return client


REPORT: dict[str, Any] = {"kind": "situation_report", "topic": "森林防火", "signed_on": "2026-03-06",
                          "counts": [{"label": "巡查林区", "value": 14, "measure": "片"}]}


@pytest.mark.parametrize("ref", ["青禾县应急管理局", "1"])
def test_a_report_naming_an_office_gets_its_envelope(app_client: Any, office: Office, ref: str) -> None:
    body = dict(REPORT, office=office.id if ref == "1" else ref)
    r = app_client.post("/api/reports?format=txt", json=body)
    assert r.status_code == 200, r.text
    lines = r.text.splitlines()
    assert lines[0] == "青禾县应急管理局文件" and "县人民政府：" in lines  # 发文机关标志 on a red head
    assert "我局" in r.text and "青禾县应急管理局" in lines[-2:]


def test_facts_given_win_over_the_office(app_client: Any) -> None:
    body = dict(REPORT, office="青禾县应急管理局", recipient="市应急管理局", issuer=[],
                unit={"name": "东坪镇人民政府", "self_reference": "我镇"})
    text = app_client.post("/api/reports?format=txt", json=body).text
    assert "市应急管理局：" in text.splitlines() and "县人民政府：" not in text.splitlines()
    assert "我镇" in text and "我局" not in text


@pytest.mark.parametrize(
    ("ref", "status"),
    [("不存在的机关", 404), (999, 404), ("²", 404), ("١٢", 404), ("", 422), (True, 422),
     (["青禾县应急管理局"], 422)],
)
def test_an_unknown_office_is_an_error_on_field_office(app_client: Any, ref: Any, status: int) -> None:
    for path in ("/api/reports?format=txt", "/api/reports/preview"):
        r = app_client.post(path, json=dict(REPORT, office=ref))
        assert r.status_code == status, (path, r.text)
        assert [e["field"] for e in r.json()["errors"]] == ["office"]


def test_a_batch_names_the_report_whose_office_is_unknown(app_client: Any) -> None:
    good, bad = dict(REPORT, office="青禾县应急管理局"), dict(REPORT, office="东坪镇")
    r = app_client.post("/api/reports/batch?format=txt", json={"reports": [good, bad]})
    assert r.status_code == 422 and [e["field"] for e in r.json()["errors"]] == ["reports[1].office"]
    r = app_client.post("/api/reports/batch?format=txt", json={"reports": [good, good]})
    with zipfile.ZipFile(io.BytesIO(r.content)) as zf:
        texts = [zf.read(n).decode() for n in zf.namelist() if n.endswith(".txt")]
    assert len(texts) == 2 and all(t.startswith("青禾县应急管理局文件\n") for t in texts)


def test_a_stored_draft_without_an_envelope_renders_with_its_office(
    app_client: Any, store: Store, office: Office
) -> None:
    r = app_client.post("/api/documents", json={"office_id": office.id, "facts": REPORT})
    doc = r.json()["document"]
    assert doc["facts"]["unit"]["name"] == "青禾县应急管理局" and "keep" not in doc["facts"]
    bare = dict(doc["facts"], unit={}, recipient="")  # the clerk cleared them: the office still fills
    r = app_client.put(f"/api/documents/{doc['id']}", json={"facts": bare, "version": 1})
    assert r.status_code == 200, r.text
    text = app_client.get(f"/api/documents/{doc['id']}/render?format=txt").text
    assert text.splitlines()[0] == "青禾县应急管理局文件" and "县人民政府：" in text.splitlines()
    final = app_client.post(f"/api/documents/{doc['id']}/finalize").json()["document"]
    assert final["number"] == "青应急〔2026〕1号"


@pytest.fixture
def tokens(store: Store, office: Office) -> dict[str, Any]:
    with store.write() as s:
        other = create_office(s, OfficeIn(name="东坪镇人民政府", recipient="县人民政府办公室"))
        _, mine = create_token(s, office.id, "test")
    return {"mine": mine, "other": other}


def test_under_token_auth_another_offices_name_answers_like_a_missing_one(
    client: Any, tokens: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HUIBAO_AUTH", "token")
    auth = {"Authorization": f"Bearer {tokens['mine']}"}
    answers = []
    for ref in ("东坪镇人民政府", tokens["other"].id, "没有这个机关"):
        r = client.post("/api/reports?format=txt", json=dict(REPORT, office=ref), headers=auth)
        answers.append((r.status_code, r.json()["errors"][0]["field"], r.json()["errors"][0]["message"][:5]))
    assert answers == [(404, "office", "找不到机关")] * 3
    ok = client.post("/api/reports?format=txt", json=dict(REPORT, office="青禾县应急管理局"), headers=auth)
    assert ok.status_code == 200 and "县人民政府：" in ok.text.splitlines()


def test_under_token_auth_a_plain_form_post_finds_no_office(
    client: Any, tokens: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HUIBAO_AUTH", "token")
    form = {"kind": "situation_report", "office": "青禾县应急管理局", "topic": "森林防火", "op": "txt",
            "counts[0].label": "巡查林区", "counts[0].value": "14片"}
    r = client.post("/", data=form)
    assert r.status_code == 404 and "找不到机关" in r.text
    monkeypatch.setenv("HUIBAO_AUTH", "off")
    r = client.post("/", data=form)
    assert r.status_code == 200 and "县人民政府：" in r.text.splitlines()


@pytest.fixture
def cli(
    store: Store, office: Office, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Any:
    monkeypatch.setenv("HUIBAO_DATABASE_URL", store.url)
    reset_stores()

    def call(*argv: str) -> tuple[int, str, str]:
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    yield call
    reset_stores()


def test_the_cli_render_takes_the_office_from_the_database(cli: Any, tmp_path: Path) -> None:
    path = tmp_path / "facts.json"
    path.write_text(json.dumps(dict(REPORT, office="青禾县应急管理局"), ensure_ascii=False), encoding="utf-8")
    code, out, _ = cli("render", str(path), "-f", "txt")
    assert code == 0 and "县人民政府：" in out.splitlines() and "我局" in out
    path.write_text(json.dumps(dict(REPORT, office="东坪镇"), ensure_ascii=False), encoding="utf-8")
    code, _, err = cli("render", str(path), "-f", "txt")
    assert code == 2 and "office" in err and "找不到机关“东坪镇”" in err


def test_a_text_render_without_an_office_never_loads_the_database_code(tmp_path: Path) -> None:
    facts = tmp_path / "facts.json"
    facts.write_text(json.dumps(dict(REPORT, unit={"name": "东坪镇人民政府"}), ensure_ascii=False), "utf-8")
    probe = (
        "import sys; from huibao.cli import main; code = main(['render', sys.argv[1], '-f', 'txt']); "
        "print('LOADED' if 'sqlalchemy' in sys.modules or 'huibao.store.db' in sys.modules else 'CLEAN', "
        "code, file=sys.stderr)"
    )
    env = {"HUIBAO_DATABASE_URL": "postgresql+psycopg://nobody@256.0.0.1:1/none", "PATH": "/usr/bin:/bin",
           "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", probe, str(facts)], capture_output=True, text=True, env=env,
                          check=False)
    assert done.stderr.strip().splitlines()[-1] == "CLEAN 0", done.stderr
    assert "东坪镇人民政府" in done.stdout
