"""One real server on 127.0.0.1 for the end-to-end tests: ``python serve.py FRAMEWORK PORT``.

Each framework's app is what a team shipping a Zoom integration deploys: zoomsig's Meeting SDK
route at ``/zoom/signature``, its Video SDK route at ``/zoom/video-signature``, its webhook
route at ``/zoom/webhook``, and the pages (``/e2e/``) with the npm SDK files (``/sdk/``) from
the same origin, so the pages' ``fetch`` needs no CORS. Served by the framework's own server:
Django's ``runserver``, uvicorn for FastAPI, werkzeug for Flask. The credentials come from the
environment (``ZOOM_SDK_KEY`` ...) as in the examples. A verified webhook event is printed to
stdout as one JSON line (``EVENT {...}``), so the test sees the handler ran.
"""

from __future__ import annotations

import json
import os
import sys
import types
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
PAGES = HERE / "web" / "pages"
SDK = HERE / "web" / "node_modules" / "@zoom"


def on_event(event: Any) -> None:
    """The webhook handler: say on stdout which verified event arrived."""
    print("EVENT " + json.dumps({"event": event.event}), flush=True)


def credentials(kind: str) -> tuple[str, str]:
    """The key and secret from ``ZOOM_SDK_KEY``/``ZOOM_SDK_SECRET`` (kind ``""``) or
    ``ZOOM_VIDEO_SDK_KEY``/``ZOOM_VIDEO_SDK_SECRET`` (kind ``"VIDEO_"``)."""
    return os.environ[f"ZOOM_{kind}SDK_KEY"], os.environ[f"ZOOM_{kind}SDK_SECRET"]


def run_flask(port: int) -> None:
    from flask import Flask, Response, send_from_directory

    from zoomsig.contrib.flask import meeting_sdk_blueprint, video_sdk_blueprint, webhook_blueprint

    key, secret = credentials("")
    video_key, video_secret = credentials("VIDEO_")
    app = Flask(__name__, static_folder=None)
    app.register_blueprint(
        meeting_sdk_blueprint(sdk_key=key, sdk_secret=secret, rule="/zoom/signature")
    )
    app.register_blueprint(
        video_sdk_blueprint(
            sdk_key=video_key, sdk_secret=video_secret, rule="/zoom/video-signature"
        )
    )
    app.register_blueprint(
        webhook_blueprint(
            on_event, secret_token=os.environ["ZOOM_WEBHOOK_SECRET_TOKEN"], rule="/zoom/webhook"
        )
    )

    @app.get("/e2e/<path:name>")
    def page(name: str) -> Response:
        return send_from_directory(PAGES, name)

    @app.get("/sdk/<path:name>")
    def sdk(name: str) -> Response:
        return send_from_directory(SDK, name)

    app.run(host="127.0.0.1", port=port, threaded=True)  # werkzeug's server


def run_fastapi(port: int) -> None:
    import uvicorn
    from fastapi import FastAPI
    from fastapi.staticfiles import StaticFiles

    from zoomsig.contrib.fastapi import meeting_sdk_router, video_sdk_router, webhook_router

    key, secret = credentials("")
    video_key, video_secret = credentials("VIDEO_")
    app = FastAPI()
    app.include_router(meeting_sdk_router(sdk_key=key, sdk_secret=secret, path="/zoom/signature"))
    app.include_router(
        video_sdk_router(sdk_key=video_key, sdk_secret=video_secret, path="/zoom/video-signature")
    )
    app.include_router(
        webhook_router(
            on_event, secret_token=os.environ["ZOOM_WEBHOOK_SECRET_TOKEN"], path="/zoom/webhook"
        )
    )
    app.mount("/e2e", StaticFiles(directory=PAGES), name="pages")
    app.mount("/sdk", StaticFiles(directory=SDK), name="sdk")
    uvicorn.run(app, host="127.0.0.1", port=port, log_level="warning")


def django_urls() -> list[Any]:
    """The Django URLconf's patterns."""
    from django.urls import path, re_path
    from django.views.static import serve

    from zoomsig.contrib.django import meeting_sdk_view, video_sdk_view, webhook_view

    return [
        path("zoom/signature", meeting_sdk_view()),
        path("zoom/video-signature", video_sdk_view()),
        path("zoom/webhook", webhook_view(on_event)),
        re_path(r"^e2e/(?P<path>.+)$", serve, {"document_root": str(PAGES)}),
        re_path(r"^sdk/(?P<path>.+)$", serve, {"document_root": str(SDK)}),
    ]


def run_django(port: int) -> None:
    import django
    from django.conf import settings
    from django.core.management import call_command

    env = os.environ
    settings.configure(
        DEBUG=False,
        ALLOWED_HOSTS=["127.0.0.1"],
        ROOT_URLCONF="serve_urls",
        SECRET_KEY="e2e-only-not-secret",
        INSTALLED_APPS=["zoomsig.contrib.django.ZoomSigConfig"],
        MIDDLEWARE=["django.middleware.common.CommonMiddleware"],
        ZOOM_SDK_KEY=env["ZOOM_SDK_KEY"],
        ZOOM_SDK_SECRET=env["ZOOM_SDK_SECRET"],
        ZOOM_VIDEO_SDK_KEY=env["ZOOM_VIDEO_SDK_KEY"],
        ZOOM_VIDEO_SDK_SECRET=env["ZOOM_VIDEO_SDK_SECRET"],
        ZOOM_WEBHOOK_SECRET_TOKEN=env["ZOOM_WEBHOOK_SECRET_TOKEN"],
        DATABASES={},
        USE_TZ=True,
    )
    django.setup()
    urlconf = types.ModuleType("serve_urls")
    urlconf.urlpatterns = django_urls()  # type: ignore[attr-defined]
    sys.modules["serve_urls"] = urlconf
    # No reloader: one process the test can stop.
    call_command("runserver", f"127.0.0.1:{port}", use_reloader=False, skip_checks=False)


RUNNERS = {"django": run_django, "fastapi": run_fastapi, "flask": run_flask}

if __name__ == "__main__":
    RUNNERS[sys.argv[1]](int(sys.argv[2]))
