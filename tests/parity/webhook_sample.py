"""Parity with Zoom's official webhook sample (github.com/zoom/webhook-sample).

Usage::

    git clone https://github.com/zoom/webhook-sample /tmp/webhook-parity
    (cd /tmp/webhook-parity && npm install)
    python tests/parity/webhook_sample.py /tmp/webhook-parity [--port 4077]

Starts the sample (``node index.js``) on 127.0.0.1 with a test secret token, sends the
same bounded set of requests to it and to zoomsig's framework-free endpoint logic, and
prints a Markdown table: accept/reject of each, and the URL-validation answers. The
divergences that zoomsig makes on purpose (a replay window, the raw body instead of
``JSON.stringify(req.body)``) are marked as expected. Nothing of the sample is copied here;
the script only runs the checkout it is given. Exit 0 when every other case agrees.
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import NamedTuple, Optional

from zoomsig.webhook.endpoint import handle_webhook

SECRET = "parity-test-secret-tok"  # a test value, 22 characters like Zoom's
DOCS_CHALLENGE = (
    b'{"payload":{"plainToken":"qgg8vlvZRS6UYooatFL8Aw"},"event_ts":1654503849680,'
    b'"event":"endpoint.url_validation"}'
)
"""The endpoint.url_validation body of Zoom's webhook docs (as the sample sees it)."""


RAW_BODY = "the sample verifies JSON.stringify(req.body); zoomsig the raw bytes"


class Case(NamedTuple):
    name: str
    body: bytes
    headers: dict[str, str]
    expected_divergence: Optional[str] = None


def sign(body: bytes, stamp: str, secret: str = SECRET) -> str:
    message = f"v0:{stamp}:".encode() + body
    return "v0=" + hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signed(body: bytes, stamp: int, secret: str = SECRET) -> dict[str, str]:
    return {"x-zm-request-timestamp": str(stamp), "x-zm-signature": sign(body, str(stamp), secret)}


def cases(now: int) -> list[Case]:
    event = {
        "event": "meeting.started",
        "payload": {"object": {"id": 85746065432, "topic": "Weekly"}},
        "event_ts": now * 1000,
    }
    compact = json.dumps(event, separators=(",", ":")).encode()
    unicode_event = {**event, "payload": {"object": {"topic": "Réunion 🚀"}}}
    utf8 = json.dumps(unicode_event, separators=(",", ":"), ensure_ascii=False).encode()
    escaped = json.dumps(unicode_event, separators=(",", ":")).encode()
    spaced = json.dumps(event).encode()
    challenge = json.dumps(
        {
            "payload": {"plainToken": "k3YeZ9Sx0aAs2wD4Q7lvFw"},
            "event_ts": now * 1000,
            "event": "endpoint.url_validation",
        },
        separators=(",", ":"),
    ).encode()
    good = signed(compact, now)
    last = good["x-zm-signature"][-1]
    flipped = good["x-zm-signature"][:-1] + ("0" if last != "0" else "1")
    return [
        Case("valid event", compact, good),
        Case("valid URL validation", challenge, signed(challenge, now)),
        Case("Zoom docs' URL validation body", DOCS_CHALLENGE, signed(DOCS_CHALLENGE, now)),
        Case("tampered body (one digit)", compact.replace(b"85746065432", b"85746065433"), good),
        Case(
            "tampered timestamp (+1 s)", compact, {**good, "x-zm-request-timestamp": str(now + 1)}
        ),
        Case("tampered signature (last hex digit)", compact, {**good, "x-zm-signature": flipped}),
        Case("signature header missing", compact, {"x-zm-request-timestamp": str(now)}),
        Case("signed with another secret", compact, signed(compact, now, "another-apps-secret-tk")),
        Case(
            "URL validation with a bad signature",
            challenge,
            signed(challenge, now, "another-apps-secret-tk"),
        ),
        Case("UTF-8 body, compact (as Zoom sends)", utf8, signed(utf8, now)),
        Case(
            "replayed: correctly signed an hour ago",
            compact,
            signed(compact, now - 3600),
            "zoomsig enforces a 300 s replay window; the sample checks no timestamp",
        ),
        Case(
            "timestamp in milliseconds, correctly signed",
            compact,
            signed(compact, now * 1000),
            "zoomsig refuses a millisecond timestamp; the sample checks no timestamp",
        ),
        Case(
            "raw body with spaces (json.dumps default), signed over those bytes",
            spaced,
            signed(spaced, now),
            RAW_BODY,
        ),
        Case(
            "raw body with \\u escapes, signed over those bytes",
            escaped,
            signed(escaped, now),
            RAW_BODY,
        ),
    ]


def post(port: int, case: Case) -> tuple[int, object]:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/webhook",
        data=case.body,
        headers={"content-type": "application/json", **case.headers},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310 - loopback only
            return response.status, json.loads(response.read() or b"null")
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read() or b"null")


def wait_for(port: int, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the sample exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("the sample did not start within 20 s")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "checkout", type=Path, help="a checkout of zoom/webhook-sample, npm-installed"
    )
    parser.add_argument("--port", type=int, default=4077)
    args = parser.parse_args(argv)
    if not (args.checkout / "index.js").is_file() or not (args.checkout / "node_modules").is_dir():
        parser.error("the checkout needs index.js and node_modules (run npm install there)")
    env = {**os.environ, "PORT": str(args.port), "ZOOM_WEBHOOK_SECRET_TOKEN": SECRET}
    node = shutil.which("node")
    if node is None:
        parser.error("node is not on PATH")
    process = subprocess.Popen(
        [node, "index.js"],
        cwd=args.checkout,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    failures = 0
    try:
        wait_for(args.port, process)
        now = int(time.time())
        print("| request | Zoom's sample | zoomsig | agree |")
        print("|---|---|---|---|")
        for case in cases(now):
            sample_status, sample_body = post(args.port, case)
            outcome = handle_webhook(case.headers, case.body, secret_token=SECRET, now=now)
            same = (sample_status == 200) == (outcome.status == 200)
            if same and sample_status == 200 and "encryptedToken" in json.dumps(sample_body):
                same = sample_body == dict(outcome.body)
                sample_text = f"200 {json.dumps(sample_body)}"
            else:
                sample_text = str(sample_status)
            zoomsig_text = str(outcome.status)
            if outcome.status == 200 and "encryptedToken" in outcome.body:
                zoomsig_text += " (same answer)" if same else f" {json.dumps(dict(outcome.body))}"
                sample_text = "200 " + ("plainToken + encryptedToken" if same else sample_text)
            if same:
                verdict = "yes"
            elif case.expected_divergence:
                verdict = f"no, on purpose: {case.expected_divergence}"
            else:
                verdict = "**NO**"
                failures += 1
            print(f"| {case.name} | {sample_text} | {zoomsig_text} | {verdict} |")
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
