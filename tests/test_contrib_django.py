"""zoomsig.contrib.django with Django's real test client."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import jwt
import pytest

pytest.importorskip("django")

from _django import KEY, SECRET, VIDEO_KEY, VIDEO_SECRET
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest
from django.test import Client, override_settings
from django.test.utils import setup_test_environment, teardown_test_environment
from django.urls import path

from zoomsig import Role
from zoomsig.contrib.django import ZoomSigConfig, check_settings, meeting_sdk_view, video_sdk_view
from zoomsig.endpoint import MeetingSdkPolicy

MEETING = "85746065432"


def _host_for_staff(request: HttpRequest) -> MeetingSdkPolicy:
    roles = {Role.PARTICIPANT, Role.HOST} if request.headers.get("X-Staff") else {Role.PARTICIPANT}
    return MeetingSdkPolicy(roles=roles)


urlpatterns = [
    path("zoom/signature", meeting_sdk_view()),
    path("zoom/video-signature", video_sdk_view()),
    path("zoom/staff-signature", meeting_sdk_view(policy=_host_for_staff, max_body_size=64)),
]


@pytest.fixture(autouse=True, scope="module")
def _test_environment() -> Any:
    setup_test_environment()
    yield
    teardown_test_environment()


def _post(url: str, body: object, **extra: Any) -> Any:
    return Client(enforce_csrf_checks=True).post(
        url, body, content_type="application/json", **extra
    )


def test_meeting_sdk_view() -> None:
    response = _post("/zoom/signature", {"meetingNumber": MEETING, "role": 0})
    assert response.status_code == 200
    body = response.json()
    assert body["sdkKey"] == KEY
    claims = jwt.decode(body["signature"], SECRET, algorithms=["HS256"])
    assert (claims["mn"], claims["role"]) == (MEETING, 0)


def test_video_sdk_view() -> None:
    response = _post("/zoom/video-signature", {"sessionName": "standup", "role": "0"})
    assert response.status_code == 200
    claims = jwt.decode(response.json()["signature"], VIDEO_SECRET, algorithms=["HS256"])
    assert (claims["app_key"], claims["tpc"]) == (VIDEO_KEY, "standup")


def test_all_errors_in_the_official_shape() -> None:
    response = _post("/zoom/signature", {"meetingNumber": "1", "role": "x"})
    assert response.status_code == 400
    assert [e["property"] for e in response.json()["errors"]] == ["meetingNumber", "role"]


def test_csrf_is_not_needed_but_json_is() -> None:
    # enforce_csrf_checks: the view is csrf_exempt, so no token is needed ...
    assert _post("/zoom/signature", {}).status_code == 200
    # ... because it takes JSON only, which another site's form cannot send.
    form = Client(enforce_csrf_checks=True).post("/zoom/signature", {"role": "0"})
    assert form.status_code == 415


def test_only_post() -> None:
    response = Client().get("/zoom/signature")
    assert response.status_code == 405
    assert response["Allow"] == "POST"


def test_policy_is_decided_per_request_and_host_is_refused_by_default() -> None:
    web_host = {"meetingNumber": MEETING, "role": 1}
    assert _post("/zoom/signature", web_host).status_code == 403
    assert _post("/zoom/staff-signature", web_host).status_code == 403
    assert _post("/zoom/staff-signature", web_host, HTTP_X_STAFF="1").status_code == 200


def test_body_over_the_cap_is_413_unread() -> None:
    response = _post("/zoom/staff-signature", {"meetingNumber": MEETING, "role": 0, "x": "y" * 64})
    assert response.status_code == 413
    assert response.json()["errors"][0]["property"] == "$body"


@pytest.mark.parametrize(
    ("overrides", "setting"),
    [
        ({"ZOOM_SDK_SECRET": SECRET + "\n"}, "ZOOM_SDK_SECRET"),
        ({"ZOOM_SDK_KEY": 42}, "ZOOM_SDK_KEY"),
    ],
)
def test_view_factory_raises_improperly_configured(overrides: dict[str, Any], setting: str) -> None:
    with override_settings(**overrides), pytest.raises(ImproperlyConfigured) as caught:
        meeting_sdk_view()
    assert setting in str(caught.value)
    assert SECRET[:8] not in str(caught.value)


@pytest.mark.parametrize("overrides", [{"ZOOM_SDK_SECRET": ""}, {"ZOOM_SDK_KEY": None}])
def test_view_factory_waits_for_a_missing_setting(overrides: dict[str, Any]) -> None:
    """A missing setting is read when the view is called (tests/test_contrib_django_deploy.py)."""
    from django.test import RequestFactory

    with override_settings(**overrides):
        view = meeting_sdk_view()
        assert (
            view(RequestFactory().post("/", b"{}", content_type="application/json")).status_code
            == 500
        )
    assert (
        view(RequestFactory().post("/", b"{}", content_type="application/json")).status_code == 200
    )


def test_video_view_factory_raises_improperly_configured() -> None:
    with (
        override_settings(ZOOM_VIDEO_SDK_SECRET=" x"),
        pytest.raises(ImproperlyConfigured) as caught,
    ):
        video_sdk_view()
    assert "ZOOM_VIDEO_SDK_SECRET" in str(caught.value)


def test_app_config_checks_the_settings_pairs() -> None:
    assert check_settings() == []
    with override_settings(ZOOM_VIDEO_SDK_KEY=None, ZOOM_VIDEO_SDK_SECRET=None):
        assert check_settings() == []  # one pair is enough
        with override_settings(ZOOM_SDK_KEY=None, ZOOM_SDK_SECRET=None):
            assert check_settings() == []  # and none is fine (a webhook-only project)
    with override_settings(ZOOM_VIDEO_SDK_SECRET=None):
        assert [m.id for m in check_settings()] == ["zoomsig.W001"]  # half a pair
    assert ZoomSigConfig.label == "zoomsig"


def test_manage_py_check_reports_a_broken_secret(tmp_path: Path) -> None:
    """A broken secret stops ``manage.py check`` (and runserver), secret not shown."""
    (tmp_path / "broken_settings.py").write_text(
        textwrap.dedent(
            f"""
            SECRET_KEY = "tests-only"
            INSTALLED_APPS = ["zoomsig.contrib.django.ZoomSigConfig"]
            ZOOM_SDK_KEY = "key"
            ZOOM_SDK_SECRET = {SECRET + chr(10)!r}
            """
        ),
        encoding="utf-8",
    )
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")]),
        "DJANGO_SETTINGS_MODULE": "broken_settings",
    }
    result = subprocess.run(
        [sys.executable, "-m", "django", "check"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode != 0
    assert "(zoomsig.E002) zoomsig: ZOOM_SDK_SECRET:" in result.stderr
    assert SECRET[:8] not in result.stderr + result.stdout


def test_video_body_over_the_cap_is_413_and_a_bad_content_length_reads_nothing() -> None:
    from django.test import RequestFactory

    view = video_sdk_view(max_body_size=16)
    request = RequestFactory().post(
        "/", {"sessionName": "s" * 20, "role": 0}, content_type="application/json"
    )
    assert view(request).status_code == 413
    bad = RequestFactory().post("/", b"{}", content_type="application/json")
    bad.META["CONTENT_LENGTH"] = "abc"
    assert view(bad).status_code == 400  # Django reads no body: role, sessionName missing


def test_credentials_can_be_passed_instead_of_settings() -> None:
    from django.test import RequestFactory

    view = meeting_sdk_view(sdk_key="other-key", sdk_secret=SECRET)
    response = view(RequestFactory().post("/", b"{}", content_type="application/json"))
    assert response.status_code == 200
    signature = json.loads(response.content)["signature"]
    assert jwt.decode(signature, SECRET, algorithms=["HS256"])["appKey"] == "other-key"
