"""Requests per second of the signature endpoint under each server set-up, as ratios.

Starts every set-up below on 127.0.0.1 with ONE worker process (so each gets one core), drives
it with ``wrk`` (a POST of a small valid Meeting SDK request body, 8 connections, one wrk
thread) for a few seconds, stops it, and goes on to the next; the whole list is measured in
several interleaved rounds so that a noisy moment hits every set-up alike. It prints each
set-up's median requests per second and its ratio to the first row (FastAPI under plain
``uvicorn``, as the README installs it).

    python benchmarks/servers.py               # 3 rounds of 5 s each
    python benchmarks/servers.py --rounds 5 --seconds 8

It needs ``wrk`` (Debian's ``wrk`` package) and, in the active virtualenv, zoomsig with the
``django``, ``fastapi`` and ``flask`` extras plus ``gunicorn``, ``uvicorn`` and
``uvicorn-worker``; set-ups whose server is not installed (``uvicorn[standard]``'s
``httptools`` and ``uvloop``) are skipped with a note.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
BODY = '{"meetingNumber": "85746065432", "role": 0}'
# Fake credentials of the right shape; the endpoint signs with them and nothing leaves the host.
ENV = {"ZOOM_SDK_KEY": "bench" + "K" * 17, "ZOOM_SDK_SECRET": "bench" + "S" * 27}


class SetUp(NamedTuple):
    name: str
    folder: str
    command: tuple[str, ...]  # {port} is replaced
    needs: tuple[str, ...]  # importable modules


SETUPS = (
    SetUp(
        "FastAPI, uvicorn (h11, asyncio)",
        "fastapi_app",
        (
            "-m",
            "uvicorn",
            "zoom_auth_api:app",
            "--port",
            "{port}",
            "--http",
            "h11",
            "--loop",
            "asyncio",
        ),
        ("uvicorn",),
    ),
    SetUp(
        "FastAPI, uvicorn[standard] (httptools, uvloop)",
        "fastapi_app",
        (
            "-m",
            "uvicorn",
            "zoom_auth_api:app",
            "--port",
            "{port}",
            "--http",
            "httptools",
            "--loop",
            "uvloop",
        ),
        ("uvicorn", "httptools", "uvloop"),
    ),
    SetUp(
        "FastAPI, uvicorn[standard], --no-access-log",
        "fastapi_app",
        (
            "-m",
            "uvicorn",
            "zoom_auth_api:app",
            "--port",
            "{port}",
            "--http",
            "httptools",
            "--loop",
            "uvloop",
            "--no-access-log",
        ),
        ("uvicorn", "httptools", "uvloop"),
    ),
    SetUp(
        "FastAPI, gunicorn + uvicorn worker (uvicorn[standard])",
        "fastapi_app",
        (
            "-m",
            "gunicorn",
            "zoom_auth_api:app",
            "-b",
            "127.0.0.1:{port}",
            "-w",
            "1",
            "-k",
            "uvicorn_worker.UvicornWorker",
        ),
        ("gunicorn", "uvicorn_worker", "httptools", "uvloop"),
    ),
    SetUp(
        "Flask, gunicorn (sync worker)",
        "flask_app",
        ("-m", "gunicorn", "app:app", "-b", "127.0.0.1:{port}", "-w", "1"),
        ("gunicorn", "flask"),
    ),
    SetUp(
        "Flask, gunicorn (gthread worker, 4 threads)",
        "flask_app",
        (
            "-m",
            "gunicorn",
            "app:app",
            "-b",
            "127.0.0.1:{port}",
            "-w",
            "1",
            "-k",
            "gthread",
            "--threads",
            "4",
        ),
        ("gunicorn", "flask"),
    ),
    SetUp(
        "Flask, werkzeug development server",
        "flask_app",
        ("-m", "flask", "--app", "app", "run", "--port", "{port}", "--without-threads"),
        ("flask",),
    ),
    SetUp(
        "Django, gunicorn (sync worker)",
        "django_app",
        ("-m", "gunicorn", "zoom_auth_site.wsgi:application", "-b", "127.0.0.1:{port}", "-w", "1"),
        ("gunicorn", "django"),
    ),
    SetUp(
        "Django, gunicorn (gthread worker, 4 threads)",
        "django_app",
        (
            "-m",
            "gunicorn",
            "zoom_auth_site.wsgi:application",
            "-b",
            "127.0.0.1:{port}",
            "-w",
            "1",
            "-k",
            "gthread",
            "--threads",
            "4",
        ),
        ("gunicorn", "django"),
    ),
    SetUp(
        "Django, runserver (development server)",
        "django_app",
        ("manage.py", "runserver", "127.0.0.1:{port}", "--noreload", "--nothreading"),
        ("django",),
    ),
)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_ready(port: int, proc: subprocess.Popen[bytes], timeout: float = 20.0) -> None:
    request = urllib.request.Request(
        f"http://127.0.0.1:{port}/zoom/signature",
        data=BODY.encode(),
        headers={"Content-Type": "application/json"},
    )
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited with status {proc.returncode}")
        try:
            with urllib.request.urlopen(request, timeout=2) as response:  # noqa: S310 (127.0.0.1)
                if response.status == 200 and b"signature" in response.read():
                    return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the server did not answer 200 in time")


def _wrk(port: int, seconds: int, script: Path) -> float:
    out = subprocess.run(
        [
            shutil.which("wrk") or "wrk",
            "-t1",
            "-c8",
            f"-d{seconds}s",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}/zoom/signature",
        ],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    if re.search(r"Non-2xx or 3xx responses", out):
        raise RuntimeError("the server answered errors under load:\n" + out)
    match = re.search(r"Requests/sec:\s+([0-9.]+)", out)
    if match is None:
        raise RuntimeError("wrk printed no Requests/sec:\n" + out)
    return float(match.group(1))


def _measure(setup: SetUp, seconds: int, script: Path) -> float:
    port = _free_port()
    command = [sys.executable, *(part.format(port=port) for part in setup.command)]
    env = {**os.environ, **ENV, "DJANGO_ALLOWED_HOSTS": "127.0.0.1"}
    proc = subprocess.Popen(
        command,
        cwd=EXAMPLES / setup.folder,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _wait_ready(port, proc)
        _wrk(port, 1, script)  # warm-up
        return _wrk(port, seconds, script)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=int, default=5)
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        print("wrk is not installed (Debian: apt-get install wrk)", file=sys.stderr)
        return 2
    available = [s for s in SETUPS if all(importlib.util.find_spec(m) for m in s.needs)]
    for skipped in (s for s in SETUPS if s not in available):
        print(f"skipped (not installed: {', '.join(skipped.needs)}): {skipped.name}")
    results: dict[str, list[float]] = {s.name: [] for s in available}
    with tempfile.TemporaryDirectory() as tmp:
        script = Path(tmp) / "post.lua"
        script.write_text(
            'wrk.method = "POST"\n'
            f"wrk.body = '{BODY}'\n"
            'wrk.headers["Content-Type"] = "application/json"\n'
        )
        for round_ in range(args.rounds):
            for setup in available:
                results[setup.name].append(_measure(setup, args.seconds, script))
            print(f"round {round_ + 1}/{args.rounds} done", file=sys.stderr)
    base = statistics.median(results[available[0].name])
    width = max(len(name) for name in results)
    print(f"{'set-up':<{width}}  {'req/s (median)':>14}  {'ratio':>6}")
    for name, values in results.items():
        median = statistics.median(values)
        print(f"{name:<{width}}  {median:>14.0f}  {median / base:>5.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
