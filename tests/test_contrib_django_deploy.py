"""Django: a view whose settings are missing waits for them, as Django's SECRET_KEY does.

A Docker build runs ``manage.py migrate`` (whose system checks import the URLconf) and
``collectstatic`` without any secret; a view routed in ``urls.py`` must not stop them.
Such a view answers 500 until its settings are set, ``manage.py check`` warns of it and
``manage.py check --deploy`` fails on it. A setting that is set but cannot work, or an
argument that cannot work, still fails when the URLconf is imported.
"""

from __future__ import annotations

import logging
import os
import re
import subprocess
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import jwt
import pytest
from _support import SENTINEL_SECRET, run_django

pytest.importorskip("django")

import _django  # noqa: F401 - configures Django once for this process
from django.core.exceptions import ImproperlyConfigured
from django.test import Client, override_settings
from django.urls import include, path

from zoomsig.contrib.django import meeting_sdk_view, webhook_view
from zoomsig.testing.webhooks import url_validation_request

SECRET = SENTINEL_SECRET
KEY = "DEPLOYkey0123"
SERVER_ERROR = {
    "errors": [
        {
            "property": "$server",
            "reason": "the server's Zoom SDK credentials are missing or invalid",
        }
    ]
}
NONE_SET = {"ZOOM_SDK_KEY": None, "ZOOM_SDK_SECRET": None, "ZOOM_WEBHOOK_SECRET_TOKEN": None}


def _no_leak(text: str) -> None:
    assert all(SECRET[i : i + 8] not in text for i in range(len(SECRET) - 7))


def _post(url: str, body: Any = b"{}", **extra: Any) -> Any:
    return Client(enforce_csrf_checks=True).post(
        url, body, content_type="application/json", **extra
    )


# --- manage.py in a subprocess, with a real settings module -----------------------------

_URLS = """
from django.urls import path
from zoomsig.contrib.django import meeting_sdk_view, webhook_view

urlpatterns = [
    path("zoom/signature", meeting_sdk_view()),
    path("zoom/webhook/", webhook_view(print)),
]
"""

_SETTINGS = """
SECRET_KEY = "deploy-test-only-Zq8#vR2!mX5@kL9$wT4^bN7&cJ3*hF6(pD1)sG0"
DEBUG = False
ALLOWED_HOSTS = ["zoom.example"]
INSTALLED_APPS = ["django.contrib.staticfiles", "zoomsig.contrib.django.ZoomSigConfig"]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
DATABASES = {{"default": {{"ENGINE": "django.db.backends.sqlite3", "NAME": {db!r}}}}}
STATIC_URL = "static/"
STATIC_ROOT = {static!r}
ROOT_URLCONF = "project_urls"
# Every deployment check of Django's own passes: --deploy fails on zoomsig's alone.
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
{zoom}
"""

_IDS = re.compile(r"\(([a-z_]+\.[EWC]\d{3})\)")


def _project(tmp_path: Path, zoom: str) -> dict[str, str]:
    (tmp_path / "project_urls.py").write_text(_URLS, encoding="utf-8")
    settings = _SETTINGS.format(
        db=str(tmp_path / "db.sqlite3"), static=str(tmp_path / "static"), zoom=zoom
    )
    (tmp_path / "project_settings.py").write_text(settings, encoding="utf-8")
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(tmp_path), os.environ.get("PYTHONPATH", "")]),
        "DJANGO_SETTINGS_MODULE": "project_settings",
    }


def _manage(tmp_path: Path, env: dict[str, str], *command: str) -> subprocess.CompletedProcess[str]:
    return run_django(tmp_path, env, *command)


