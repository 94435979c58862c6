"""The official Web SDKs, in Chromium, joining with what zoomsig's endpoints sign.

Each page (web/pages/) is written as Zoom's samples are: it POSTs to the app's signature
endpoint and hands the answer's ``signature`` to ``ZoomMtg.join`` (client view),
``ZoomMtgEmbedded.createClient().join`` (component view) or ``ZoomVideo.createClient().join``
(Video SDK). Every request to Zoom is intercepted (``_e2e_run``): the tests see how far the
SDK gets and what it would have sent, never Zoom's answer.
"""

from __future__ import annotations

import base64
import html
import json
import time
from typing import TYPE_CHECKING

import pytest
from _e2e_env import CREDENTIALS, Server, artifact
from _e2e_run import MEETING_JOIN, VIDEO_JOIN, Run, open_page

from zoomsig import FindingCode, decode_and_validate, explain_error, sign_meeting_sdk
from zoomsig.testing.mistakes import MISTAKES, Mistake

if TYPE_CHECKING:
    from playwright.sync_api import Browser

pytestmark = pytest.mark.e2e

MEETING = "85746065432"
TOPIC = "zoomsig e2e session"
KEY, SECRET = CREDENTIALS["ZOOM_SDK_KEY"], CREDENTIALS["ZOOM_SDK_SECRET"]
VIDEO_KEY, VIDEO_SECRET = CREDENTIALS["ZOOM_VIDEO_SDK_KEY"], CREDENTIALS["ZOOM_VIDEO_SDK_SECRET"]
MEETING_VIEWS = ("client.html", "component.html")
# The client view's console line when the decoded signature has no appKey (nor sdkKey): it
# then stops, calling neither success nor error.
NO_APP_KEY = "please add appKey"
SDK_KEY_DEPRECATED = "The sdkKey will be deprecated in the signature"
# Mistakes the SDK's own code stops before any request to Zoom (found by running each one:
# both views decode the JWT in the browser and read appKey/sdkKey from it). Every other
# mistake of the catalogue is only detectable at Zoom.
STOPPED_IN_BROWSER = {
    "video_sdk_token": "no appKey claim",
    "legacy_signature": "not a JWT: no appKey claim",
    "hmac_only": "not a JWT: no appKey claim",
    "jwt_app_token": "no appKey claim",
    "api_key_claim": "no appKey claim",
    "cobrowse_token": "a Cobrowse token: no appKey claim",
    "video_sdk_api_token": "a REST API token: no appKey claim",
    # With these credentials' lengths; where the breaks leave base64 of a valid length, the
    # component view decodes it and sends it to Zoom.
    "line_breaks": "the newlines make the payload undecodable",
    "url_encoded": "the %XX escapes make the payload undecodable",
}


def _decode_topic(value: str) -> str:
    return base64.urlsafe_b64decode(value + "=" * (-len(value) % 4)).decode("utf-8")


def _only_join(run: Run, address: str) -> dict[str, str]:
    joins = run.join_requests(address)
    assert len(joins) == 1, (run.events, run.outside, run.warnings())
    return joins[0].form


@pytest.mark.parametrize("view", MEETING_VIEWS)
def test_meeting_sdk_join_reaches_zoom_with_the_endpoints_signature(
    browser: Browser, server: Server, view: str
) -> None:
    name = f"{view.split('.', maxsplit=1)[0]}-{server.framework}-valid.png"
    run = open_page(browser, server.url, view, {"mn": MEETING, "role": "0"},
                    screenshot=str(artifact(name)))  # fmt: skip
    [answer] = run.endpoint_bodies
    form = _only_join(run, MEETING_JOIN)
    # The signature, meeting number and role the page was given reached the join request.
    assert form["signature"] == answer["signature"]
    assert form["meetingNumber"] == MEETING
    report = decode_and_validate(
        form["signature"], secret=SECRET, sdk_key=KEY, meeting_number=MEETING, role=0
    )
    assert report.ok, report.findings
    assert report.claims["role"] == 0
    assert report.claims["appKey"] == KEY
    # The failure the page shows is the aborted request, not a refused signature.
    assert run.last()["kind"] == "join-error"


