"""The command line for a person at 2 a.m. and for CI (issues 13, 9 and 12).

Each test is named after what happened to someone. They run ``zoomsig.cli.main(argv)`` with
the real engine (fast), and the important ones also through ``python -m zoomsig`` in a fresh
process. A sentinel secret proves that nothing of a secret is ever printed: no run of
8 characters of it, raw or escaped.
"""

from __future__ import annotations

import base64
import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote

import pytest
from _cli import Result, Terminal, clean_environment, set_credentials
from _support import NOW, SDK_KEY, SDK_SECRET, SENTINEL_SECRET

from zoomsig import Role, sign_meeting_sdk
from zoomsig.cli import main

MEETING = "85746065432"
TOKEN = sign_meeting_sdk(
    sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number=MEETING, role=0, now=NOW
)
LATER = str(NOW + 60)
ESC = "\033["


def runs_of(secret: str, size: int = 8) -> set[str]:
    """Every run of ``size`` characters of ``secret``, raw and JSON-escaped."""
    forms = {secret, json.dumps(secret)[1:-1], quote(secret, safe="")}
    return {form[i : i + size] for form in forms for i in range(len(form) - size + 1)}


def assert_nothing_of(secret: str, text: str) -> None:
    leaked = sorted(run for run in runs_of(secret) if run in text)
    assert not leaked, f"{len(leaked)} runs of the secret printed, e.g. {leaked[0][:2]}…"


@pytest.fixture(autouse=True)
def _clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    clean_environment(monkeypatch)


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Any:
    def _run(*argv: str, stdin: Optional[io.StringIO] = None, tty: bool = False) -> Result:
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", stdin)
        stdout = Terminal() if tty else None
        if stdout is not None:
            monkeypatch.setattr(sys, "stdout", stdout)
        code = main(list(argv))
        out, err = capsys.readouterr()
        return Result(code, stdout.getvalue() if stdout is not None else out, err)

    return _run


@pytest.fixture
def creds(monkeypatch: pytest.MonkeyPatch) -> None:
    set_credentials(monkeypatch)


