"""Send one request corpus to Zoom's official auth endpoint samples and to zoomsig's.

A repeatable measurement, not part of the test suite (it needs Node.js and the samples,
whose code is never part of this repository)::

    git clone https://github.com/zoom/meetingsdk-auth-endpoint-sample /tmp/parity/meetingsdk
    git clone https://github.com/zoom/videosdk-auth-endpoint-sample /tmp/parity/videosdk
    (cd /tmp/parity/meetingsdk && npm install) && (cd /tmp/parity/videosdk && npm install)
    python scripts/parity_official_endpoints.py /tmp/parity/meetingsdk /tmp/parity/videosdk \
        --write tests/vectors/official-endpoints.json --markdown /tmp/parity-table.md

The Cobrowse SDK endpoint is measured the same way against
``zoom/cobrowsesdk-auth-endpoint-sample`` (its corpus: ``tests/endpoint_corpus_cobrowse.py``)::

    git clone https://github.com/zoom/cobrowsesdk-auth-endpoint-sample /tmp/parity/cobrowse
    (cd /tmp/parity/cobrowse && npm install --ignore-scripts)
    python scripts/parity_official_endpoints.py --cobrowse-sample /tmp/parity/cobrowse \
        --write tests/vectors/official-cobrowse-endpoint.json --markdown /tmp/cobrowse-table.md

It starts each sample with ``node src/index.js`` on 127.0.0.1 with test credentials
(``tests/endpoint_corpus.py``), serves zoomsig's Flask blueprints on 127.0.0.1 with the same
credentials (a policy that allows hosts, as the samples do), sends every case of the
corpus once to each side, compares status, error properties and the token's claims apart
from ``iat``/``exp``/``tokenExp`` (the lifetime ``exp - iat`` is compared), and stops every
server it started. It exits 1 if zoomsig differs anywhere that the corpus does not list as a
deliberate difference, or if a listed difference did not occur.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import http.client
import json
import os
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Optional
from wsgiref.simple_server import WSGIRequestHandler, make_server

import jwt

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import endpoint_corpus_cobrowse as cobrowse  # noqa: E402
from endpoint_corpus import CASES, DIFFERENCES, KEY, SECRET, Case, Difference  # noqa: E402

TIMEOUT = 10.0
Outcome = dict[str, Any]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_for(port: int, process: Optional[subprocess.Popen[bytes]] = None) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise SystemExit(f"the server on port {port} exited with {process.returncode}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), 0.5):
            return
        time.sleep(0.1)
    raise SystemExit(f"nothing listens on 127.0.0.1:{port} after 20 s")


@contextlib.contextmanager
def _node_sample(checkout: Path, env_key: str, env_secret: str) -> Iterator[int]:
    if not (checkout / "node_modules").is_dir():
        raise SystemExit(f"{checkout}: run `npm install` there first")
    port = _free_port()
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PORT": str(port),
        env_key: KEY,
        env_secret: SECRET,
    }
    # Express listens on every interface; the port is fresh and the process lives only
    # for the few seconds of the run.
    process = subprocess.Popen(
        ["node", "src/index.js"],  # noqa: S607
        cwd=checkout,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_for(port, process)
        yield port
    finally:
        process.terminate()
        try:
            process.wait(5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


class _Quiet(WSGIRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def _zoomsig_server() -> Iterator[int]:
    from flask import Flask

    from zoomsig import Role
    from zoomsig.contrib.flask import (
        cobrowse_sdk_blueprint,
        meeting_sdk_blueprint,
        video_sdk_blueprint,
    )
    from zoomsig.endpoint import CobrowseSdkPolicy, MeetingSdkPolicy, VideoSdkPolicy

    both = {Role.PARTICIPANT, Role.HOST}
    app = Flask("zoomsig_parity")
    app.register_blueprint(
        # include_sdk_key=True: the sample's claims (zoomsig's default leaves sdkKey out of
        # Web SDK signatures: docs/endpoint.md, "sdkKey in the signature").
        meeting_sdk_blueprint(
            sdk_key=KEY,
            sdk_secret=SECRET,
            policy=MeetingSdkPolicy(roles=both, include_sdk_key=True),
        ),
        url_prefix="/meeting",
    )
    app.register_blueprint(
        video_sdk_blueprint(sdk_key=KEY, sdk_secret=SECRET, policy=VideoSdkPolicy(roles=both)),
        url_prefix="/video",
    )
    app.register_blueprint(
        cobrowse_sdk_blueprint(
            sdk_key=KEY, sdk_secret=SECRET, policy=CobrowseSdkPolicy(roles={1, 2})
        ),
        url_prefix="/cobrowse",
    )
    server = make_server("127.0.0.1", 0, app, handler_class=_Quiet)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_port
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def _post(port: int, path: str, case: Case) -> Outcome:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    headers = {} if case.content_type is None else {"Content-Type": case.content_type}
    try:
        connection.request("POST", path, body=case.body, headers=headers)
        response = connection.getresponse()
        status, raw = response.status, response.read()
    finally:
        connection.close()
    outcome = _outcome(status, raw)
    if case.sdk == "cobrowse" and outcome["claims"] is not None:
        _mark_random(case, outcome["claims"])
    return outcome


def _mark_random(case: Case, claims: dict[str, Any]) -> None:
    """A user_id neither side was given is random on both: compare it as ``RANDOM``."""
    request = json.loads(case.body)
    if isinstance(request, dict) and request.get("userId") is None:
        if claims.get("user_name") == claims.get("user_id"):
            claims["user_name"] = cobrowse.RANDOM
        claims["user_id"] = cobrowse.RANDOM


def _outcome(status: int, raw: bytes) -> Outcome:
    """Status; the sorted error properties (``None``: no ``errors`` array); the claims."""
    try:
        body = json.loads(raw)
    except ValueError:
        body = None
    outcome: Outcome = {"status": status, "properties": None, "claims": None, "keys": None}
    if not isinstance(body, dict):
        return outcome
    outcome["keys"] = sorted(body)
    if isinstance(body.get("errors"), list):
        outcome["properties"] = sorted({str(e.get("property")) for e in body["errors"]})
    token = body.get("signature", body.get("token"))
    if isinstance(token, str):
        claims = jwt.decode(
            token,
            SECRET,
            algorithms=["HS256"],
            options={"verify_exp": False, "verify_iat": False, "verify_nbf": False},
        )
        header = json.loads(base64.urlsafe_b64decode(token.split(".")[0] + "=="))
        claims["lifetime"] = claims.pop("exp") - claims.pop("iat")
        if "tokenExp" in claims:
            claims["tokenExp"] = "present"
        outcome["claims"] = {"header": header, **claims}
    return outcome


def _compare(case: Case, official: Outcome, ours: Outcome) -> Optional[str]:
    """``None`` when zoomsig answers as the sample, else a short description."""
    if official["status"] != ours["status"]:
        return f"status {official['status']} vs {ours['status']}"
    if official["status"] == 200:
        if official["claims"] != ours["claims"]:
            return "claims differ"
        if official["keys"] != ours["keys"]:
            return "response fields differ"
        return None
    if official["properties"] is not None and official["properties"] != ours["properties"]:
        return f"properties {official['properties']} vs {ours['properties']}"
    return None


def _row(
    case: Case,
    official: Outcome,
    ours: Outcome,
    difference: Optional[str],
    differences: dict[str, Difference],
) -> str:
    def show(outcome: Outcome) -> str:
        props = outcome["properties"]
        return f"{outcome['status']}" + (f" {', '.join(props)}" if props else "")

    listed = differences.get(case.name)
    why = listed.reason if listed and difference else ""
    same = "same" if difference is None else "**differs**"
    return f"| {case.name} | {show(official)} | {show(ours)} | {same} | {why} |"


def _report(
    results: list[tuple[Case, Outcome, Outcome]],
    differences: dict[str, Difference],
    args: argparse.Namespace,
) -> int:
    failures: list[str] = []
    rows = [
        "| request | official | zoomsig | | why zoomsig differs |",
        "|---|---|---|---|---|",
    ]
    counts = {"same": 0, "listed": 0}
    for case, official, ours in results:
        difference = _compare(case, official, ours)
        listed = case.name in differences
        if difference is None:
            counts["same"] += 1
            if listed:
                failures.append(f"{case.name}: listed as a difference, but zoomsig answers alike")
        elif listed:
            counts["listed"] += 1
        else:
            failures.append(f"{case.name}: {difference} (not a listed difference)")
        rows.append(_row(case, official, ours, difference, differences))

    print(f"{len(results)} cases, {2 * len(results)} requests")
    print(f"same answer: {counts['same']}; deliberate, listed differences: {counts['listed']}")
    for failure in failures:
        print("UNEXPLAINED:", failure)
    if args.markdown:
        args.markdown.write_text("\n".join(rows) + "\n", encoding="utf-8")
    if args.write:
        recorded = {case.name: official for case, official, _ in results}
        args.write.write_text(json.dumps(recorded, indent=1, sort_keys=True) + "\n", "utf-8")
    return 1 if failures else 0


def _measure_meeting_and_video(args: argparse.Namespace) -> list[tuple[Case, Outcome, Outcome]]:
    results: list[tuple[Case, Outcome, Outcome]] = []
    with (
        _node_sample(
            args.meeting_sample, "ZOOM_MEETING_SDK_KEY", "ZOOM_MEETING_SDK_SECRET"
        ) as mport,
        _node_sample(args.video_sample, "ZOOM_VIDEO_SDK_KEY", "ZOOM_VIDEO_SDK_SECRET") as vport,
        _zoomsig_server() as zport,
    ):
        for case in CASES:
            official = _post(mport if case.sdk == "meeting" else vport, "/", case)
            ours = _post(zport, f"/{case.sdk}/", case)
            results.append((case, official, ours))
    return results


def _measure_cobrowse(args: argparse.Namespace) -> list[tuple[Case, Outcome, Outcome]]:
    with (
        _node_sample(args.cobrowse_sample, "ZOOM_SDK_KEY", "ZOOM_SDK_SECRET") as cport,
        _zoomsig_server() as zport,
    ):
        return [
            (case, _post(cport, "/", case), _post(zport, "/cobrowse/", case))
            for case in cobrowse.CASES
        ]


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "meeting_sample", type=Path, nargs="?", help="checkout of meetingsdk-auth-endpoint-sample"
    )
    parser.add_argument(
        "video_sample", type=Path, nargs="?", help="checkout of videosdk-auth-endpoint-sample"
    )
    parser.add_argument(
        "--cobrowse-sample",
        type=Path,
        help="checkout of cobrowsesdk-auth-endpoint-sample: measure the Cobrowse endpoint",
    )
    parser.add_argument("--write", type=Path, help="record the official answers in this JSON file")
    parser.add_argument("--markdown", type=Path, help="write the comparison table here")
    args = parser.parse_args(argv)
    if args.cobrowse_sample is not None:
        return _report(_measure_cobrowse(args), cobrowse.DIFFERENCES, args)
    if args.meeting_sample is None or args.video_sample is None:
        parser.error("give the meeting and video sample checkouts, or --cobrowse-sample")
    return _report(_measure_meeting_and_video(args), DIFFERENCES, args)


if __name__ == "__main__":
    raise SystemExit(main())
