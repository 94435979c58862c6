"""docs/recipes.md: every code block on the page runs here, with its framework's test client.

The Django, FastAPI and Flask blocks are the files of ``examples/`` verbatim (checked
below), so the apps there and the page cannot drift apart.
"""

from __future__ import annotations

import base64
import json
import re
import sys
import types
from pathlib import Path
from typing import Any

import pytest
from _sdist import needs_repository
from endpoint_corpus import KEY, SECRET

from zoomsig import InvalidParameterError, decode_and_validate

ROOT = Path(__file__).resolve().parent.parent
RECIPES = ROOT / "docs" / "recipes.md"
MEETING = "85746065432"
EXAMPLE_FILES = {
    "# examples/django_app/zoom_auth_site/settings.py (Django)": (
        "examples/django_app/zoom_auth_site/settings.py"
    ),
    "# examples/django_app/zoom_auth_site/urls.py (Django)": (
        "examples/django_app/zoom_auth_site/urls.py"
    ),
    "# examples/fastapi_app/zoom_auth_api.py (FastAPI)": "examples/fastapi_app/zoom_auth_api.py",
    "# examples/flask_app/app.py (Flask)": "examples/flask_app/app.py",
}
OTHER_BLOCKS = {
    "# policy.py (Django: who may ask for role 1)",
    "# lambda_function.py (AWS Lambda)",
    "# test_signature_endpoint.py (pytest)",
}


def _blocks() -> dict[str, str]:
    text = RECIPES.read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", text, flags=re.MULTILINE | re.S)
    by_first_line = {block.split("\n", 1)[0]: block for block in blocks}
    assert len(by_first_line) == len(blocks), "two blocks start alike"
    return by_first_line


def _run(first_line: str, **namespace: Any) -> dict[str, Any]:
    namespace.setdefault("__name__", "docs_recipe")
    exec(compile(_blocks()[first_line], first_line, "exec"), namespace)  # noqa: S102 - our docs
    return namespace


def test_every_code_block_of_the_page_is_run_by_this_module() -> None:
    assert set(_blocks()) == set(EXAMPLE_FILES) | OTHER_BLOCKS


@pytest.mark.parametrize("first_line", sorted(EXAMPLE_FILES))
def test_recipe_is_the_example_file_verbatim(first_line: str) -> None:
    needs_repository(EXAMPLE_FILES[first_line])
    assert _blocks()[first_line] == (ROOT / EXAMPLE_FILES[first_line]).read_text("utf-8")


def test_recipes_fastapi_uses_pydantic_models_as_the_page_says() -> None:
    """Issue 9, item 9: the page said the FastAPI example used a Pydantic model; it did not."""
    pytest.importorskip("fastapi")
    from pydantic import BaseModel

    import zoomsig.contrib.fastapi as integration

    text = RECIPES.read_text(encoding="utf-8")
    named = re.findall(r"`~zoomsig\.contrib\.fastapi\.(\w+)`", text)
    assert named
    for name in named:
        assert issubclass(getattr(integration, name), BaseModel)
    app = _fastapi_app()
    schema = app.openapi()
    operation = schema["paths"]["/zoom/signature"]["post"]
    request = operation["requestBody"]["content"]["application/json"]["schema"]
    assert request["title"] == "MeetingSdkRequest"
    ok = operation["responses"]["200"]["content"]["application/json"]["schema"]
    assert ok["$ref"].endswith("/MeetingSdkSignature")


def _env(monkeypatch: pytest.MonkeyPatch, secret: str = SECRET) -> None:
    monkeypatch.setenv("ZOOM_SDK_KEY", KEY)
    monkeypatch.setenv("ZOOM_SDK_SECRET", secret)


def _fastapi_app() -> Any:
    with pytest.MonkeyPatch.context() as monkeypatch:
        _env(monkeypatch)
        return _run("# examples/fastapi_app/zoom_auth_api.py (FastAPI)")["app"]


def _check(status: int, body: dict[str, Any]) -> None:
    assert status == 200, body
    assert body["sdkKey"] == KEY
    decode_and_validate(
        body["signature"], secret=SECRET, sdk_key=KEY, meeting_number=MEETING, role=0
    ).raise_for_errors()


