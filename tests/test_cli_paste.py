"""Issue 19, the command line: the paste prompt, verdicts that said OK too easily, words
from Python in a terminal.

The prompt tests paste into a real terminal: a pseudo-terminal whose other end runs
``python -m zoomsig check -`` as a shell would, and they look at what is left unread on that
terminal afterwards (what the shell would have run).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Optional

import pytest
from _support import NOW, SDK_KEY, SDK_SECRET, SENTINEL_SECRET

from zoomsig import decode_and_validate, sign_meeting_sdk

MEETING = "85746065432"
TOKEN = sign_meeting_sdk(
    sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number=MEETING, role=0, now=NOW
)
LATER = str(NOW + 60)

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX terminal")


def _environment(**extra: str) -> dict[str, str]:
    base = {k: v for k, v in os.environ.items() if not k.startswith(("ZOOM_", "NO_COLOR"))}
    return {**base, "COLUMNS": "80", "NO_COLOR": "1", **extra}


class Terminal:
    """A pseudo-terminal: ``zoomsig`` runs on its slave end, the test types into its master."""

    def __init__(self) -> None:
        self.master, self.slave = os.openpty()

    def run(self, *argv: str, paste: str, env: dict[str, str]) -> tuple[int, str]:
        """Paste ``paste`` and run ``python -m zoomsig ARGV`` on the terminal."""
        os.write(self.master, paste.encode("utf-8"))
        done = subprocess.run(
            [sys.executable, "-m", "zoomsig", *argv],
            stdin=self.slave, stdout=subprocess.PIPE, stderr=self.slave,
            env=env, timeout=60, check=False,
        )  # fmt: skip
        return done.returncode, done.stdout.decode("utf-8")

    def unread(self) -> bytes:
        """What nobody read from the terminal: what the shell would get next."""
        import select
        import termios

        attributes = termios.tcgetattr(self.slave)
        attributes[3] &= ~termios.ICANON  # a line without its Enter counts too
        attributes[6][termios.VMIN] = 0
        attributes[6][termios.VTIME] = 0
        termios.tcsetattr(self.slave, termios.TCSANOW, attributes)
        left = b""
        while select.select([self.slave], [], [], 0.2)[0]:
            chunk = os.read(self.slave, 4096)
            if not chunk:
                break
            left += chunk
        return left

    def close(self) -> None:
        os.close(self.master)
        os.close(self.slave)


@pytest.fixture
def terminal() -> Iterator[Terminal]:
    if sys.platform == "win32":
        pytest.skip("needs a POSIX terminal")
    pty = Terminal()
    yield pty
    pty.close()


PRETTY_RESPONSE = json.dumps({"signature": TOKEN, "sdkKey": SDK_KEY}, indent=2)
WRAPPED_TOKEN = "\n".join(textwrap.wrap(TOKEN, 76, break_on_hyphens=False))


# --- the paste prompt, in a real terminal -----------------------------------------------


@posix_only
def test_prompt_reads_a_pretty_printed_json_response_whole(terminal: Terminal) -> None:
    """It read `{` alone (`'{' has no dots`) and the shell ran the rest of the response."""
    env = _environment(ZOOM_SDK_SECRET=SDK_SECRET)
    code, out = terminal.run("check", "-", "--now", LATER, paste=PRETTY_RESPONSE + "\n", env=env)
    assert "from the prompt, 4 lines pasted" in out
    assert "RESPONSE_OBJECT" in out  # the response was read: its signature field was found
    assert "HMAC      matches the secret" in out
    assert "MALFORMED" not in out
    assert code == 1  # a response object is not what join() takes: the same as piped in
    assert terminal.unread() == b""


@posix_only
def test_prompt_reads_a_token_wrapped_over_several_lines(terminal: Terminal) -> None:
    env = _environment(ZOOM_SDK_SECRET=SDK_SECRET)
    lines = WRAPPED_TOKEN.count("\n") + 1
    assert lines >= 3
    code, out = terminal.run("check", "--now", LATER, paste=WRAPPED_TOKEN + "\n", env=env)
    assert f"from the prompt, {lines} lines pasted" in out
    assert "LINE_BREAKS" in out
    assert "HMAC      matches the secret" in out
    assert code == 1
    assert terminal.unread() == b""


@posix_only
def test_prompt_leaves_nothing_of_the_paste_for_the_shell(terminal: Terminal) -> None:
    """Lines after a complete token, and a last line without its Enter, are read too."""
    paste = TOKEN + "\nrm -rf build\n" + "echo still-here"
    code, out = terminal.run("check", "--now", LATER, paste=paste, env=_environment())
    assert terminal.unread() == b""
    assert "3 lines pasted" in out
    assert code == 1  # what was pasted is not one token: diagnosed as a pipe would be


@posix_only
def test_prompt_diagnoses_a_paste_as_the_same_text_piped_in(terminal: Terminal) -> None:
    env = _environment(ZOOM_SDK_SECRET=SDK_SECRET)
    argv = ("check", "--json", "--now", LATER)
    code, out = terminal.run(*argv, paste=PRETTY_RESPONSE + "\n", env=env)
    piped = subprocess.run(
        [sys.executable, "-m", "zoomsig", *argv], input=PRETTY_RESPONSE + "\n",
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip
    assert json.loads(out) == json.loads(piped.stdout)
    assert code == piped.returncode


@posix_only
def test_prompt_then_secret_prompt_never_echoes_the_secret(terminal: Terminal) -> None:
    """The token pasted (echoed: no secret), then the secret typed (never echoed)."""
    import select

    env = _environment()
    argv = ["zoomsig", "check", "--secret-stdin", "--now", LATER]
    process = subprocess.Popen(
        [sys.executable, "-c", TAKE_THE_TERMINAL, *argv],
        stdin=terminal.slave, stdout=subprocess.PIPE, stderr=terminal.slave, env=env,
    )  # fmt: skip
    os.write(terminal.master, (WRAPPED_TOKEN + "\n").encode())
    shown = b""
    while b"(not shown): " not in shown:  # getpass has turned echo off
        assert select.select([terminal.master], [], [], 30)[0], shown
        shown += os.read(terminal.master, 4096)
    os.write(terminal.master, (SENTINEL_SECRET + "\n").encode())
    out, _ = process.communicate(timeout=60)
    while select.select([terminal.master], [], [], 0.2)[0]:
        shown += os.read(terminal.master, 4096)
    assert TOKEN[:40].encode() in shown  # the paste was echoed
    assert SENTINEL_SECRET[:8].encode() not in shown + out
    assert b"HMAC      does NOT match the secret from the prompt" in out
    assert b"LINE_BREAKS" in out  # the whole wrapped token, not its first line
    assert process.returncode == 1


TAKE_THE_TERMINAL = """
import fcntl, os, runpy, sys, termios
os.setsid()
fcntl.ioctl(0, termios.TIOCSCTTY, 0)  # standard input is the terminal getpass opens
sys.argv = sys.argv[1:]
runpy.run_module("zoomsig", run_name="__main__", alter_sys=True)
"""
"""``python -m zoomsig`` in a session of its own whose controlling terminal is stdin."""


@pytest.mark.parametrize(
    ("text", "complete"),
    [
        (TOKEN + "\n", True),
        (WRAPPED_TOKEN.split("\n")[0] + "\n", False),
        ("\n".join(WRAPPED_TOKEN.split("\n")[:-1]) + "\n", False),
        (WRAPPED_TOKEN + "\n", True),
        ("{\n", False),
        ('{\n  "signature": "a}b{\\"",\n', False),
        ('{\n  "signature": "a}b{\\"",\n  "x": [1, {"y": 2}]\n}\n', True),
        ("[\n", False),
        ('"' + TOKEN[:100] + "\n", False),
        ('"' + TOKEN + '"\n', True),
        (f"https://example.com/join?signature={TOKEN}&role=0\n", True),
        (f"Authorization: Bearer {TOKEN[:50]}\n", False),
        ("not a token at all\n", True),
        ("   \n", False),
    ],
)
def test_when_a_paste_is_complete(text: str, complete: bool) -> None:
    from zoomsig.cli._paste import is_complete

    assert is_complete(text) is complete


# --- verdicts ---------------------------------------------------------------------------


def _check(*argv: str, secret: Optional[str] = None) -> subprocess.CompletedProcess[str]:
    env = _environment(**({"ZOOM_SDK_SECRET": secret} if secret else {}))
    return subprocess.run(
        [sys.executable, "-m", "zoomsig", "check", *argv],
        capture_output=True, text=True, env=env, timeout=60, check=False,
    )  # fmt: skip


def test_check_without_a_secret_said_ok_although_the_hmac_was_not_checked() -> None:
    done = _check(TOKEN, "--meeting", MEETING, "--role", "0", "--now", LATER)
    assert done.returncode == 3
    assert "Verdict   UNVERIFIED: well-formed Meeting SDK signature; 0 errors" in done.stdout
    assert "OK" not in done.stdout
    as_json = _check(TOKEN, "--json", "--now", LATER)
    assert as_json.returncode == 3
    assert json.loads(as_json.stdout)["signature_verified"] is None


def test_check_with_the_secret_is_still_ok() -> None:
    done = _check(TOKEN, "--now", LATER, secret=SDK_SECRET)
    assert done.returncode == 0
    assert "Verdict   OK: Meeting SDK signature; 0 errors, 0 warnings" in done.stdout


def test_good_token_pasted_inside_a_url_was_invalid() -> None:
    done = _check(
        f"https://example.com/join?role=0&signature={TOKEN}", "--now", LATER, secret=SDK_SECRET
    )
    assert done.returncode == 0
    assert "Verdict   OK: Meeting SDK signature, inside a URL; 0 errors, 1 warning" in done.stdout
    assert "warning  IN_URL" in done.stdout
    assert "join() fails if given the whole URL" in " ".join(done.stdout.split())
    strict = _check(
        f"https://example.com/join?signature={TOKEN}", "--strict", "--now", LATER, secret=SDK_SECRET
    )
    assert strict.returncode == 1


@pytest.mark.parametrize("pasted", ["{", "hello world", "a.b.c", '"signature": "eyJ'])
def test_hmac_does_not_match_was_said_of_input_that_is_not_a_token(pasted: str) -> None:
    done = _check(pasted, "--now", LATER, secret=SDK_SECRET)
    assert done.returncode == 1
    assert "does NOT match" not in done.stdout
    assert "HMAC      not checked (the input is not a token)" in done.stdout


# --- words from Python ------------------------------------------------------------------


def test_other_secret_error_named_the_python_argument(tmp_path: Path) -> None:
    env_done = subprocess.run(
        [sys.executable, "-m", "zoomsig", "check", TOKEN, "--other-secret-env", "MY_S2S"],
        capture_output=True, text=True, env=_environment(MY_S2S="abc"), timeout=60, check=False,
    )  # fmt: skip
    assert env_done.returncode == 2
    assert "other_secrets" not in env_done.stderr
    assert "--other-secret-env: the variable 'MY_S2S' has 3 characters" in env_done.stderr
    path = tmp_path / "other"
    path.write_text("x\n", encoding="utf-8")
    file_done = _check(TOKEN, "--other-secret-file", str(path))
    assert "other_secrets" not in file_done.stderr
    assert "--other-secret-file: the file #1 has 1 character;" in file_done.stderr


def test_signed_with_other_secret_named_the_python_argument() -> None:
    token = sign_meeting_sdk(
        sdk_key=SDK_KEY, sdk_secret=SENTINEL_SECRET, meeting_number=MEETING, role=0, now=NOW
    )
    done = subprocess.run(
        [sys.executable, "-m", "zoomsig", "check", token, "--now", LATER,
         "--other-secret-env", "MY_S2S"],
        capture_output=True, text=True, timeout=60, check=False,
        env=_environment(MY_S2S=SENTINEL_SECRET, ZOOM_SDK_SECRET=SDK_SECRET),
    )  # fmt: skip
    assert "SIGNED_WITH_OTHER_SECRET" in done.stdout
    assert "other_secrets" not in done.stdout
    assert "the other secret you named 'MY_S2S'" in " ".join(done.stdout.split())


def test_messages_said_1_characters() -> None:
    """'(1 characters': every message that counts characters says '1 character'."""
    from zoomsig import diagnose_webhook
    from zoomsig._secrecy import describe

    messages = [describe("\U0010ffff")]
    cut = decode_and_validate(TOKEN.rsplit(".", 1)[0] + ".x", now=NOW)
    messages += [f.message for f in cut.findings]
    webhook = diagnose_webhook(
        {"x-zm-signature": "v0=a", "x-zm-request-timestamp": str(NOW)}, b"{}",
        secret_token=SDK_SECRET, now=NOW,
    )  # fmt: skip
    messages += [f.message for f in webhook.findings]
    done = _check(TOKEN, "--now", LATER, secret="abc")
    messages.append(done.stderr)
    text = "\n".join(messages)
    assert " 1 characters" not in text
    assert " 1 bytes" not in text
    assert text.count(" 1 character") >= 3, text