def test_video_sdk_join_reaches_zoom_with_the_endpoints_signature(
    browser: Browser, server: Server
) -> None:
    run = open_page(browser, server.url, "video.html", {"topic": TOPIC, "role": "0"},
                    screenshot=str(artifact(f"video-{server.framework}-valid.png")))  # fmt: skip
    [answer] = run.endpoint_bodies
    form = _only_join(run, VIDEO_JOIN)
    assert form["zlk"] == answer["signature"]
    assert _decode_topic(form["topic"]) == TOPIC
    report = decode_and_validate(
        form["zlk"], secret=VIDEO_SECRET, sdk_key=VIDEO_KEY, topic=TOPIC, role=0
    )
    assert report.ok, report.findings
    assert report.claims["role_type"] == 0


def _code_shown_in_browser(
    browser: Browser, origin: str, page: str, query: dict[str, str], shot: str
) -> int:
    """The error code the SDK gave ``join``'s caller, having sent nothing to Zoom; the
    screen it showed saved as ``shot``."""
    run = open_page(browser, origin, page, query, screenshot=str(artifact(shot)))
    assert run.join_requests(MEETING_JOIN) == run.join_requests(VIDEO_JOIN) == []
    shown = run.last()
    assert shown["kind"] == "join-error", run.events
    code: int = shown["value"]["errorCode"]
    return code


def _broken(mistake: Mistake, now: int) -> str:
    return mistake.make(sdk_key=KEY, sdk_secret=SECRET, meeting_number=MEETING, role=0, now=now)


@pytest.mark.parametrize("view", MEETING_VIEWS)
@pytest.mark.parametrize("mistake", MISTAKES, ids=lambda mistake: mistake.name)
def test_broken_signature_is_stopped_where_the_sdk_stops_it(
    browser: Browser, servers: dict[str, Server], view: str, mistake: Mistake
) -> None:
    now = int(time.time())
    token = _broken(mistake, now)
    # The token reaches the page as the sample's meeting.html takes it: in the query string.
    query = {"mn": MEETING, "role": "0", "signature": token}
    run = open_page(browser, servers["flask"].url, view, query, settle_on=(NO_APP_KEY,))
    report = decode_and_validate(
        token, secret=SECRET, sdk_key=KEY, meeting_number=MEETING, role=0, now=now
    )
    assert mistake.codes <= set(report.codes)
    if mistake.name in STOPPED_IN_BROWSER:
        assert run.join_requests(MEETING_JOIN) == [], STOPPED_IN_BROWSER[mistake.name]
        assert run.last()["kind"] != "join-success"
    else:
        # Only Zoom can tell: the SDK sent the token on as it was given (the client view
        # sends it HTML-escaped: '"' as "&quot;", a space as "&nbsp;").
        sent = _only_join(run, MEETING_JOIN)["signature"]
        assert html.unescape(sent).replace("\xa0", " ") == token


def test_client_view_zak_with_obf_token_is_3636_in_the_browser(
    browser: Browser, servers: dict[str, Server]
) -> None:
    token = sign_meeting_sdk(sdk_key=KEY, sdk_secret=SECRET, meeting_number=MEETING, role=1)
    zak, obf = "zak-from-the-rest-api", "obf-from-the-rest-api"
    query = {"mn": MEETING, "role": "1", "signature": token, "zak": zak, "obf": obf}
    code = _code_shown_in_browser(
        browser, servers["flask"].url, "client.html", query, "client-flask-zak-and-obf.png"
    )
    assert code == 3636
    report = decode_and_validate(
        token, secret=SECRET, sdk_key=KEY, meeting_number=MEETING, role=1, zak=zak, obf_token=obf
    )
    explained = set(explain_error(code).finding_codes)
    assert FindingCode.ZAK_AND_OBF_TOKEN in set(report.codes) & explained


