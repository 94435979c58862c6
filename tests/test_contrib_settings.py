"""One shape per framework: settings checked at start-up, one capped body reader, one 413.

Each test is named after the defect it guards against and goes through the framework's
real test client (or ``manage.py`` in a subprocess), the way a user meets it.
"""

from __future__ import annotations

import io
import os
import subprocess
import textwrap
import time
from pathlib import Path
from typing import Any, Callable

import pytest
from _support import SENTINEL_SECRET, run_django

from zoomsig import InvalidParameterError
from zoomsig.testing.webhooks import signed_webhook_request

pytest.importorskip("django")
pytest.importorskip("fastapi")
pytest.importorskip("flask")

import _django  # noqa: F401 - configures Django once for this process
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import override_settings

SECRET = SENTINEL_SECRET
CAP = 1024
TOO_LARGE = {"errors": [{"property": "$body", "reason": f"the body is larger than {CAP} bytes"}]}
KEY, SDK_SECRET = "FLASKkey0123", "flask-secret-0123456789abcdefghij"


def _no_leak(text: str) -> None:
    assert all(SECRET[i : i + 8] not in text for i in range(len(SECRET) - 7))


# --- 1. tolerance (and every other setting) checked at start-up ------------------------


def _django_webhook(**kwargs: Any) -> object:
    from zoomsig.contrib.django import webhook_view

    return webhook_view(print, secret_token=SECRET, **kwargs)


def _fastapi_router(**kwargs: Any) -> object:
    from zoomsig.contrib.fastapi import webhook_router

    return webhook_router(print, secret_token=SECRET, **kwargs)


def _fastapi_dependency(**kwargs: Any) -> object:
    from zoomsig.contrib.fastapi import ZoomWebhook

    return ZoomWebhook(secret_token=SECRET, **kwargs)


def _flask_blueprint(**kwargs: Any) -> object:
    from zoomsig.contrib.flask import webhook_blueprint

    return webhook_blueprint(print, secret_token=SECRET, **kwargs)


WEBHOOK_FACTORIES: list[tuple[Callable[..., object], type[Exception]]] = [
    (_django_webhook, ImproperlyConfigured),
    (_fastapi_router, InvalidParameterError),
    (_fastapi_dependency, InvalidParameterError),
    (_flask_blueprint, InvalidParameterError),
]


@pytest.mark.parametrize(("make", "error"), WEBHOOK_FACTORIES)
@pytest.mark.parametrize(
    "tolerance",
    [0, -1, 86401, 10**5000, 1.5, True],
    ids=["0", "-1", "86401", "huge", "1.5", "True"],
)
def test_tolerance_zero_passed_start_up_and_every_webhook_got_a_500(
    make: Callable[..., object], error: type[Exception], tolerance: object
) -> None:
    with pytest.raises(error, match="tolerance") as caught:
        make(tolerance=tolerance)
    _no_leak(str(caught.value))


@pytest.mark.parametrize(("make", "error"), WEBHOOK_FACTORIES)
def test_webhook_body_cap_is_checked_at_start_up(
    make: Callable[..., object], error: type[Exception]
) -> None:
    with pytest.raises(error, match="max_body_size"):
        make(max_body_size=0)


def _signature_factories() -> list[tuple[Callable[..., object], type[Exception]]]:
    from zoomsig.contrib import django, fastapi, flask

    def with_key(factory: Callable[..., object]) -> Callable[..., object]:
        return lambda **kwargs: factory(sdk_key=KEY, sdk_secret=SDK_SECRET, **kwargs)

    return [
        (with_key(django.meeting_sdk_view), ImproperlyConfigured),
        (with_key(django.video_sdk_view), ImproperlyConfigured),
        (with_key(fastapi.meeting_sdk_router), InvalidParameterError),
        (with_key(fastapi.video_sdk_router), InvalidParameterError),
        (with_key(flask.meeting_sdk_blueprint), InvalidParameterError),
        (with_key(flask.video_sdk_blueprint), InvalidParameterError),
    ]


@pytest.mark.parametrize("index", range(6))
@pytest.mark.parametrize(
    ("arguments", "named"),
    [({"max_body_size": 0}, "max_body_size"), ({"policy": "host"}, "policy")],
)
def test_signature_route_policy_and_body_cap_were_not_checked_at_start_up(
    index: int, arguments: dict[str, object], named: str
) -> None:
    make, error = _signature_factories()[index]
    with pytest.raises(error, match=named):
        make(**arguments)


# --- 2. Django: system checks, webhook-only projects, empty settings named -------------