def python_m_zoomsig(
    *argv: str, env: Optional[dict[str, str]] = None, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    """``python -m zoomsig ARGV`` in a fresh interpreter, without the caller's ZOOM_*."""
    base = {k: v for k, v in os.environ.items() if not k.startswith(("ZOOM_", "NO_COLOR"))}
    base.update({"COLUMNS": "80", **(env or {})})
    return subprocess.run(
        [sys.executable, "-m", "zoomsig", *argv],
        input=stdin, capture_output=True, text=True, env=base, timeout=60, check=False,
    )  # fmt: skip


# --- pasting at a terminal --------------------------------------------------------------


def test_check_dash_on_a_terminal_prompts_for_the_token(run: Any, creds: None) -> None:
    result = run("check", "-", "--now", LATER, stdin=Terminal(TOKEN + "\n"))
    assert result.code == 0, result.out
    from zoomsig.cli._paste import PROMPT

    assert result.err == PROMPT
    assert "OK: Meeting SDK signature" in result.out
    assert "from the prompt" in result.out


def test_check_prompt_then_secret_prompt_on_the_same_terminal(
    run: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both from the terminal: the token pasted (shown), then the secret (not shown)."""
    asked: list[str] = []

    def fake_getpass(prompt: str) -> str:
        asked.append(prompt)
        return SENTINEL_SECRET

    import getpass

    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    result = run("check", "--secret-stdin", "--json", stdin=Terminal(TOKEN + "\n"))
    assert asked == ["Zoom SDK secret (not shown): "]
    assert result.code == 1
    assert json.loads(result.out)["signature_verified"] is False
    assert_nothing_of(SENTINEL_SECRET, result.both)


def test_check_prompt_with_nothing_pasted_is_empty(run: Any) -> None:
    result = run("check", stdin=Terminal(""))
    assert result.code == 1
    assert "EMPTY" in result.out


# --- a token inside a URL ---------------------------------------------------------------


@pytest.mark.parametrize(
    "pasted",
    [
        f"https://example.com/meeting/join?mn={MEETING}&signature={TOKEN}",
        f"https://example.com/meeting/join?signature={quote(TOKEN, safe='')}&role=0",
        f"signature={TOKEN}&role=0",
        f"?role=0&sdkJWT={TOKEN}",
    ],
)
def test_check_a_url_copied_from_the_address_bar(run: Any, creds: None, pasted: str) -> None:
    result = run("check", pasted, "--meeting", MEETING, "--role", "0", "--now", LATER)
    assert result.code == 0  # the token inside is good (issue 19): IN_URL is a warning
    assert "OK: Meeting SDK signature, inside a URL; 0 errors, 1 warning" in result.out
    assert "IN_URL" in result.out
    assert "the signature came in a URL or query string" in result.out
    assert "MALFORMED" not in result.out
    assert "HMAC      matches the secret" in result.out  # the token inside was read


def test_check_a_url_through_python_dash_m() -> None:
    done = python_m_zoomsig(
        "check", "--json", "--now", LATER,
        env={"ZOOM_SDK_SECRET": SDK_SECRET},
        stdin=f"https://example.com/join?signature={TOKEN}\n",
    )  # fmt: skip
    report = json.loads(done.stdout)
    assert done.returncode == 0
    assert [f["code"] for f in report["findings"]] == ["IN_URL"]
    assert report["signature_verified"] is True


# --- gates for CI -----------------------------------------------------------------------


def _expiring_soon() -> str:
    """A good token with five minutes left: EXPIRES_SOON, a warning."""
    return sign_meeting_sdk(
        sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number=MEETING, role=0, now=NOW,
        expires_in=1800,
    )  # fmt: skip


def test_strict_fails_on_warnings(run: Any, creds: None) -> None:
    token, late = _expiring_soon(), str(NOW + 1800 - 30 - 120)
    relaxed = run("check", token, "--now", late, "--json")
    codes = {f["code"]: f["severity"] for f in json.loads(relaxed.out)["findings"]}
    assert "WARNING" in codes.values()
    assert "ERROR" not in codes.values()
    assert relaxed.code == 0
    strict = run("check", token, "--now", late, "--strict")
    assert strict.code == 1
    assert "Verdict   INVALID:" in strict.out
    assert "warnings (--strict)\n" in strict.out
    assert run("check", TOKEN, "--now", LATER, "--strict").code == 0  # no warning: passes


def test_require_verified_without_a_secret_is_a_usage_error(run: Any) -> None:
    result = run("check", TOKEN, "--require-verified", "--now", LATER)
    assert (result.code, result.out) == (2, "")
    assert "--require-verified needs the secret" in result.err


def test_require_verified_passes_only_a_matching_hmac(
    run: Any, creds: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert run("check", TOKEN, "--require-verified", "--now", LATER).code == 0
    assert run("check", "not-a-token-at-all-just-words", "--require-verified").code == 1
    monkeypatch.setenv("ZOOM_SDK_SECRET", SENTINEL_SECRET)
    wrong = run("check", TOKEN, "--require-verified", "--now", LATER)
    assert wrong.code == 1
    assert_nothing_of(SENTINEL_SECRET, wrong.both)


@pytest.mark.parametrize(
    ("verified", "strict", "require", "status"),
    [
        (None, False, False, 3), (None, False, True, 1), (False, False, True, 1),
        (True, False, True, 0), (True, True, True, 0),
    ],
)  # fmt: skip
def test_status_of_a_report_without_errors(
    verified: Optional[bool], strict: bool, require: bool, status: int
) -> None:
    import argparse

    from zoomsig import Report, TokenKind
    from zoomsig.cli._check import status_of

    args = argparse.Namespace(strict=strict, require_verified=require)
    assert status_of(Report(TokenKind.MEETING_SDK, signature_verified=verified), args) == status


def test_gates_through_python_dash_m() -> None:
    env = {"ZOOM_SDK_SECRET": SDK_SECRET}
    late = str(NOW + 1800 - 30 - 120)
    assert python_m_zoomsig("check", _expiring_soon(), "--now", late, env=env).returncode == 0
    strict = python_m_zoomsig("check", _expiring_soon(), "--now", late, "--strict", env=env)
    assert strict.returncode == 1
    assert python_m_zoomsig("check", TOKEN, "--require-verified").returncode == 2


# --- colour -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "argv", "tty", "coloured"),
    [
        ({}, [], True, True),
        ({}, [], False, False),
        ({"FORCE_COLOR": "1"}, [], False, True),
        ({"CLICOLOR_FORCE": "1"}, [], False, True),
        ({"CLICOLOR_FORCE": "0"}, [], False, False),
        ({"TERM": "dumb"}, [], True, False),
        ({"CLICOLOR": "0"}, [], True, False),
        ({"NO_COLOR": "1", "FORCE_COLOR": "1"}, [], True, False),  # NO_COLOR wins, as in CPython
        ({}, ["--color=always"], False, True),
        ({"NO_COLOR": "1", "TERM": "dumb"}, ["--color", "always"], True, True),  # the flag wins
        ({"FORCE_COLOR": "1"}, ["--color=never"], True, False),
        ({}, ["--colour=never"], True, False),
        ({"FORCE_COLOR": "1"}, ["--json"], True, False),  # JSON is never coloured
        ({}, ["--json", "--color=always"], True, False),
    ],
)
def test_colour_follows_flag_environment_and_terminal(
    run: Any,
    monkeypatch: pytest.MonkeyPatch,
    env: dict[str, str],
    argv: list[str],
    tty: bool,
    coloured: bool,
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = run("check", TOKEN, "--now", LATER, *argv, tty=tty)
    assert (ESC in result.out) is coloured


def test_demo_colour_flag(run: Any) -> None:
    assert ESC in run("demo", "--color=always").out
    assert ESC not in run("demo", "--color=never", tty=True).out


def test_force_color_through_python_dash_m() -> None:
    done = python_m_zoomsig("check", TOKEN, "--now", LATER, env={"FORCE_COLOR": "1"})
    assert f"{ESC}31;1mINVALID" not in done.stdout
    assert ESC in done.stdout


# --- help and usage errors --------------------------------------------------------------


def test_check_help_shows_checks_own_examples(run: Any) -> None:
    result = run("check", "--help")
    assert result.code == 0
    examples = result.out.split("examples:", 1)[1]
    assert "zoomsig check -" in examples
    assert "--strict --require-verified" in examples
    assert "zoomsig sign" not in examples
    assert result.out.startswith("usage: zoomsig check ")


@pytest.mark.parametrize("argv", [["--help"], ["check", "--help"], ["sign", "meeting", "--help"]])
def test_help_fits_80_columns(run: Any, argv: list[str]) -> None:
    assert all(len(line) <= 80 for line in run(*argv).out.splitlines())


def test_bare_zoomsig_prints_the_help(run: Any) -> None:
    """Like ruff: the whole help, on standard error, exit status 2 (nothing was done)."""
    result = run()
    assert (result.code, result.out) == (2, "")
    assert result.err.startswith("usage: zoomsig ")
    assert "examples:" in result.err
    assert "check     diagnose a signature" in result.err
    done = python_m_zoomsig()
    assert (done.returncode, done.stdout) == (2, "")
    assert "examples:" in done.stderr


def test_bare_sign_prints_signs_help(run: Any) -> None:
    result = run("sign")
    assert result.code == 2
    assert result.err.startswith("usage: zoomsig sign ")
    assert "zoomsig sign meeting --meeting" in result.err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["check", TOKEN, "--bogus"], "unrecognized arguments: --bogus"),
        (["check", TOKEN, "extra-value"], "unrecognized arguments: 1 other value(s), not shown"),
        (["check", TOKEN, "--role", "admin"], "argument --role: expected 0, 1"),
        (["check", "--color=purple"], "argument --color"),
    ],
)
def test_check_errors_print_checks_usage_line(run: Any, argv: list[str], message: str) -> None:
    result = run(*argv)
    assert (result.code, result.out) == (2, "")
    first, *_, last = result.err.splitlines()
    assert first.startswith("usage: zoomsig check ")
    assert last.startswith("zoomsig check: error: ")
    assert message in last


@pytest.mark.parametrize(
    ("argv", "message", "usage"),
    [
        (["check", TOKEN, "--json", "--bogus"], "unrecognized arguments: --bogus", "check"),
        (["check", "--json", "--role", "admin"], "argument --role", "check"),
        (["check", TOKEN, "--json", "--require-verified"], "needs the secret", ""),
        (["sign", "meeting", "--json"], "no key", ""),
        (["sign", "meeting", "--json", "--expires-in", "soon"], "invalid int", "sign meeting"),
    ],
)
def test_json_usage_errors_are_json(run: Any, argv: list[str], message: str, usage: str) -> None:
    result = run(*argv)
    assert (result.code, result.err) == (2, "")
    error = json.loads(result.out)
    assert error["ok"] is False
    assert error["error"] == "usage"
    assert error["exit_status"] == 2
    assert message in error["message"]
    assert error["usage"].startswith(f"usage: zoomsig {usage}".rstrip()) or not usage


def test_json_usage_error_through_python_dash_m() -> None:
    done = python_m_zoomsig("check", "--json", "--secret", SENTINEL_SECRET)
    assert (done.returncode, done.stderr) == (2, "")
    error = json.loads(done.stdout)
    assert "Secrets are never command-line arguments" in error["message"]
    assert_nothing_of(SENTINEL_SECRET, done.stdout)


def test_json_after_double_dash_is_a_token_not_the_flag(run: Any) -> None:
    result = run("check", "--bogus", "--", "--json")
    assert result.code == 2
    assert result.out == ""  # not JSON: --json came after "--"


# --- the secret file with trailing whitespace (docs/cli.md) -----------------------------


@pytest.mark.parametrize("content", [SDK_SECRET + " \n", SDK_SECRET + "\n\n", " " + SDK_SECRET])
def test_check_secret_file_with_other_whitespace_is_diagnosed(
    run: Any, tmp_path: Path, content: str
) -> None:
    """As docs/cli.md says: check keeps it and reports SECRET_HAS_WHITESPACE; sign refuses."""
    path = tmp_path / "secret"
    path.write_bytes(content.encode())
    checked = run("check", TOKEN, "--secret-file", str(path), "--now", LATER, "--json")
    assert checked.code == 1
    codes = [f["code"] for f in json.loads(checked.out)["findings"]]
    assert "SECRET_HAS_WHITESPACE" in codes
    signed = run("sign", "meeting", "--sdk-key", SDK_KEY, "--secret-file", str(path))
    assert signed.code == 2
    assert "leading or trailing whitespace" in signed.err
    assert_nothing_of(SDK_SECRET, checked.both + signed.both)


# --- issue 9: nothing of the secret, nothing raw from the token -------------------------


def _wrapped_secrets(secret: str) -> list[str]:
    return [
        secret,
        secret + "\n",
        f"{secret}.{secret}.{secret}",
        "eyJhbGciOiJIUzI1NiJ9." + secret + ".abc",
        "Bearer " + secret,
        json.dumps({"signature": secret}),
        quote(secret, safe=""),
        secret[:16] + "\n" + secret[16:],
        "x" + secret,
        secret[:12],
        f"https://example.com/join?signature={secret}",
    ]


@pytest.mark.parametrize("index", range(len(_wrapped_secrets(SENTINEL_SECRET))))
@pytest.mark.parametrize("mode", [[], ["--json"]])
def test_check_never_echoes_the_secret_given_as_the_token(
    run: Any, monkeypatch: pytest.MonkeyPatch, index: int, mode: list[str]
) -> None:
    """``ZOOM_SDK_SECRET=S zoomsig check S`` printed ``Token SENTINEL-s3c…``."""
    monkeypatch.setenv("ZOOM_SDK_SECRET", SENTINEL_SECRET)
    token = _wrapped_secrets(SENTINEL_SECRET)[index]
    result = run("check", *mode, "--meeting", MEETING, stdin=io.StringIO(token))
    assert result.code == 1
    assert_nothing_of(SENTINEL_SECRET, result.both)
    argument = run("check", token, *mode)
    assert_nothing_of(SENTINEL_SECRET, argument.both)


def test_check_secret_token_through_python_dash_m() -> None:
    done = python_m_zoomsig("check", SENTINEL_SECRET, env={"ZOOM_SDK_SECRET": SENTINEL_SECRET})
    assert done.returncode == 1
    assert "Token     (not shown: it holds the secret)" in done.stdout
    assert_nothing_of(SENTINEL_SECRET, done.stdout + done.stderr)


def _b64(value: object) -> str:
    raw = json.dumps(value, ensure_ascii=False).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


HOSTILE = "\u202eevil\u009b2J\u2066x\u200b\x1b]0;t\x07\u0085\u2028"
"""Bidi override and isolate, C1 CSI and NEL, zero-width space, OSC title, line separator."""


def test_check_escapes_c1_and_bidi_controls_from_the_token(run: Any) -> None:
    header = {"alg": "HS256", "typ": "JWT", "kid": HOSTILE}
    claims = {"appKey": SDK_KEY, "mn": HOSTILE, "role": 0, HOSTILE: HOSTILE}
    token = f"{_b64(header)}.{_b64(claims)}.{'A' * 43}"
    shown = run("check", token, "--topic", HOSTILE)
    compared = run("check", token, "--meeting", HOSTILE)
    assert (shown.code, compared.code) == (1, 1)
    for char in "\u202e\u009b\u2066\u200b\x1b\x07\u0085\u2028":
        assert char not in shown.both + compared.both, f"U+{ord(char):04X} written raw"
    assert 'Header    {"alg": "HS256", "typ": "JWT", "kid": "\\u202eevil\\x9b2J' in shown.out
    assert "\\u202eevil\\x9b2J\\u2066x\\u200b" in shown.out.split("Claims", 1)[1]
    assert "Expected  topic '\\u202eevil" in shown.out
    assert "Expected  meeting \\u202eevil" in compared.out


def test_check_escapes_hostile_claims_through_python_dash_m() -> None:
    claims = {"appKey": SDK_KEY, "mn": MEETING, "role": 0, "x": HOSTILE}
    token = f"{_b64({'alg': 'HS256', 'typ': 'JWT'})}.{_b64(claims)}.{'A' * 43}"
    done = python_m_zoomsig("check", token, env={"PYTHONIOENCODING": "utf-8"})
    assert done.returncode == 1
    assert "\u202e" not in done.stdout
    assert "\u009b" not in done.stdout
    assert '"\\u202eevil\\x9b2J' in done.stdout


# --- issue 12: what each command imports ------------------------------------------------


def _modules_after(argv: list[str]) -> set[str]:
    code = (
        "import sys, io\n"
        "from zoomsig.cli import main\n"
        "sys.stdout = io.StringIO()\n"
        f"status = main({argv!r})\n"
        "sys.stdout = sys.__stdout__\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("ZOOM_")}
    env.update({"ZOOM_SDK_KEY": SDK_KEY, "ZOOM_SDK_SECRET": SDK_SECRET})
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True,
        timeout=60,
    )  # fmt: skip
    return set(done.stdout.split())


def test_version_imports_neither_engine_signers_nor_metadata() -> None:
    modules = _modules_after(["--version"])
    assert "zoomsig.cli._app" in modules
    unwanted = {"zoomsig.diagnose", "zoomsig.meeting_sdk", "zoomsig._jws", "importlib.metadata"}
    assert not unwanted & modules
    assert "zoomsig.cli._output" not in modules


def test_sign_does_not_import_the_diagnosis_engine() -> None:
    modules = _modules_after(["sign", "meeting", "--meeting", MEETING, "--role", "0"])
    assert "zoomsig.meeting_sdk" in modules
    assert "zoomsig.diagnose._engine" not in modules
    assert "zoomsig.video_sdk" not in modules


def test_check_imports_the_engine() -> None:
    assert "zoomsig.diagnose._engine" in _modules_after(["check", TOKEN])


def test_version_is_the_package_metadata() -> None:
    from importlib import metadata

    import zoomsig

    assert zoomsig.__version__ == metadata.version("zoomsig")
    done = python_m_zoomsig("--version")
    assert done.stdout == f"zoomsig {metadata.version('zoomsig')}\n"


def test_role_option_still_parses_to_role(run: Any, creds: None) -> None:
    """The light argument types return the library's enums."""
    from zoomsig.cli import _args

    assert _args.role("host") is Role.HOST


# --- join options and other secrets (from the environment or files, never argv) ---------

WEBHOOK_SECRET = "SENTINEL-webhook-NEVER-PRINT-77x"


def test_check_names_the_other_secret_that_signed(
    run: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The backend signed with the webhook secret token: check says which, shows none."""
    token = sign_meeting_sdk(
        sdk_key=SDK_KEY, sdk_secret=WEBHOOK_SECRET, meeting_number=MEETING, role=0, now=NOW
    )
    monkeypatch.setenv("ZOOM_SDK_SECRET", SENTINEL_SECRET)
    monkeypatch.setenv("ZOOM_WEBHOOK_SECRET_TOKEN", WEBHOOK_SECRET)
    by_env = run("check", token, "--now", LATER, "--other-secret-env", "ZOOM_WEBHOOK_SECRET_TOKEN")
    assert by_env.code == 1
    assert "SIGNED_WITH_OTHER_SECRET" in by_env.out
    assert "'ZOOM_WEBHOOK_SECRET_TOKEN'" in by_env.out
    path = tmp_path / "webhook.txt"
    path.write_bytes(WEBHOOK_SECRET.encode() + b"\n")
    by_file = run("check", token, "--json", "--other-secret-file", str(path), "--now", LATER)
    finding = json.loads(by_file.out)["findings"][0]
    assert finding["code"] == "SIGNED_WITH_OTHER_SECRET"
    assert "--other-secret-file #1" in finding["message"]
    for result in (by_env, by_file):
        assert_nothing_of(SENTINEL_SECRET, result.both)
        assert_nothing_of(WEBHOOK_SECRET, result.both)


def test_check_other_secret_env_that_is_not_set(run: Any) -> None:
    result = run("check", TOKEN, "--other-secret-env", "NOT_SET_ANYWHERE")
    assert result.code == 2
    assert (
        "--other-secret-env: the environment variable 'NOT_SET_ANYWHERE' is not set" in result.err
    )


def test_check_zak_and_obf_token_from_file_and_environment(
    run: Any, creds: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Both given (Web SDK error 3636): ZAK_AND_OBF_TOKEN; neither value is shown."""
    zak = sign_meeting_sdk(sdk_key=SDK_KEY, sdk_secret=WEBHOOK_SECRET, now=NOW)  # not Zoom's
    path = tmp_path / "zak"
    path.write_bytes(zak.encode() + b"\n")
    monkeypatch.setenv("ZOOM_OBF_TOKEN", zak)
    result = run("check", TOKEN, "--zak-file", str(path), "--now", LATER, "--json")
    codes = [f["code"] for f in json.loads(result.out)["findings"]]
    assert "ZAK_AND_OBF_TOKEN" in codes
    assert result.code == 1
    assert zak[:40] not in result.both
    unreadable = run("check", TOKEN, "--zak-file", str(tmp_path / "missing"))
    assert unreadable.code == 2
    assert "cannot read the file given to --zak-file" in unreadable.err


# --- zoomsig explain --------------------------------------------------------------------


def test_explain_3712(run: Any) -> None:
    from zoomsig import explain_error

    result = run("explain", "3712")
    entry = explain_error(3712)
    assert result.code == 0
    lines = result.out.splitlines()
    assert lines[0] == f"Zoom error 3712: {entry.meaning}"
    assert "Causes    1. " in result.out
    assert "Look for  SIGNATURE_MISMATCH" in result.out
    flat = " ".join(result.out.split())
    assert " ".join(entry.fix.split()) in flat
    assert all(cause in flat for cause in (" ".join(c.split()) for c in entry.causes))
    assert all(len(line) <= 80 for line in lines)


def test_explain_4011_json_is_the_table_entry() -> None:
    from zoomsig import explain_error

    done = python_m_zoomsig("explain", "4011", "--json")
    assert done.returncode == 0
    assert json.loads(done.stdout) == explain_error(4011).to_dict()


def test_explain_unknown_code_answers_and_exits_1(run: Any) -> None:
    result = run("explain", "1234")
    assert result.code == 1
    assert result.out.startswith("Zoom error 1234: zoomsig has no entry")
    as_json = run("explain", "1234", "--json")
    assert (as_json.code, json.loads(as_json.out)["known"]) == (1, False)


@pytest.mark.parametrize("code", ["abc", "-1", "37.12", "1" * 12])
def test_explain_not_a_code_is_a_usage_error(run: Any, code: str) -> None:
    result = run("explain", code)
    assert result.code == 2
    assert "usage: zoomsig explain" in result.err
    as_json = run("explain", code, "--json")
    assert as_json.code == 2
    assert json.loads(as_json.out)["error"] == "usage"


def test_explain_without_a_code_lists_the_table(run: Any) -> None:
    from zoomsig import ERROR_CODES

    result = run("explain")
    assert result.code == 0
    for code in ERROR_CODES:
        assert f"{code:>6}  " in result.out
    listed = json.loads(run("explain", "--json").out)
    assert [entry["code"] for entry in listed] == list(ERROR_CODES)


# --- property: whatever the token, check prints no run of the secret ----------------------

from hypothesis import given, settings  # noqa: E402 - kept beside the one test that uses it
from hypothesis import strategies as st  # noqa: E402

_PIECES = st.sampled_from(
    [
        SENTINEL_SECRET, SENTINEL_SECRET[:8], SENTINEL_SECRET[5:20], SENTINEL_SECRET[-9:],
        quote(SENTINEL_SECRET, safe=""), json.dumps(SENTINEL_SECRET), ".", "eyJ", "%2B", " ",
        "\n", "signature=", "https://x.test/j?token=", "{\"signature\": \"", "\"}", "Bearer ",
        "\u202e", "\u009b", "\\", TOKEN[:40], "=",
    ]
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(pieces=st.lists(_PIECES, min_size=1, max_size=6), as_json=st.booleans())
def test_check_output_never_holds_a_run_of_the_secret(pieces: list[str], as_json: bool) -> None:
    token = "".join(pieces)
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr, sys.stdin, os.environ.get("ZOOM_SDK_SECRET")
    sys.stdout, sys.stderr, sys.stdin = out, err, io.StringIO(token)
    os.environ["ZOOM_SDK_SECRET"] = SENTINEL_SECRET
    try:
        code = main(["check", "--now", LATER, *(["--json"] if as_json else [])])
    finally:
        sys.stdout, sys.stderr, sys.stdin = saved[:3]
        if saved[3] is None:
            os.environ.pop("ZOOM_SDK_SECRET", None)
        else:
            os.environ["ZOOM_SDK_SECRET"] = saved[3]
    assert code in (0, 1)
    assert_nothing_of(SENTINEL_SECRET, out.getvalue() + err.getvalue())


def test_zak_file_that_is_not_utf8(run: Any, tmp_path: Path) -> None:
    path = tmp_path / "zak"
    path.write_bytes(b"\xff\xfe" + "zak".encode("utf-16-le"))
    result = run("check", TOKEN, "--zak-file", str(path))
    assert result.code == 2
    assert "the file given to --zak-file is not UTF-8 text" in result.err


def test_secret_repr_hides_the_value() -> None:
    from zoomsig.cli._secrets import Secret

    assert repr(Secret(SENTINEL_SECRET, "--secret-file")) == "Secret(source='--secret-file')"


def test_astral_invisible_characters_are_escaped_in_full() -> None:
    from zoomsig.cli._output import safe

    assert safe("a\U000e0001b\u202e") == "a\\U000e0001b\\u202e"  # LANGUAGE TAG, RLO


def test_lazy_package_lists_every_public_name() -> None:
    import zoomsig

    assert set(zoomsig.__all__) <= set(dir(zoomsig))
    for name in zoomsig.__all__:  # each resolves: a new name needs its line in _WHERE
        assert getattr(zoomsig, name) is not None, name
    assert set(zoomsig._WHERE) == set(zoomsig.__all__) - {"__version__"}
    with pytest.raises(AttributeError, match="no attribute 'sign_meeting'"):
        zoomsig.sign_meeting  # type: ignore[attr-defined]  # noqa: B018


@pytest.mark.usefixtures("creds")
@pytest.mark.parametrize(
    ("argv", "spelt"),
    [
        (["meeting", "--credential-type", "server-to-server-oauth"], "meeting-sdk or general-app"),
        (["video", "--topic", "t", "--role", "0", "--credential-type", "meeting-sdk"], "video-sdk"),
    ],
)
def test_credential_type_refusal_names_the_types_as_typed_not_the_python_enum(
    run: Any, argv: list[str], spelt: str
) -> None:
    result = run("sign", *argv, "--now", str(NOW))
    assert result.code == 2
    assert "CredentialType." not in result.err
    assert f"the key and secret of {spelt}." in result.err


def test_cli_docs_name_every_subcommand() -> None:
    from zoomsig.cli import _app

    docs = (Path(__file__).parent.parent / "docs" / "cli.md").read_text(encoding="utf-8")
    words = {4: "four", 5: "five", 6: "six", 7: "seven"}
    assert f"with\n{words[len(_app.COMMANDS)]} subcommands:" in docs
    table = docs.split("| command | does |", 1)[1].split("\n\n", 1)[0]
    for command in _app.COMMANDS:
        name = command.__name__.rsplit("._", 1)[1]
        assert f"| `zoomsig {name}" in table