@pytest.mark.parametrize(
    "zoom",
    [
        "",  # a build step: no secret in the environment, none in the settings
        # settings read as os.environ.get(..., ""), as the example project's are
        'ZOOM_SDK_KEY = ""\nZOOM_SDK_SECRET = ""\nZOOM_WEBHOOK_SECRET_TOKEN = ""',
    ],
    ids=["not-set", "empty"],
)
def test_migrate_in_a_docker_build_without_secrets_crashed_at_the_urlconf(
    tmp_path: Path, zoom: str
) -> None:
    env = _project(tmp_path, zoom)
    for command in (["migrate", "--noinput"], ["collectstatic", "--noinput"], ["check"]):
        result = _manage(tmp_path, env, *command)
        assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "db.sqlite3").is_file()
    assert _IDS.findall(result.stderr) == ["zoomsig.W002", "zoomsig.W002"]  # `check`'s output

    deploy = _manage(tmp_path, env, "check", "--deploy")
    assert deploy.returncode != 0
    assert "SystemCheckError" in deploy.stderr
    ids = _IDS.findall(deploy.stderr)
    assert ids.count("zoomsig.E004") == 2, deploy.stderr  # one per routed view
    assert {i for i in ids if not i.startswith("zoomsig.")} == set()  # nothing of Django's
    assert "'zoom/signature'" in deploy.stderr
    assert "'zoom/webhook/'" in deploy.stderr

    # The failure is zoomsig's: with the settings set, the same project deploys.
    (tmp_path / "project_settings.py").write_text(
        (tmp_path / "project_settings.py").read_text(encoding="utf-8")
        + f"ZOOM_SDK_KEY = {KEY!r}\nZOOM_SDK_SECRET = {SECRET!r}\n"
        + f"ZOOM_WEBHOOK_SECRET_TOKEN = {SECRET!r}\n",
        encoding="utf-8",
    )
    deployed = _manage(tmp_path, env, "check", "--deploy")
    assert deployed.returncode == 0, deployed.stderr[-2000:]
    assert "zoomsig" not in deployed.stderr + deployed.stdout
    _no_leak(deploy.stderr + deploy.stdout + deployed.stderr + deployed.stdout)


def test_broken_secret_still_stops_manage_py_at_the_urlconf(tmp_path: Path) -> None:
    env = _project(tmp_path, f"ZOOM_SDK_KEY = {KEY!r}\nZOOM_SDK_SECRET = {'  ' + SECRET + '  '!r}")
    result = _manage(tmp_path, env, "check")
    assert result.returncode != 0
    assert "ImproperlyConfigured: zoomsig: ZOOM_SDK_SECRET:" in result.stderr
    _no_leak(result.stderr + result.stdout)


def test_check_tag_zoomsig_crashed_when_a_broken_setting_stopped_the_urlconf(
    tmp_path: Path,
) -> None:
    # `manage.py check --tag zoomsig` is how to see zoomsig's own messages: with a set but
    # broken secret, the routed-views check imported the URLconf, whose view factory raised,
    # and the command ended in that traceback instead of naming the setting (zoomsig.E002).
    env = _project(tmp_path, f"ZOOM_SDK_KEY = {KEY!r}\nZOOM_SDK_SECRET = {'  ' + SECRET + '  '!r}")
    result = _manage(tmp_path, env, "check", "--tag", "zoomsig")
    assert result.returncode != 0
    assert "(zoomsig.E002) zoomsig: ZOOM_SDK_SECRET" in result.stderr
    assert "Traceback" not in result.stderr
    _no_leak(result.stderr + result.stdout)


# --- the view itself, in this process -----------------------------------------------------


def _urlconf() -> ModuleType:
    """A URLconf made now, as ``urls.py`` is imported (inside ``override_settings``)."""
    urls = ModuleType("deploy_urls")
    urls.urlpatterns = [  # type: ignore[attr-defined]
        path("zoom/signature", meeting_sdk_view()),
        path("hooks/", include([path("zoom/", webhook_view(print))])),
    ]
    return urls


