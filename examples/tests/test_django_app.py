"""What only the Django example does: settings from the environment, POST only."""

from __future__ import annotations

import importlib
import logging

import pytest
import zoom_auth_site.settings
from django.test import Client, override_settings

SECRET = "example-secret-not-real-0123456789"


def test_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ZOOM_SDK_KEY", "from-env-key")
    monkeypatch.setenv("ZOOM_SDK_SECRET", SECRET)
    try:
        settings = importlib.reload(zoom_auth_site.settings)
        assert (settings.ZOOM_SDK_KEY, settings.ZOOM_SDK_SECRET) == ("from-env-key", SECRET)
    finally:
        monkeypatch.undo()
        importlib.reload(zoom_auth_site.settings)


def test_only_post() -> None:
    assert Client().get("/").status_code == 405


@pytest.mark.parametrize(("key", "secret"), [("", ""), ("key", ""), ("key", SECRET + "\n")])
def test_missing_or_broken_credentials_are_a_server_error(
    caplog: pytest.LogCaptureFixture, key: str, secret: str
) -> None:
    with (
        override_settings(ZOOM_SDK_KEY=key, ZOOM_SDK_SECRET=secret),
        caplog.at_level(logging.ERROR),
    ):
        response = Client().post(
            "/", {"meetingNumber": "85746065432", "role": 0}, content_type="application/json"
        )
    assert response.status_code == 500
    assert response.json() == {
        "errors": [
            {
                "property": "$server",
                "reason": "the server's Zoom SDK credentials are missing or invalid",
            }
        ]
    }
    assert "cannot sign Zoom signatures" in caplog.text
    assert SECRET not in caplog.text
