"""What only the FastAPI example does: credentials from the environment, POST only."""

from __future__ import annotations

import logging

import jwt
import pytest
from fastapi.testclient import TestClient
from zoom_auth_api import app

SECRET = "example-secret-not-real-0123456789"


def test_credentials_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZOOM_SDK_KEY", "from-env-key")
    monkeypatch.setenv("ZOOM_SDK_SECRET", SECRET)
    response = TestClient(app).post("/", json={"meetingNumber": "85746065432", "role": 1})
    assert response.status_code == 200
    assert response.json()["sdkKey"] == "from-env-key"
    claims = jwt.decode(response.json()["signature"], SECRET, algorithms=["HS256"])
    assert claims["role"] == 1


def test_only_post() -> None:
    assert TestClient(app).get("/").status_code == 405


@pytest.mark.parametrize(("key", "secret"), [("", ""), ("key", ""), ("key", " " + SECRET)])
def test_missing_or_broken_credentials_are_a_server_error(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, key: str, secret: str
) -> None:
    monkeypatch.setenv("ZOOM_SDK_KEY", key)
    monkeypatch.setenv("ZOOM_SDK_SECRET", secret)
    with caplog.at_level(logging.ERROR):
        response = TestClient(app).post("/", json={})
    assert response.status_code == 500
    assert response.json()["errors"][0]["property"] == "$server"
    assert "cannot sign Zoom signatures" in caplog.text
    assert SECRET not in caplog.text
