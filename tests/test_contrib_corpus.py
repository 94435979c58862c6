"""Every integration answers the whole parity corpus exactly as the core does.

The integrations only adapt the request and the response: each case of
``tests/endpoint_corpus.py`` goes through Django's ``Client``, Starlette's ``TestClient``
and Flask's ``test_client`` and must get the status and body that
:mod:`zoomsig.endpoint` gives for the same bytes and content type.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, Callable

import jwt
import pytest

pytest.importorskip("django")
pytest.importorskip("fastapi")
pytest.importorskip("flask")

import _django
from django.test import Client, override_settings
from django.test.utils import setup_test_environment, teardown_test_environment
from endpoint_corpus import CASES, KEY, SECRET, Case

from zoomsig import Role
from zoomsig.endpoint import (
    EndpointResponse,
    MeetingSdkPolicy,
    VideoSdkPolicy,
    meeting_sdk_response,
    video_sdk_response,
)

BOTH = {Role.PARTICIPANT, Role.HOST}
MEETING_POLICY = MeetingSdkPolicy(roles=BOTH)
VIDEO_POLICY = VideoSdkPolicy(roles=BOTH)
Post = Callable[[Case], tuple[int, Any]]


def _core(case: Case) -> EndpointResponse:
    if case.sdk == "meeting":
        return meeting_sdk_response(
            case.body,
            sdk_key=KEY,
            sdk_secret=SECRET,
            policy=MEETING_POLICY,
            content_type=case.content_type or "",
        )
    return video_sdk_response(
        case.body,
        sdk_key=KEY,
        sdk_secret=SECRET,
        policy=VIDEO_POLICY,
        content_type=case.content_type or "",
    )


def _without_timing(body: Any) -> Any:
    if isinstance(body, dict) and isinstance(body.get("signature"), str):
        claims = jwt.decode(body["signature"], SECRET, algorithms=["HS256"])
        for name in ("iat", "exp", "tokenExp"):
            claims.pop(name, None)
        return {**body, "signature": claims}
    return body


def _django_urls() -> Any:
    import types

    from django.urls import path

    from zoomsig.contrib.django import meeting_sdk_view, video_sdk_view

    module = types.ModuleType("corpus_urls")
    module.urlpatterns = [  # type: ignore[attr-defined]
        path("meeting/", meeting_sdk_view(sdk_key=KEY, sdk_secret=SECRET, policy=MEETING_POLICY)),
        path("video/", video_sdk_view(sdk_key=KEY, sdk_secret=SECRET, policy=VIDEO_POLICY)),
    ]
    return module


@pytest.fixture(scope="module", params=["django", "fastapi", "flask"])
def post(request: pytest.FixtureRequest) -> Iterator[Post]:
    if request.param == "django":
        import sys

        assert _django.KEY  # settings configured
        urls = _django_urls()
        sys.modules[urls.__name__] = urls
        setup_test_environment()
        with override_settings(ROOT_URLCONF=urls.__name__):
            client = Client()

            def django_post(case: Case) -> tuple[int, Any]:
                # CONTENT_TYPE as well: the test client leaves it out for an empty body.
                extra: dict[str, Any] = (
                    {}
                    if case.content_type is None
                    else {"content_type": case.content_type, "CONTENT_TYPE": case.content_type}
                )
                response = client.generic("POST", f"/{case.sdk}/", case.body, **extra)
                return response.status_code, json.loads(response.content)

            yield django_post
        teardown_test_environment()
        del sys.modules[urls.__name__]
    elif request.param == "fastapi":
        from fastapi import FastAPI
        from fastapi.testclient import TestClient

        from zoomsig.contrib.fastapi import meeting_sdk_router, video_sdk_router

        app = FastAPI()
        app.include_router(
            meeting_sdk_router(sdk_key=KEY, sdk_secret=SECRET, policy=MEETING_POLICY),
            prefix="/meeting",
        )
        app.include_router(
            video_sdk_router(sdk_key=KEY, sdk_secret=SECRET, policy=VIDEO_POLICY),
            prefix="/video",
        )
        with TestClient(app) as test_client:

            def fastapi_post(case: Case) -> tuple[int, Any]:
                headers = {} if case.content_type is None else {"content-type": case.content_type}
                response = test_client.post(f"/{case.sdk}/", content=case.body, headers=headers)
                return response.status_code, response.json()

            yield fastapi_post
    else:
        from flask import Flask

        from zoomsig.contrib.flask import meeting_sdk_blueprint, video_sdk_blueprint

        flask_app = Flask(__name__)
        flask_app.register_blueprint(
            meeting_sdk_blueprint(sdk_key=KEY, sdk_secret=SECRET, policy=MEETING_POLICY),
            url_prefix="/meeting",
        )
        flask_app.register_blueprint(
            video_sdk_blueprint(sdk_key=KEY, sdk_secret=SECRET, policy=VIDEO_POLICY),
            url_prefix="/video",
        )
        flask_client = flask_app.test_client()

        def flask_post(case: Case) -> tuple[int, Any]:
            headers = {} if case.content_type is None else {"Content-Type": case.content_type}
            response = flask_client.post(f"/{case.sdk}/", data=case.body, headers=headers)
            return response.status_code, json.loads(response.data)

        yield flask_post


def test_integration_answers_the_corpus_as_the_core(post: Post) -> None:
    mismatches = []
    for case in CASES:
        expected = _core(case)
        status, body = post(case)
        if (status, _without_timing(body)) != (
            expected.status,
            _without_timing(expected.to_dict()),
        ):
            mismatches.append((case.name, status, body, expected.status))
    assert not mismatches