def test_fastapi_recipe_and_the_testing_recipe(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    with TestClient(_fastapi_app()) as client:
        response = client.post("/zoom/signature", json={"meetingNumber": MEETING, "role": 0})
        _check(response.status_code, response.json())
        _env(monkeypatch)
        tests = _run("# test_signature_endpoint.py (pytest)")
        tests["test_signature_endpoint"](client)
        tests["test_signature_endpoint_refuses_host_by_default"](client)


def test_fastapi_recipe_fails_at_start_up_on_a_broken_secret(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    pytest.importorskip("fastapi")
    _env(monkeypatch, SECRET + "\n")
    with pytest.raises(InvalidParameterError) as caught:
        _run("# examples/fastapi_app/zoom_auth_api.py (FastAPI)")
    assert caught.value.parameter == "sdk_secret"


def test_flask_recipe(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("flask")
    _env(monkeypatch)
    client = _run("# examples/flask_app/app.py (Flask)")["app"].test_client()
    response = client.post("/zoom/signature", json={"meetingNumber": MEETING, "role": 0})
    _check(response.status_code, response.get_json())
    assert client.post("/zoom/signature", json={}).status_code == 200
    for bad in ({"meetingNumber": "857 4606 5432", "role": 0}, {"role": "0"}, [1]):
        response = client.post("/zoom/signature", json=bad)
        assert response.status_code == 400
        assert response.get_json()["errors"]


def test_flask_recipe_json_nested_1000_deep_is_a_400_not_a_500(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 9, item 9: the Flask recipe answered 500 (RecursionError) to deep JSON."""
    pytest.importorskip("flask")
    _env(monkeypatch)
    client = _run("# examples/flask_app/app.py (Flask)")["app"].test_client()
    body = b"[" * 1000 + b"]" * 1000
    response = client.post("/zoom/signature", data=body, content_type="application/json")
    assert response.status_code == 400


def test_flask_recipe_never_returns_the_servers_configuration_error_as_a_400(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Issue 9, item 9: the Flask recipe sent ``sdk_secret: …`` to the client as a 400."""
    pytest.importorskip("flask")
    _env(monkeypatch, "")
    with pytest.raises(InvalidParameterError) as caught:  # at start-up, not per request
        _run("# examples/flask_app/app.py (Flask)")
    assert caught.value.parameter == "sdk_secret"


def test_django_recipe() -> None:
    pytest.importorskip("django")
    import _django
    from django.test import Client, RequestFactory, override_settings
    from django.test.utils import setup_test_environment, teardown_test_environment

    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("ZOOM_SDK_KEY", _django.KEY)
        monkeypatch.setenv("ZOOM_SDK_SECRET", _django.SECRET)
        settings = _run("# examples/django_app/zoom_auth_site/settings.py (Django)")
    assert (settings["ZOOM_SDK_KEY"], settings["ZOOM_SDK_SECRET"]) == (_django.KEY, _django.SECRET)
    assert settings["INSTALLED_APPS"] == ["zoomsig.contrib.django.ZoomSigConfig"]

    urls = types.ModuleType("docs_recipe_urls")
    exec(_blocks()["# examples/django_app/zoom_auth_site/urls.py (Django)"], urls.__dict__)  # noqa: S102
    sys.modules[urls.__name__] = urls
    setup_test_environment()
    try:
        with override_settings(ROOT_URLCONF=urls.__name__, MIDDLEWARE=settings["MIDDLEWARE"]):
            client = Client(enforce_csrf_checks=True)
            response = client.post(
                "/zoom/signature",
                {"meetingNumber": MEETING, "role": 0},
                content_type="application/json",
            )
            assert response.status_code == 200
            assert response.json()["sdkKey"] == _django.KEY
            assert client.get("/zoom/signature").status_code == 405
    finally:
        teardown_test_environment()
        del sys.modules[urls.__name__]

    from zoomsig.contrib.django import meeting_sdk_view

    zoom_policy = _run("# policy.py (Django: who may ask for role 1)")["zoom_policy"]
    view = meeting_sdk_view(policy=zoom_policy)
    host = json.dumps({"meetingNumber": MEETING, "role": 1})
    for is_staff, status in ((True, 200), (False, 403)):
        request = RequestFactory().post("/", host, content_type="application/json")
        request.user = types.SimpleNamespace(is_authenticated=True, is_staff=is_staff)  # type: ignore[assignment]
        assert view(request).status_code == status


class _SecretsManager:
    def __init__(self, secret: str) -> None:
        self.secret = secret

    def get_secret_value(self, SecretId: str) -> dict[str, str]:  # noqa: N803 - boto3's
        assert SecretId == "zoom/sdk-secret"
        return {"SecretString": self.secret}


def _lambda(monkeypatch: pytest.MonkeyPatch, secret: str = SECRET) -> Any:
    fake_boto3 = types.ModuleType("boto3")
    fake_boto3.client = lambda service: _SecretsManager(secret)  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "boto3", fake_boto3)
    monkeypatch.setenv("ZOOM_SDK_KEY", KEY)
    monkeypatch.setenv("ZOOM_SDK_SECRET_ID", "zoom/sdk-secret")
    return _run("# lambda_function.py (AWS Lambda)")["lambda_handler"]


def test_lambda_recipe(monkeypatch: pytest.MonkeyPatch) -> None:
    handler = _lambda(monkeypatch)
    request = json.dumps({"meetingNumber": MEETING, "role": 0})
    rest = {"httpMethod": "POST", "headers": {"Content-Type": "application/json"}}
    http = {
        "requestContext": {"http": {"method": "POST"}},
        "headers": {"content-type": "application/json"},
    }
    for event in (
        {**rest, "body": request},
        {**http, "body": base64.b64encode(request.encode()).decode(), "isBase64Encoded": True},
    ):
        response = handler(event, None)
        _check(response["statusCode"], json.loads(response["body"]))
    for bad, status in (
        ({**rest, "body": "not json"}, 400),
        ({**rest, "body": json.dumps({"meetingNumber": "1", "role": "0"})}, 400),
        ({**rest, "body": json.dumps({"meetingNumber": MEETING, "role": 1})}, 403),
        ({**rest, "body": "x" * 40_000}, 413),
        ({**rest, "body": "{" * 20_000}, 413),
        ({"httpMethod": "POST", "body": request}, 415),
        ({"httpMethod": "GET"}, 405),
    ):
        response = handler(bad, None)
        assert response["statusCode"] == status, bad
        assert SECRET not in response["body"]


def test_lambda_recipe_fails_the_cold_start_on_a_broken_secret(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    with pytest.raises(InvalidParameterError) as caught:
        _lambda(monkeypatch, SECRET + "\n")
    assert caught.value.parameter == "sdk_secret"
