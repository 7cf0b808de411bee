"""Untrusted JSON text: every way it can fail is a Chinese 400 naming the field."""

from __future__ import annotations

import pytest

from huibao.errors import BadRequest
from huibao.jsonparse import MAX_DEPTH, parse_json


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"value": NaN}', "不能有 NaN"),
        ('{"value": Infinity}', "不能有 Infinity"),
        ('[-Infinity]', "不能有 -Infinity"),
        ('{"value": 1', "JSON 格式错误"),
        ("[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1), "嵌套层数过多"),
        ("1" * 5000, "位数过多"),
    ],
)
def test_unusable_json_is_a_400_in_chinese(text: str, message: str) -> None:
    with pytest.raises(BadRequest, match=message) as info:
        parse_json(text, field="facts")
    assert info.value.errors[0].field == "facts"


@pytest.mark.parametrize("text", ['{"value": 1.5}', '{"name": "NaN"}', "[1e308]", '"Infinity"'])
def test_ordinary_json_is_read(text: str) -> None:
    parse_json(text)


def test_a_nan_in_an_api_body_is_a_400(client: object) -> None:
    from fastapi.testclient import TestClient

    assert isinstance(client, TestClient)
    r = client.post("/api/reports/preview", content=b'{"kind": "situation_report", "topic": NaN}',
                    headers={"Content-Type": "application/json"})
    assert r.status_code == 400 and "NaN" in r.json()["errors"][0]["message"]