def test_component_view_zak_with_obf_token_is_refused_in_the_browser(
    browser: Browser, servers: dict[str, Server]
) -> None:
    token = sign_meeting_sdk(sdk_key=KEY, sdk_secret=SECRET, meeting_number=MEETING, role=1)
    query = {"mn": MEETING, "role": "1", "signature": token, "zak": "z", "obf": "o"}
    run = open_page(browser, servers["flask"].url, "component.html", query)
    assert run.join_requests(MEETING_JOIN) == []
    # The component view throws a plain Error with no code: nothing for explain_error.
    assert "mutually exclusive" in run.last()["value"]["message"]


@pytest.mark.parametrize("view", MEETING_VIEWS)
def test_host_without_zak_is_only_refused_at_zoom(
    browser: Browser, servers: dict[str, Server], view: str
) -> None:
    token = sign_meeting_sdk(sdk_key=KEY, sdk_secret=SECRET, meeting_number=MEETING, role=1)
    query = {"mn": MEETING, "role": "1", "signature": token}
    run = open_page(browser, servers["flask"].url, view, query)
    form = _only_join(run, MEETING_JOIN)
    assert form["signature"] == token
    report = decode_and_validate(token, secret=SECRET, sdk_key=KEY, meeting_number=MEETING, role=1)
    assert FindingCode.HOST_NEEDS_ZAK in report.codes


def test_video_sdk_empty_signature_is_5013_in_the_browser(
    browser: Browser, servers: dict[str, Server]
) -> None:
    query = {"topic": TOPIC, "signature": ""}
    code = _code_shown_in_browser(
        browser, servers["flask"].url, "video.html", query, "video-flask-empty-signature.png"
    )
    assert code == 5013
    report = decode_and_validate("", secret=VIDEO_SECRET)
    assert FindingCode.EMPTY in set(report.codes) & set(explain_error(code).finding_codes)


def test_client_view_undecodable_signature_error_is_explained(
    browser: Browser, servers: dict[str, Server]
) -> None:
    mistake = next(mistake for mistake in MISTAKES if mistake.name == "line_breaks")
    query = {"mn": MEETING, "role": "0", "signature": _broken(mistake, int(time.time()))}
    code = _code_shown_in_browser(
        browser, servers["flask"].url, "client.html", query, "client-flask-line-breaks.png"
    )
    assert FindingCode.LINE_BREAKS in explain_error(code).finding_codes


def test_client_view_meeting_number_with_spaces_error_is_explained(
    browser: Browser, servers: dict[str, Server]
) -> None:
    token = sign_meeting_sdk(sdk_key=KEY, sdk_secret=SECRET, meeting_number=MEETING, role=0)
    query = {"mn": "857 4606 5432", "role": "0", "signature": token}
    code = _code_shown_in_browser(
        browser, servers["flask"].url, "client.html", query, "client-flask-meeting-spaces.png"
    )
    assert code == 4003
    report = decode_and_validate(
        token, secret=SECRET, sdk_key=KEY, meeting_number="857 4606 5432", role=0
    )
    assert set(report.codes) & set(explain_error(code).finding_codes)


def test_sdk_key_deprecation_warning_follows_the_sdk_key_claim(
    browser: Browser, servers: dict[str, Server]
) -> None:
    """The facts on zoomsig's default tokens, recorded in the artifacts (console.json)."""
    seen: dict[str, object] = {}
    for view in MEETING_VIEWS:
        run = open_page(browser, servers["flask"].url, view, {"mn": MEETING, "role": "0"})
        [answer] = run.endpoint_bodies
        claims = decode_and_validate(answer["signature"], secret=SECRET).claims
        seen[view] = {"claims": sorted(claims), "warnings": run.warnings()}
        if view == "component.html":
            assert run.saw(SDK_KEY_DEPRECATED) == ("sdkKey" in claims)
    run = open_page(browser, servers["flask"].url, "video.html", {"topic": TOPIC, "role": "0"})
    seen["video.html"] = {"warnings": run.warnings()}
    artifact("console.json").write_text(json.dumps(seen, indent=2), encoding="utf-8")