def test_empty_django_setting_was_reported_as_set_it(caplog: pytest.LogCaptureFixture) -> None:
    from django.test import RequestFactory

    from zoomsig.contrib.django import check_settings, meeting_sdk_view

    request = RequestFactory().post("/", b"{}", content_type="application/json")
    for value, named in (("", "is set to an empty string"), (None, "is not set")):
        caplog.clear()
        with override_settings(ZOOM_SDK_KEY=value):  # the view waits for it, answering 500
            assert meeting_sdk_view()(request).status_code == 500
        assert f"zoomsig: ZOOM_SDK_KEY {named} in your Django settings" in caplog.text
    with override_settings(ZOOM_SDK_SECRET=""):
        (warning,) = check_settings()
    assert warning.id == "zoomsig.W001"
    assert "ZOOM_SDK_KEY is set but ZOOM_SDK_SECRET is set to an empty string" in warning.msg


@pytest.mark.parametrize(
    ("overrides", "check_id", "named"),
    [
        ({"ZOOM_SDK_KEY": 42}, "zoomsig.E001", "ZOOM_SDK_KEY"),
        ({"ZOOM_SDK_SECRET": SECRET + "\n"}, "zoomsig.E002", "ZOOM_SDK_SECRET"),
        ({"ZOOM_VIDEO_SDK_KEY": " key"}, "zoomsig.E002", "ZOOM_VIDEO_SDK_KEY"),
        ({"ZOOM_WEBHOOK_SECRET_TOKEN": SECRET + " "}, "zoomsig.E003", "ZOOM_WEBHOOK_SECRET_TOKEN"),
        ({"ZOOM_WEBHOOK_SECRET_TOKEN": b"x"}, "zoomsig.E001", "ZOOM_WEBHOOK_SECRET_TOKEN"),
    ],
)
def test_manage_py_check_names_what_cannot_work(
    overrides: dict[str, object], check_id: str, named: str
) -> None:
    with override_settings(**overrides), pytest.raises(SystemCheckError) as caught:
        call_command("check", "--tag", "zoomsig")
    text = str(caught.value)
    assert f"({check_id}) zoomsig: {named}" in text
    _no_leak(text)


def test_manage_py_check_warns_of_half_a_pair() -> None:
    out, err = io.StringIO(), io.StringIO()
    with override_settings(ZOOM_VIDEO_SDK_SECRET=None):
        call_command("check", "--tag", "zoomsig", stdout=out, stderr=err)
    assert "(zoomsig.W001) zoomsig: ZOOM_VIDEO_SDK_KEY is set but ZOOM_VIDEO_SDK_SECRET is not" in (
        out.getvalue() + err.getvalue()
    )


_PROJECT_URLS = """
from django.urls import path
from zoomsig.contrib.django import webhook_view

urlpatterns = [path("zoom/webhook/", webhook_view(print))]
"""


def _manage(tmp_path: Path, settings: str, *command: str) -> subprocess.CompletedProcess[str]:
    (tmp_path / "project_settings.py").write_text(textwrap.dedent(settings), encoding="utf-8")
    (tmp_path / "project_urls.py").write_text(_PROJECT_URLS, encoding="utf-8")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")]),
        "DJANGO_SETTINGS_MODULE": "project_settings",
    }
    return run_django(tmp_path, env, *command)


def _settings(tmp_path: Path, zoom: str, urls: bool) -> str:
    return f"""
        SECRET_KEY = "tests-only"
        INSTALLED_APPS = ["django.contrib.staticfiles", "zoomsig.contrib.django.ZoomSigConfig"]
        DATABASES = {{"default": {{"ENGINE": "django.db.backends.sqlite3",
                                  "NAME": {str(tmp_path / "db.sqlite3")!r}}}}}
        STATIC_URL = "static/"
        STATIC_ROOT = {str(tmp_path / "static")!r}
        ROOT_URLCONF = {"project_urls" if urls else None!r}
        {zoom}
        """


