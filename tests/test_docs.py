"""The documentation stays complete and true.

The ``>>>`` examples in ``docs/*.md`` run as doctests (pytest's ``--doctest-glob=*.md``).
These tests check what doctests cannot: that every finding code has an entry with the
severity, title and fix the code defines; that the API reference names every public name;
that every option of the command line is documented; and that the shell sessions on the
command-line page print what they say. None of them needs Sphinx.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import zoomsig
from zoomsig import FindingCode
from zoomsig.cli import _build_parser
from zoomsig.diagnose.codes import CODE_INFO

DOCS = Path(__file__).resolve().parent.parent / "docs"
FINDING_CODES = DOCS / "finding-codes.md"
DOCS_KEY = "demoClientId123"
DOCS_SECRET = "demo-secret-for-the-docs-0000032"
"""The fake credentials every page uses."""


def _code_sections() -> dict[str, str]:
    """``### CODE`` heading -> the section's text, for every level-3 heading of the page."""
    text = FINDING_CODES.read_text(encoding="utf-8")
    parts = re.split(r"^### (.+)$", text, flags=re.MULTILINE)
    sections: dict[str, str] = {}
    for heading, body in zip(parts[1::2], parts[2::2]):
        assert heading not in sections, f"{heading} has two entries"
        sections[heading.strip()] = body.split("\n## ", 1)[0]
    return sections


def _paragraph_after(label: str, body: str) -> str:
    """The paragraph that starts with ``label``, label removed, whitespace joined."""
    match = re.search(rf"^{re.escape(label)} (.+?)(?:\n\n|\Z)", body, flags=re.MULTILINE | re.S)
    assert match, f"no {label!r} paragraph"
    return " ".join(match.group(1).split())


def test_every_finding_code_has_exactly_one_entry() -> None:
    assert sorted(_code_sections()) == sorted(code.value for code in FindingCode)


@pytest.mark.parametrize("code", list(FindingCode), ids=lambda code: code.value)
def test_finding_code_entry_matches_code_info(code: FindingCode) -> None:
    body = _code_sections()[code.value]
    info = CODE_INFO[code]
    first = body.strip().splitlines()[0]
    assert first == f"**{info.severity.value.lower()}** · {info.title}"
    assert _paragraph_after("**Fix:**", body) == info.fix
    assert "*Real example:*" in body
    # The example runs (it is a doctest) and shows this very finding.
    assert re.search(rf'^(>>>|\.\.\.) .*"{code.value}"', body, flags=re.MULTILINE)
    assert re.search(rf"^{info.severity.value.lower()} {code.value}\b", body, flags=re.MULTILINE), (
        "the example's expected output does not show the finding"
    )


def test_api_reference_names_every_public_name() -> None:
    api = (DOCS / "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"^\.\. auto\w+:: zoomsig\.(\w+)$", api, flags=re.MULTILINE))
    assert documented == set(zoomsig.__all__) - {"__version__"}


def test_every_page_is_in_a_toctree_and_exists() -> None:
    index = (DOCS / "index.md").read_text(encoding="utf-8")
    listed: list[str] = []
    for block in re.findall(r"```\{toctree\}\n(.*?)```", index, flags=re.S):
        listed += [line.strip() for line in block.splitlines() if line.strip() and ":" not in line]
    pages = {path.stem for path in DOCS.glob("*.md")} - {"index"}
    assert sorted(listed) == sorted(pages)
    assert len(listed) == len(set(listed))


def _slug(heading: str) -> str:
    """MyST's (GitHub's) heading anchor."""
    text = re.sub(r"[^\w\- ]", "", heading.strip().lower().replace("`", ""))
    return text.replace(" ", "-")


def test_links_between_pages_point_at_existing_headings() -> None:
    anchors = {
        path.name: {
            _slug(heading)
            for heading in re.findall(
                r"^#{1,3} (.+)$", path.read_text(encoding="utf-8"), flags=re.MULTILINE
            )
        }
        for path in DOCS.glob("*.md")
    }
    for path in DOCS.glob("*.md"):
        text = path.read_text(encoding="utf-8")
        for page, anchor in re.findall(r"\]\(([\w-]+\.md)?#([\w-]+)\)", text):
            target = page or path.name
            assert target in anchors, f"{path.name}: link to missing page {target}"
            assert anchor in anchors[target], f"{path.name}: no heading #{anchor} in {target}"


def _long_options(parser: object) -> set[str]:
    import argparse

    assert isinstance(parser, argparse.ArgumentParser)
    options: set[str] = set()
    for action in parser._actions:
        options.update(o for o in action.option_strings if o.startswith("--"))
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                options |= _long_options(sub)
    return options


def test_every_command_line_option_is_documented() -> None:
    cli = (DOCS / "cli.md").read_text(encoding="utf-8")
    missing = {
        option
        for option in _long_options(_build_parser()) - {"--help", "--version"}
        if not re.search(rf"`{re.escape(option)}\b", cli)
    }
    assert not missing


def _console_sessions(text: str) -> list[tuple[str, str]]:
    """``(command, expected output)`` for every ``$`` line of the ```console blocks."""
    steps: list[tuple[str, str]] = []
    for block in re.findall(r"^```console\n(.*?)^```", text, flags=re.MULTILINE | re.S):
        for chunk in re.split(r"^\$ ", block, flags=re.MULTILINE)[1:]:
            command, _, output = chunk.partition("\n")
            steps.append((command, output))
    return steps


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_command_line_page_sessions_print_what_they_show(tmp_path: Path) -> None:
    steps = _console_sessions((DOCS / "cli.md").read_text(encoding="utf-8"))
    assert steps
    marker = "@@zoomsig-docs-step@@"
    script = ['zoomsig() { "$PYTHON" -m zoomsig "$@"; }']
    for command, _ in steps:
        # Print the marker without losing $? for a following `echo $?`.
        script += ["status=$?", f"echo {marker}", "(exit $status)", f"{command} 2>&1"]
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PYTHON": sys.executable,
        "NO_COLOR": "1",
        "ZOOM_SDK_KEY": DOCS_KEY,
        "ZOOM_SDK_SECRET": DOCS_SECRET,
        "HOME": str(tmp_path),
    }
    result = subprocess.run(  # a fixed script built from our own docs
        ["bash", "-c", "\n".join(script)],  # noqa: S607
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=120,
        check=False,
    )
    outputs = result.stdout.split(marker + "\n")[1:]
    assert len(outputs) == len(steps), result.stderr
    for (command, expected), actual in zip(steps, outputs):
        assert actual.rstrip() == expected.rstrip(), f"$ {command}"