def test_view_made_without_settings_raised_instead_of_answering_500(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with override_settings(ZOOM_SDK_KEY="", ZOOM_SDK_SECRET=SECRET, ZOOM_WEBHOOK_SECRET_TOKEN=None):
        urls = _urlconf()
        with override_settings(ROOT_URLCONF=urls), caplog.at_level(logging.ERROR):
            signature = _post("/zoom/signature", {"meetingNumber": "85746065432", "role": 0})
            webhook = _post("/hooks/zoom/", {"event": "meeting.started"})
    for response in (signature, webhook):
        assert response.status_code == 500
        assert response.json() == SERVER_ERROR
    # One line per request: Django's own 500 line, which names the setting.
    assert [(r.name, r.levelname) for r in caplog.records] == [("django.request", "ERROR")] * 2
    assert caplog.records[0].getMessage() == (
        "zoomsig: ZOOM_SDK_KEY is set to an empty string in your Django settings; "
        "the view meeting_sdk_signature answered 500"
    )
    assert (
        caplog.records[1].getMessage().startswith("zoomsig: ZOOM_WEBHOOK_SECRET_TOKEN is not set")
    )
    _no_leak(caplog.text + signature.content.decode() + webhook.content.decode())

    # Settings set later (or by override_settings in a test): the same views work.
    with (
        override_settings(
            ZOOM_SDK_KEY=KEY, ZOOM_SDK_SECRET=SECRET, ZOOM_WEBHOOK_SECRET_TOKEN=SECRET
        ),
        override_settings(ROOT_URLCONF=urls),
    ):
        signed = _post("/zoom/signature", {"meetingNumber": "85746065432", "role": 0})
        challenge = url_validation_request("plainTok", secret_token=SECRET, timestamp=time.time())
        answered = _post(
            "/hooks/zoom/",
            challenge.body,
            **{f"HTTP_{k.upper().replace('-', '_')}": v for k, v in challenge.headers.items()},
        )
    assert signed.status_code == 200
    claims = jwt.decode(signed.json()["signature"], SECRET, algorithms=["HS256"])
    assert (claims["appKey"], claims["mn"]) == (KEY, "85746065432")
    assert answered.status_code == 200
    assert answered.json()["plainToken"] == "plainTok"


def test_check_did_not_name_the_routed_views_that_cannot_answer() -> None:
    from zoomsig.contrib.django import check_routed_views

    with override_settings(**NONE_SET):
        urls = _urlconf()
        with override_settings(ROOT_URLCONF=urls):
            warnings = check_routed_views()
            errors = check_routed_views(deploy=True)
        with override_settings(ROOT_URLCONF=urls, ZOOM_SDK_KEY=KEY, ZOOM_SDK_SECRET=SECRET):
            only_webhook = check_routed_views(deploy=True)
    assert [(m.id, m.level) for m in warnings] == [("zoomsig.W002", 30), ("zoomsig.W002", 30)]
    assert [m.id for m in errors] == ["zoomsig.E004", "zoomsig.E004"]
    assert errors[0].msg == (
        "zoomsig: ZOOM_SDK_KEY is not set; ZOOM_SDK_SECRET is not set: "
        "the view at 'zoom/signature' answers every request with 500"
    )
    assert "'hooks/zoom/'" in errors[1].msg
    assert [m.msg for m in only_webhook] == [errors[1].msg]


@pytest.mark.parametrize(
    ("overrides", "named"),
    [
        ({"ZOOM_SDK_KEY": KEY, "ZOOM_SDK_SECRET": "  " + SECRET + "  "}, "ZOOM_SDK_SECRET"),
        ({"ZOOM_SDK_KEY": None, "ZOOM_SDK_SECRET": "  " + SECRET + "  "}, "ZOOM_SDK_SECRET"),
        ({"ZOOM_SDK_KEY": " " + KEY, "ZOOM_SDK_SECRET": None}, "ZOOM_SDK_KEY"),
        ({"ZOOM_SDK_KEY": 42, "ZOOM_SDK_SECRET": SECRET}, "ZOOM_SDK_KEY"),
    ],
)
def test_set_but_broken_setting_waited_with_a_missing_one(
    overrides: dict[str, object], named: str
) -> None:
    """Only a missing setting waits: one set to what cannot work fails at the URLconf."""
    with override_settings(**overrides), pytest.raises(ImproperlyConfigured) as caught:
        meeting_sdk_view()
    assert f"zoomsig: {named}" in str(caught.value)
    _no_leak(str(caught.value))


@pytest.mark.parametrize(
    ("make", "named"),
    [
        (lambda: meeting_sdk_view(policy="host"), "policy"),  # type: ignore[arg-type]
        (lambda: meeting_sdk_view(max_body_size=0), "max_body_size"),
        (lambda: webhook_view(print, tolerance=0), "tolerance"),
    ],
)
def test_arguments_went_unchecked_behind_a_missing_setting(make: Any, named: str) -> None:
    with override_settings(**NONE_SET), pytest.raises(ImproperlyConfigured, match=named):
        make()