def test_webhook_only_django_project_could_not_install_the_app(tmp_path: Path) -> None:
    settings = _settings(tmp_path, f"ZOOM_WEBHOOK_SECRET_TOKEN = {SECRET!r}", urls=True)
    for command in (["check"], ["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        result = _manage(tmp_path, settings, *command)
        assert result.returncode == 0, result.stderr[-2000:]
        assert "zoomsig" not in result.stderr


@pytest.mark.parametrize(
    "zoom", ["", 'ZOOM_SDK_KEY = ""\nZOOM_SDK_SECRET = ""\nZOOM_WEBHOOK_SECRET_TOKEN = ""']
)
def test_manage_py_commands_crashed_without_secrets(tmp_path: Path, zoom: str) -> None:
    """A build step (collectstatic, migrate) with no secrets, or the environment's ""."""
    settings = _settings(tmp_path, zoom.replace("\n", "\n        "), urls=False)
    for command in (["check"], ["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        result = _manage(tmp_path, settings, *command)
        assert result.returncode == 0, result.stderr[-2000:]


# --- 3. one capped body reader per framework, chunked bodies included -------------------


class CountingBody(io.RawIOBase):
    """A chunked body of 256 times the cap that counts how much of it the server read."""

    def __init__(self) -> None:
        self.read_bytes = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = min(len(buffer), 64 * CAP, 256 * CAP - self.read_bytes)
        buffer[:size] = b"x" * size
        self.read_bytes += size
        return size


def _chunked_flask_post(blueprint: object, url: str) -> tuple[int, object, CountingBody]:
    """POST an endless chunked body as werkzeug's server hands it to the app."""
    import flask
    from werkzeug.test import EnvironBuilder
    from werkzeug.wrappers import Response

    app = flask.Flask("chunked")
    app.register_blueprint(blueprint, url_prefix="/zoom")  # type: ignore[arg-type]
    body = CountingBody()
    environ = EnvironBuilder(
        url,
        method="POST",
        headers=[("Transfer-Encoding", "chunked")],
        content_type="application/json",
    ).get_environ()
    environ.pop("CONTENT_LENGTH", None)
    environ.update({"wsgi.input": body, "wsgi.input_terminated": True})
    response = Response.from_app(app, environ)
    return response.status_code, response.get_json(), body


def test_flask_webhook_read_a_chunked_body_whole_before_its_cap() -> None:
    from zoomsig.contrib.flask import webhook_blueprint

    status, answer, body = _chunked_flask_post(
        webhook_blueprint(print, secret_token=SECRET, max_body_size=CAP), "/zoom/webhook"
    )
    assert (status, answer) == (413, TOO_LARGE)
    assert body.read_bytes <= CAP + 1


def test_flask_signature_route_reads_a_chunked_body_only_to_its_cap() -> None:
    from zoomsig.contrib.flask import meeting_sdk_blueprint

    blueprint = meeting_sdk_blueprint(sdk_key=KEY, sdk_secret=SDK_SECRET, max_body_size=CAP)
    status, answer, body = _chunked_flask_post(blueprint, "/zoom/")
    assert (status, answer) == (413, TOO_LARGE)
    assert body.read_bytes <= CAP + 1


def test_django_read_a_chunked_body_as_empty() -> None:
    """Under a server that ends chunked bodies (gunicorn), the body is read, to the cap."""
    from django.test import RequestFactory

    from zoomsig.contrib.django import meeting_sdk_view, webhook_view

    for view in (
        webhook_view(print, secret_token=SECRET, max_body_size=CAP),
        meeting_sdk_view(max_body_size=CAP),
    ):
        body = CountingBody()
        request = RequestFactory().post("/", b"", content_type="application/json")
        request.META.pop("CONTENT_LENGTH", None)
        request.META.update({"wsgi.input": body, "wsgi.input_terminated": True})
        response = view(request)
        assert (response.status_code, json_of(response)) == (413, TOO_LARGE)
        assert body.read_bytes <= CAP + 1


def json_of(response: Any) -> object:
    import json

    return json.loads(response.content)


# --- 5. one 413 shape ---------------------------------------------------------------------


def _big() -> Any:
    return signed_webhook_request(
        {"event": "meeting.started", "payload": {}, "pad": "x" * CAP},
        secret_token=SECRET,
        timestamp=int(time.time()),
    )


def test_two_413_shapes_django_webhook() -> None:
    from django.test import RequestFactory

    view = _django_webhook(max_body_size=CAP)
    big = _big()
    response = view(RequestFactory().post("/", big.body, content_type="application/json"))  # type: ignore[operator]
    assert (response.status_code, json_of(response)) == (413, TOO_LARGE)


def test_two_413_shapes_fastapi_webhook() -> None:
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    app = FastAPI()
    app.include_router(_fastapi_router(max_body_size=CAP))  # type: ignore[arg-type]
    big = _big()
    response = TestClient(app).post("/zoom/webhook", content=big.body, headers=big.headers)
    assert (response.status_code, response.json()) == (413, TOO_LARGE)


def test_two_413_shapes_flask_webhook() -> None:
    import flask

    app = flask.Flask("shape")
    app.register_blueprint(_flask_blueprint(max_body_size=CAP), url_prefix="/zoom")  # type: ignore[arg-type]
    big = _big()
    response = app.test_client().post("/zoom/webhook", data=big.body, headers=big.headers)
    assert (response.status_code, response.get_json()) == (413, TOO_LARGE)
