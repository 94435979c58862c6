"""What the end-to-end tests share: the fake credentials, the servers, the prerequisites.

Where Chromium, the ``playwright`` package or the npm SDKs are missing, the tests are
skipped with the reason, unless ``ZOOMSIG_E2E_REQUIRED=1`` (set by ``.ci/steps/e2e.sh``)
makes that a failure instead.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
SDK = HERE / "web" / "node_modules" / "@zoom"
FRAMEWORKS = ("django", "fastapi", "flask")
# Fakes in the shape of Zoom's credentials; never a real app's.
CREDENTIALS = {
    "ZOOM_SDK_KEY": "e2eClientIdMeeting22",
    "ZOOM_SDK_SECRET": "Zq7wV3nR9tK2mX5pL8sD4fG6hJ1bN0cY",
    "ZOOM_VIDEO_SDK_KEY": "e2eVideoSdkKey22",
    "ZOOM_VIDEO_SDK_SECRET": "Hb4Tn8Wq2Lr6Zc9Xm3Kv7Pd1Fs5Gy0Ju",
    "ZOOM_WEBHOOK_SECRET_TOKEN": "Wd3Kp7Rt1Yx5Mn9Qz2Vb6",
}
# What the probe of this machine kind found Chromium needs headless, as root, offline.
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
ARTIFACTS = Path(os.environ.get("ZOOMSIG_E2E_ARTIFACTS", HERE / "artifacts"))


def missing(what: str) -> None:
    reason = f"end-to-end prerequisite missing: {what} (bash .ci/steps/e2e.sh installs it)"
    if os.environ.get("ZOOMSIG_E2E_REQUIRED") == "1":
        pytest.fail(reason)
    pytest.skip(reason)


def chromium_path() -> str:
    found = os.environ.get("ZOOMSIG_E2E_CHROMIUM") or shutil.which("chromium")
    if not found:
        missing("Chromium (apt-get install chromium chromium-driver)")
    return str(found)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Server:
    """One framework's app under its real server, and the lines it printed."""

    framework: str
    url: str
    process: subprocess.Popen[str]
    lines: list[str] = field(default_factory=list)
    pump: threading.Thread = field(init=False)

    def events(self) -> list[str]:
        """The webhook events the app's handler was called with, in order."""
        return [line[len("EVENT ") :] for line in list(self.lines) if line.startswith("EVENT ")]


def _pump(server: Server) -> None:
    assert server.process.stdout is not None
    for line in server.process.stdout:
        server.lines.append(line.rstrip("\n"))


def _wait_until_up(server: Server, deadline: float) -> None:
    port = int(server.url.rsplit(":", 1)[1])
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            pytest.fail(f"{server.framework} server exited: {server.lines[-20:]}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    pytest.fail(f"{server.framework} server did not start: {server.lines[-20:]}")


def start_server(framework: str) -> Server:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-u", str(HERE / "serve.py"), framework, str(port)],
        env={**os.environ, **CREDENTIALS, "PYTHONUNBUFFERED": "1"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    server = Server(framework, f"http://127.0.0.1:{port}", process)
    server.pump = threading.Thread(target=_pump, args=(server,), daemon=True)
    server.pump.start()
    _wait_until_up(server, time.monotonic() + 30)
    return server


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()
    server.pump.join(timeout=10)
    if server.process.stdout is not None:
        server.process.stdout.close()


def artifact(name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS / name
