"""An office's own layout .docx: checked on upload, stored, used for its documents' .docx."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import docx
import pytest

from huibao import resources
from huibao.cli import main
from huibao.errors import HuibaoError
from huibao.store.db import Store, reset_stores
from huibao.store.models import Office
from tests.docx_parts import replace_part

MARK = "青禾县应急管理局专用版式"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
REPORT: dict[str, Any] = {"kind": "situation_report", "topic": "森林防火", "signed_on": "2026-03-06",
                          "counts": [{"label": "巡查林区", "value": 14, "measure": "片"}]}


def own_layout() -> bytes:
    """Return the default layout with a marked paragraph before the body."""
    template = docx.Document(str(resources.layout_docx()))
    body = next(p for p in template.paragraphs if "{{p body }}" in p.text)
    body.insert_paragraph_before(MARK)
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def text_of(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


@pytest.fixture(scope="module")
def layout() -> bytes:
    return own_layout()


def test_an_uploaded_layout_lays_out_the_offices_documents(
    client: Any, office: Office, layout: bytes
) -> None:
    doc = client.post("/api/documents", json={"office_id": office.id, "facts": REPORT}).json()["document"]
    assert MARK not in text_of(client.get(f"/api/documents/{doc['id']}/render").content)
    r = client.put(f"/api/offices/{office.id}/layout", content=layout, headers={"Content-Type": DOCX})
    assert r.status_code == 200, r.text
    assert r.json()["layout"]["size"] == len(layout)
    assert client.get(f"/api/offices/{office.id}/layout").content == layout
    assert MARK in text_of(client.get(f"/api/documents/{doc['id']}/render").content)
    named = client.post("/api/reports", json=dict(REPORT, office=office.name))
    assert MARK in text_of(named.content)
    final = client.post(f"/api/documents/{doc['id']}/finalize")
    assert final.status_code == 200, final.text
    assert MARK in text_of(client.get(f"/api/documents/{doc['id']}/render").content)
    assert client.delete(f"/api/offices/{office.id}/layout").json()["removed"] is True
    assert client.get(f"/api/offices/{office.id}/layout").status_code == 404
    assert MARK not in text_of(client.post("/api/reports", json=dict(REPORT, office=office.name)).content)


def test_a_multipart_upload_keeps_its_file_name(client: Any, office: Office, layout: bytes) -> None:
    files = {"file": ("机关版式.docx", layout, DOCX)}
    r = client.put(f"/api/offices/{office.id}/layout", files=files)
    assert r.status_code == 200 and r.json()["layout"]["filename"] == "机关版式.docx"


def _without_body_marker() -> bytes:
    template = docx.Document(str(resources.layout_docx()))
    for p in template.paragraphs:
        if "{{p body }}" in p.text:
            p.text = "正文"
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("make", "status", "words"),
    [
        (lambda: b"not a docx at all", 415, ""),
        (_without_body_marker, 415, "{{p body }}"),
    ],
)
def test_an_unusable_layout_is_refused_and_nothing_is_kept(
    client: Any, office: Office, make: Any, status: int, words: str
) -> None:
    r = client.put(f"/api/offices/{office.id}/layout", content=make(), headers={"Content-Type": DOCX})
    assert r.status_code == status, r.text
    assert words in r.json()["errors"][0]["message"]
    assert client.get(f"/api/offices/{office.id}/layout").status_code == 404


def test_another_offices_layout_answers_404_under_token_auth(
    client: Any, store: Store, office: Office, layout: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from huibao.store.inputs import OfficeIn
    from huibao.store.offices import create_office
    from huibao.store.tokens import create_token

    with store.write() as s:
        other = create_office(s, OfficeIn(name="东坪镇人民政府")).id
        _, secret = create_token(s, office.id, "t")
    monkeypatch.setenv("HUIBAO_AUTH", "token")
    auth = {"Authorization": f"Bearer {secret}", "Content-Type": DOCX}
    assert client.put(f"/api/offices/{other}/layout", content=layout, headers=auth).status_code == 404
    assert client.put(f"/api/offices/{office.id}/layout", content=layout, headers=auth).status_code == 200


def test_the_cli_stores_a_layout_and_renders_with_it(
    store: Store, office: Office, layout: bytes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("HUIBAO_DATABASE_URL", store.url)
    reset_stores()
    try:
        (tmp_path / "layout.docx").write_bytes(layout)
        assert main(["office", "layout", office.name, str(tmp_path / "layout.docx")]) == 0
        assert json.loads(capsys.readouterr().out)["sha256"]
        (tmp_path / "facts.json").write_text(json.dumps(dict(REPORT, office=office.id)), encoding="utf-8")
        out = tmp_path / "out.docx"
        assert main(["render", str(tmp_path / "facts.json"), "-o", str(out)]) == 0
        assert MARK in text_of(out.read_bytes())
        (tmp_path / "bad.docx").write_bytes(b"PK not really")
        assert main(["office", "layout", office.name, str(tmp_path / "bad.docx")]) == 2
        assert main(["office", "layout", office.name, "--remove"]) == 0
    finally:
        reset_stores()


def test_export_and_restore_keep_the_offices_layout(store: Store, office: Office, layout: bytes) -> None:
    from huibao.store.layouts import layout_bytes, save_layout
    from huibao.store.offices import find_office
    from huibao.store.transfer import export_office, restore_office

    with store.write() as s:
        save_layout(s, office.id, layout, "机关版式.docx")
    with store.read() as s:
        exported = export_office(s, find_office(s, office.name))
    assert exported["layout"]["filename"] == "机关版式.docx"
    with store.write() as s:
        restored = restore_office(s, json.loads(json.dumps(exported)), "青禾县应急管理局（恢复）").id
    with store.read() as s:
        assert layout_bytes(s, restored) == layout
    broken = dict(exported, layout=dict(exported["layout"], sha256="0" * 64))
    with pytest.raises(HuibaoError) as caught, store.write() as s:
        restore_office(s, broken, "另一个")
    assert caught.value.errors[0].field == "layout"


W = b'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


@pytest.mark.parametrize(
    ("part", "content"),
    [
        ("[Content_Types].xml", b"<foo/>"),
        ("word/_rels/document.xml.rels", b"<foo/>"),
        ("_rels/.rels", b"<foo/>"),
        ("docProps/core.xml", b"<foo/>"),
        ("word/document.xml", b"<w:document " + W + b"/>"),
        ("word/styles.xml", b"<w:styles " + W + b"/>"),
    ],
)
def test_a_layout_with_a_broken_part_is_refused_in_chinese(
    client: Any, office: Office, layout: bytes, part: str, content: bytes
) -> None:
    r = client.put(f"/api/offices/{office.id}/layout", content=replace_part(layout, part, content),
                   headers={"Content-Type": DOCX})
    assert r.status_code in (400, 415), r.text
    message = r.json()["errors"][0]["message"]
    assert message and not any(name in message for name in ("Error", "Exception"))
    assert client.get(f"/api/offices/{office.id}/layout").status_code == 404  # nothing kept


def test_a_layout_made_from_a_huibao_report_does_not_carry_its_old_facts(
    client: Any, office: Office
) -> None:
    from huibao import core
    from huibao.reportimport import import_file

    earlier = dict(REPORT, topic="旧报告的主题", unit={"name": "别的单位"})
    old = docx.Document(io.BytesIO(core.render(earlier, "docx").content))
    old.paragraphs[-1].insert_paragraph_before("{{p body }}")
    buffer = io.BytesIO()
    old.save(buffer)  # the old report's facts item rides along, as Word would keep it
    assert client.put(f"/api/offices/{office.id}/layout", content=buffer.getvalue(),
                      headers={"Content-Type": DOCX}).status_code == 200
    doc = client.post("/api/documents", json={"office_id": office.id, "facts": REPORT}).json()["document"]
    rendered = client.get(f"/api/documents/{doc['id']}/render").content
    assert import_file(rendered).facts["topic"] == "森林防火"
    import zipfile

    items = [n for n in zipfile.ZipFile(io.BytesIO(rendered)).namelist()
             if n.startswith("customXml/item") and "Props" not in n]
    assert len(items) == 1