def _recipe(first_line: str) -> str:
    """The ```python block of recipes.md whose first line is ``first_line``."""
    text = (DOCS / "recipes.md").read_text(encoding="utf-8")
    for block in re.findall(r"^```python\n(.*?)^```", text, flags=re.MULTILINE | re.S):
        if block.startswith(first_line + "\n"):
            return str(block)
    raise AssertionError(f"no recipe starting with {first_line!r}")


def _check_endpoint_result(status: int, body: dict[str, object]) -> None:
    from zoomsig import decode_and_validate

    assert status == 200, body
    assert body["sdkKey"] == DOCS_KEY
    signature = body["signature"]
    assert isinstance(signature, str)
    decode_and_validate(
        signature, secret=DOCS_SECRET, sdk_key=DOCS_KEY, meeting_number="85746065432", role=0
    ).raise_for_errors()


def test_lambda_recipe(monkeypatch: pytest.MonkeyPatch) -> None:
    import base64
    import json
    import types

    class _SecretsManager:
        def get_secret_value(self, SecretId: str) -> dict[str, str]:  # noqa: N803 - boto3's
            assert SecretId == "zoom/sdk-secret"
            return {"SecretString": DOCS_SECRET}

    fake_boto3 = types.ModuleType("boto3")
    fake_boto3.client = lambda service: _SecretsManager()  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "boto3", fake_boto3)
    monkeypatch.setenv("ZOOM_SDK_KEY", DOCS_KEY)
    monkeypatch.setenv("ZOOM_SDK_SECRET_ID", "zoom/sdk-secret")
    namespace: dict[str, object] = {}
    exec(_recipe("# lambda_function.py (AWS Lambda)"), namespace)  # noqa: S102 - our docs
    handler = namespace["lambda_handler"]
    assert callable(handler)

    request = json.dumps({"meetingNumber": "85746065432", "role": 0})
    for event in (
        {"body": request},
        {"body": base64.b64encode(request.encode()).decode(), "isBase64Encoded": True},
    ):
        response = handler(event, None)
        _check_endpoint_result(response["statusCode"], json.loads(response["body"]))

    for bad in (
        {"body": "not json"},
        {},
        {"body": json.dumps({"meetingNumber": "1", "role": "0"})},
    ):
        response = handler(bad, None)
        assert response["statusCode"] == 400
        assert DOCS_SECRET not in response["body"]


def test_flask_recipe(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("flask")
    monkeypatch.setenv("ZOOM_SDK_KEY", DOCS_KEY)
    monkeypatch.setenv("ZOOM_SDK_SECRET", DOCS_SECRET)
    namespace: dict[str, object] = {"__name__": "docs_flask_recipe"}
    exec(_recipe("# app.py (Flask)"), namespace)  # noqa: S102 - our docs
    client = namespace["app"].test_client()  # type: ignore[attr-defined]

    response = client.post("/zoom/signature", json={"meetingNumber": "85746065432", "role": 0})
    _check_endpoint_result(response.status_code, response.get_json())
    native = client.post("/zoom/signature", json={})
    assert native.status_code == 200
    for bad in ({"meetingNumber": "857 4606 5432", "role": 0}, {"role": "0"}, [1]):
        response = client.post("/zoom/signature", json=bad)
        assert response.status_code == 400
        assert response.get_json()["errors"]
