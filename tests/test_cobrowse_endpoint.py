"""zoomsig.endpoint.cobrowse_sdk_response and the integrations' Cobrowse routes.

Table-driven over the corpus that was sent to Zoom's official Cobrowse auth endpoint sample
(``tests/endpoint_corpus_cobrowse.py``; the sample's answers are recorded in
``tests/vectors/official-cobrowse-endpoint.json`` by ``scripts/parity_official_endpoints.py
--cobrowse-sample``). Where zoomsig differs on purpose, the corpus says how and why.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jwt
import pytest
from _support import SENTINEL_SECRET
from endpoint_corpus import Case
from endpoint_corpus_cobrowse import CASES, DIFFERENCES, KEY, RANDOM, SECRET

from zoomsig import CobrowseRole, InvalidParameterError, TokenKind, decode_and_validate
from zoomsig.endpoint import (
    COBROWSE_SDK_FIELDS,
    CobrowseSdkPolicy,
    EndpointResponse,
    check_cobrowse_sdk_credentials,
    cobrowse_sdk_response,
)

OFFICIAL: dict[str, dict[str, Any]] = json.loads(
    (Path(__file__).parent / "vectors" / "official-cobrowse-endpoint.json").read_text("utf-8")
)
BOTH = CobrowseSdkPolicy(roles={CobrowseRole.CUSTOMER, CobrowseRole.AGENT})
NOW = 1763900000


def _respond(case: Case) -> EndpointResponse:
    return cobrowse_sdk_response(
        case.body, sdk_key=KEY, sdk_secret=SECRET, policy=BOTH, content_type=case.content_type or ""
    )


def _claims(case: Case, token: str) -> dict[str, Any]:
    claims: dict[str, Any] = jwt.decode(
        token, SECRET, algorithms=["HS256"], options={"verify_exp": False}
    )
    claims["lifetime"] = claims.pop("exp") - claims.pop("iat")
    request = json.loads(case.body)
    if isinstance(request, dict) and request.get("userId") is None:
        if claims["user_name"] == claims["user_id"]:
            claims["user_name"] = RANDOM
        claims["user_id"] = RANDOM
    return {"header": {"alg": "HS256", "typ": "JWT"}, **claims}


def _properties(response: EndpointResponse) -> list[str]:
    errors = response.to_dict().get("errors", [])
    assert isinstance(errors, list)
    return sorted({e["property"] for e in errors})


def test_corpus_is_the_recorded_one() -> None:
    assert sorted(OFFICIAL) == sorted(case.name for case in CASES)
    assert set(DIFFERENCES) <= set(OFFICIAL)
    assert COBROWSE_SDK_FIELDS == ("role", "expirationSeconds", "userId", "userName")


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_answers_as_the_official_cobrowse_sample_or_as_documented(case: Case) -> None:
    official = OFFICIAL[case.name]
    response = _respond(case)
    difference = DIFFERENCES.get(case.name)
    if difference is not None:
        assert response.status == difference.status
        assert _properties(response) == list(difference.properties or ())
        assert (official["status"], official["properties"]) != (
            response.status,
            _properties(response) or None,
        )
        return
    assert response.status == official["status"]
    if response.status == 200:
        body = response.to_dict()
        assert sorted(body) == official["keys"] == ["token"]
        assert _claims(case, str(body["token"])) == official["claims"]
    elif official["properties"] is not None:
        assert _properties(response) == official["properties"]


def test_default_policy_signs_customer_tokens_only() -> None:
    body = b'{"role": 2, "userId": "agent-7"}'
    response = cobrowse_sdk_response(body, sdk_key=KEY, sdk_secret=SECRET)
    assert response.status == 403
    assert response.to_dict() == {
        "errors": [
            {"property": "role", "reason": "this server does not sign agent (role 2) signatures"}
        ]
    }
    assert cobrowse_sdk_response(b'{"role": 1}', sdk_key=KEY, sdk_secret=SECRET).ok


def test_policy_pins_byop_and_lifetime() -> None:
    policy = CobrowseSdkPolicy(enable_byop=1, expires_in=3600)
    response = cobrowse_sdk_response(
        b'{"role": 1, "userId": "c-1"}', sdk_key=KEY, sdk_secret=SECRET, policy=policy, now=NOW
    )
    report = decode_and_validate(str(response.body["token"]), secret=SECRET, now=NOW)
    assert report.kind is TokenKind.COBROWSE_SDK
    assert report.ok
    assert report.claims["enable_byop"] == 1
    exp, iat = report.claims["exp"], report.claims["iat"]
    assert isinstance(exp, int)
    assert isinstance(iat, int)
    assert exp - iat == 3600
    refused = cobrowse_sdk_response(
        b'{"role": 1, "expirationSeconds": 7200}', sdk_key=KEY, sdk_secret=SECRET, policy=policy
    )
    assert refused.status == 403


def test_random_user_ids_differ_and_fit_the_limit() -> None:
    ids = {
        str(
            decode_and_validate(
                str(
                    cobrowse_sdk_response(b'{"role":1}', sdk_key=KEY, sdk_secret=SECRET).body[
                        "token"
                    ]
                )
            ).claims["user_id"]
        )
        for _ in range(5)
    }
    assert len(ids) == 5
    assert all(0 < len(user_id) <= 35 for user_id in ids)


def test_broken_server_credentials_are_a_500_without_the_secret() -> None:
    response = cobrowse_sdk_response(b'{"role": 1}', sdk_key=KEY, sdk_secret=SENTINEL_SECRET + "\n")
    assert response.status == 500
    assert SENTINEL_SECRET[:12] not in response.to_json()
    with pytest.raises(InvalidParameterError) as info:
        check_cobrowse_sdk_credentials(sdk_key=KEY, sdk_secret=SENTINEL_SECRET + "\n")
    assert info.value.parameter == "sdk_secret"


def test_policy_refuses_what_cannot_work() -> None:
    with pytest.raises(InvalidParameterError):
        CobrowseSdkPolicy(roles={0})
    with pytest.raises(InvalidParameterError):
        CobrowseSdkPolicy(enable_byop=2)
    with pytest.raises(InvalidParameterError):
        CobrowseSdkPolicy(expires_in=60)


def test_repr_never_shows_the_whole_token() -> None:
    response = cobrowse_sdk_response(b'{"role": 1}', sdk_key=KEY, sdk_secret=SECRET)
    assert str(response.body["token"]) not in repr(response)


# ---------------------------------------------------------------------- the integrations


def test_flask_cobrowse_blueprint() -> None:
    flask = pytest.importorskip("flask")
    from zoomsig.contrib.flask import cobrowse_sdk_blueprint

    app = flask.Flask("cobrowse")
    app.register_blueprint(
        cobrowse_sdk_blueprint(sdk_key=KEY, sdk_secret=SECRET), url_prefix="/cobrowse"
    )
    client = app.test_client()
    ok = client.post("/cobrowse/", json={"role": 1, "userId": "c-1"})
    assert ok.status_code == 200
    assert decode_and_validate(ok.get_json()["token"], secret=SECRET).kind is TokenKind.COBROWSE_SDK
    assert client.post("/cobrowse/", json={"role": 2}).status_code == 403


def test_fastapi_cobrowse_router() -> None:
    fastapi = pytest.importorskip("fastapi")
    testclient = pytest.importorskip("fastapi.testclient")
    from zoomsig.contrib.fastapi import cobrowse_sdk_router

    app = fastapi.FastAPI()
    app.include_router(
        cobrowse_sdk_router(sdk_key=KEY, sdk_secret=SECRET, policy=BOTH), prefix="/cobrowse"
    )
    client = testclient.TestClient(app)
    ok = client.post("/cobrowse/", json={"role": 2, "userId": "agent-7"})
    assert ok.status_code == 200
    assert decode_and_validate(ok.json()["token"], secret=SECRET).claims["role_type"] == 2
    post = app.openapi()["paths"]["/cobrowse/"]["post"]
    schema = post["requestBody"]["content"]["application/json"]["schema"]
    assert set(schema["properties"]) == set(COBROWSE_SDK_FIELDS)


def test_docs_cobrowse_parity_table_lists_every_request_and_every_difference() -> None:
    text = (Path(__file__).parent.parent / "docs" / "endpoint.md").read_text("utf-8")
    rows = [
        [cell.strip() for cell in line.strip("|").split("|")]
        for line in text.splitlines()
        if line.startswith("| cobrowse: ")
    ]
    assert [row[0] for row in rows] == [case.name for case in CASES]
    for name, official, ours, verdict, why in rows:
        difference = DIFFERENCES.get(name)
        assert official.split()[0] == str(OFFICIAL[name]["status"])
        if difference is None:
            assert (verdict, why) == ("same", "")
            assert ours in (official, f"{official} $body")
        else:
            assert (verdict, why) == ("**differs**", difference.reason)
            assert ours.split()[0] == str(difference.status)


def test_django_cobrowse_view() -> None:
    pytest.importorskip("django")
    import _django  # noqa: F401  # the suite's Django settings, configured once
    from django.test import RequestFactory

    from zoomsig.contrib.django import cobrowse_sdk_view

    view = cobrowse_sdk_view(sdk_key=KEY, sdk_secret=SECRET)
    request = RequestFactory().post(
        "/cobrowse/", data=b'{"role": 1, "userId": "c-1"}', content_type="application/json"
    )
    response = view(request)
    assert response.status_code == 200
    token = json.loads(response.content)["token"]
    assert decode_and_validate(token, secret=SECRET).kind is TokenKind.COBROWSE_SDK
