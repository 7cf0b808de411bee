"""Nothing acknowledged is lost: kill -9 a live server in the middle of saves, then look."""

from __future__ import annotations

import signal
import threading
from typing import Any

import httpx

from huibao.store.db import Store
from huibao.store.documents import create_document, get_document
from huibao.store.models import Office, Revision
from tests.live import live_process


def test_kill_9_during_saves_loses_nothing_acknowledged(
    store: Store, office: Office, facts: dict[str, Any]
) -> None:
    with store.write() as s:
        doc_id = create_document(s, facts, office_id=office.id).id
    acknowledged: list[tuple[int, int]] = []  # (version, figure saved in it)
    created: list[int] = []
    enough = threading.Event()

    def save_until_gone(base: str) -> None:
        version = 1
        with httpx.Client(base_url=base, timeout=10) as http:
            for i in range(10_000):
                body = {"facts": {**facts, "counts": [{"label": "巡查林区", "value": i, "measure": "片"}]}}
                try:
                    r = http.put(f"/api/documents/{doc_id}", json=body, headers={"If-Match": f'"{version}"'})
                    if r.status_code != 200:
                        return
                    version = int(r.json()["document"]["version"])
                    acknowledged.append((version, i))
                    r = http.post("/api/documents", json={"office_id": office.id, "facts": body["facts"]})
                    if r.status_code != 201:
                        return
                    created.append(int(r.json()["document"]["id"]))
                except httpx.TransportError:
                    return  # the server is gone
                if len(acknowledged) >= 25:
                    enough.set()

    with live_process(env={"HUIBAO_DATABASE_URL": store.url}) as (base, proc):
        saver = threading.Thread(target=save_until_gone, args=(base,))
        saver.start()
        assert enough.wait(120), "the live server acknowledged too few saves"
        proc.send_signal(signal.SIGKILL)  # mid-loop: the saver is between requests or inside one
        saver.join(30)
        assert proc.wait(10) == -signal.SIGKILL

    with store.read() as s:
        doc = get_document(s, doc_id)
        kept = {r.version: r.facts for r in s.query(Revision).filter(Revision.document_id == doc_id)}
        assert doc.version >= acknowledged[-1][0]
        for version, figure in acknowledged:
            assert kept[version]["counts"][0]["value"] == figure
        for new_id in created:
            assert get_document(s, new_id).office_id == office.id
