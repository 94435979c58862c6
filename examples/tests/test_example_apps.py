"""The three example apps, each through its framework's real test client."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Callable

import pytest
from django.test import Client
from fastapi.testclient import TestClient

from conftest import KEY, SECRET
from zoomsig import decode_and_validate

MEETING = "85746065432"
Post = Callable[..., tuple[int, Any]]
EXAMPLES = Path(__file__).resolve().parent.parent


@pytest.fixture(params=["django", "fastapi", "flask"])
def post(request: pytest.FixtureRequest) -> Iterator[Post]:
    if request.param == "django":
        client = Client()

        def django_post(body: bytes, content_type: str = "application/json") -> tuple[int, Any]:
            response = client.post("/zoom/signature", body, content_type=content_type)
            return response.status_code, response.json()

        yield django_post
    elif request.param == "fastapi":
        from zoom_auth_api import app as fastapi_app

        with TestClient(fastapi_app) as test_client:

            def fastapi_post(
                body: bytes, content_type: str = "application/json"
            ) -> tuple[int, Any]:
                response = test_client.post(
                    "/zoom/signature", content=body, headers={"content-type": content_type}
                )
                return response.status_code, response.json()

            yield fastapi_post
    else:
        from app import app as flask_app

        flask_client = flask_app.test_client()

        def flask_post(body: bytes, content_type: str = "application/json") -> tuple[int, Any]:
            response = flask_client.post("/zoom/signature", data=body, content_type=content_type)
            return response.status_code, response.get_json()

        yield flask_post


def test_web_signature(post: Post) -> None:
    status, body = post(b'{"meetingNumber": "85746065432", "role": 0}')
    assert status == 200
    assert body["sdkKey"] == KEY
    decode_and_validate(
        body["signature"], secret=SECRET, sdk_key=KEY, meeting_number=MEETING, role=0
    ).raise_for_errors()


def test_host_is_refused_by_default(post: Post) -> None:
    status, body = post(b'{"meetingNumber": "85746065432", "role": 1}')
    assert status == 403
    assert body["errors"][0]["property"] == "role"


def test_every_error_at_once(post: Post) -> None:
    status, body = post(b'{"meetingNumber": "857 4606 5432", "role": "host"}')
    assert status == 400
    assert [e["property"] for e in body["errors"]] == ["meetingNumber", "role"]


def test_example_body_caps_413_past_max_body_size(post: Post) -> None:
    """Issue 9, item 5: a 400 MiB body got a 400 MiB answer; every example now caps it."""
    status, body = post(b'{"x": "' + b"y" * 20_000 + b'"}')
    assert status == 413
    assert body == {
        "errors": [{"property": "$body", "reason": "the body is larger than 16384 bytes"}]
    }


def test_json_nested_1000_deep_is_a_400(post: Post) -> None:
    status, _ = post(b"[" * 1000 + b"]" * 1000)
    assert status == 400


def test_json_only(post: Post) -> None:
    status, _ = post(b"meetingNumber=85746065432&role=0", "application/x-www-form-urlencoded")
    assert status == 415


@pytest.mark.parametrize(
    ("command", "folder"),
    [
        (["manage.py", "check"], "django_app"),  # as runserver checks before it serves
        (["-c", "import zoom_auth_api"], "fastapi_app"),
        (["-c", "import app"], "flask_app"),
    ],
)
def test_a_broken_secret_stops_the_app_at_start_up(command: list[str], folder: str) -> None:
    env = {**os.environ, "ZOOM_SDK_SECRET": SECRET + "\n"}
    result = subprocess.run(
        [sys.executable, *command],
        cwd=EXAMPLES / folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "sdk_secret" in result.stderr or "ZOOM_SDK_SECRET" in result.stderr
    assert SECRET[:8] not in result.stderr + result.stdout


def test_django_example_check_without_secrets_crashed_at_the_urlconf() -> None:
    """A Docker build runs manage.py (check, migrate) before any secret is there."""
    env = {k: v for k, v in os.environ.items() if k not in ("ZOOM_SDK_KEY", "ZOOM_SDK_SECRET")}
    outputs = {
        flag: subprocess.run(
            [sys.executable, "manage.py", "check", *flag],
            cwd=EXAMPLES / "django_app",
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        for flag in ((), ("--deploy",))
    }
    check, deploy = outputs[()], outputs[("--deploy",)]
    assert check.returncode == 0, check.stderr[-2000:]
    assert "(zoomsig.W002) zoomsig: ZOOM_SDK_KEY is set to an empty string" in check.stderr
    assert deploy.returncode != 0
    assert "(zoomsig.E004)" in deploy.stderr
