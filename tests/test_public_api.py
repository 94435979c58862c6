"""The public surface: one import point, sorted ``__all__``, keyword-only, a pure core."""

from __future__ import annotations

import ast
import inspect
import re
from importlib import metadata, resources
from pathlib import Path

import pytest

import zoomsig

PACKAGE_DIR = Path(zoomsig.__file__).parent
# Only the command line (the zoomsig.cli package) may read the environment or print.
OUTSIDE_WORLD_ALLOWED = {"__main__.py"}
CORE_FILES = sorted(
    path
    for path in PACKAGE_DIR.rglob("*.py")
    if (path.name not in OUTSIDE_WORLD_ALLOWED or path.parent != PACKAGE_DIR)
    and PACKAGE_DIR / "cli" not in path.parents
)
SIGNERS = (
    "sign_meeting_sdk",
    "sign_video_sdk",
    "sign_legacy_web_sdk",
    "sign_cobrowse_sdk",
    "sign_video_sdk_api",
)
WEBHOOK_FUNCTIONS = (
    "diagnose_webhook",
    "sign_rtms_handshake",
    "sign_webhook",
    "url_validation_response",
    "verify_webhook",
)


def _isort_key(name: str) -> tuple[int, list[object]]:
    """RUF022's isort-style order: CONSTANTS, then Classes, then the rest; natural sort."""
    cased = [ch for ch in name if ch.isalpha()]
    if len(name) > 1 and cased and all(ch.isupper() for ch in cased):
        kind = 0
    elif name[:1].isupper():
        kind = 1
    else:
        kind = 2
    natural: list[object] = [int(p) if p.isdigit() else p for p in re.split(r"(\d+)", name)]
    return kind, natural


def test_all_is_sorted_like_ruff_sorts_it() -> None:
    assert zoomsig.__all__ == sorted(zoomsig.__all__, key=_isort_key)
    assert len(set(zoomsig.__all__)) == len(zoomsig.__all__)


def test_isort_key_orders_the_three_kinds() -> None:
    # Guards the helper: a plain sorted() would put "Role" before "ZZ" and "a2" after "a10".
    names = ["sign", "Role", "MAX_X", "a10", "a2", "__version__", "ZZ"]
    assert sorted(names, key=_isort_key) == [
        "MAX_X",
        "ZZ",
        "Role",
        "__version__",
        "a2",
        "a10",
        "sign",
    ]


def test_design_surface_is_exported() -> None:
    expected = {
        "sign_meeting_sdk",
        "sign_legacy_web_sdk",
        "sign_video_sdk",
        "decode_and_validate",
        "Role",
        "CredentialType",
        "TokenKind",
        "Severity",
        "FindingCode",
        "LegacyEncoding",
        "Finding",
        "Report",
        "ZoomSigError",
        "InvalidParameterError",
        "UnsupportedCredentialError",
        "InvalidSignatureError",
        "MIN_LIFETIME",
        "MAX_LIFETIME",
        "MAX_SIGNATURE_LENGTH",
        "__version__",
    }
    assert expected <= set(zoomsig.__all__)


@pytest.mark.parametrize("name", zoomsig.__all__)
def test_every_exported_name_is_importable(name: str) -> None:
    namespace: dict[str, object] = {}
    exec(f"from zoomsig import {name}", namespace)  # noqa: S102 - a literal import
    assert namespace[name] is getattr(zoomsig, name)


def test_star_import_gives_exactly_all() -> None:
    namespace: dict[str, object] = {}
    exec("from zoomsig import *", namespace)  # noqa: S102
    assert set(namespace) - {"__builtins__"} == set(zoomsig.__all__)


def test_exported_objects_are_defined_in_the_package() -> None:
    for name in zoomsig.__all__:
        obj = getattr(zoomsig, name)
        module = getattr(obj, "__module__", None)
        if module is not None and (inspect.isclass(obj) or inspect.isfunction(obj)):
            assert module.startswith("zoomsig"), name


PUBLIC_FUNCTIONS = [name for name in zoomsig.__all__ if inspect.isfunction(getattr(zoomsig, name))]


def test_the_public_functions() -> None:
    assert set(PUBLIC_FUNCTIONS) == {
        *SIGNERS,
        "decode_and_validate",
        "decrypt_app_context",
        "explain_error",
        "find_errors",
        *WEBHOOK_FUNCTIONS,
    }


@pytest.mark.parametrize("name", SIGNERS)
def test_signers_take_keywords_only(name: str) -> None:
    parameters = inspect.signature(getattr(zoomsig, name)).parameters.values()
    assert parameters
    for parameter in parameters:
        assert parameter.kind is inspect.Parameter.KEYWORD_ONLY, parameter.name


def test_decode_and_validate_takes_the_signature_then_keywords() -> None:
    first, *rest = inspect.signature(zoomsig.decode_and_validate).parameters.values()
    assert first.name == "signature"
    assert first.kind in (
        inspect.Parameter.POSITIONAL_ONLY,
        inspect.Parameter.POSITIONAL_OR_KEYWORD,
    )
    assert rest
    for parameter in rest:
        assert parameter.kind is inspect.Parameter.KEYWORD_ONLY, parameter.name


@pytest.mark.parametrize("name", PUBLIC_FUNCTIONS)
def test_public_functions_are_typed_and_documented(name: str) -> None:
    function = getattr(zoomsig, name)
    assert function.__doc__
    signature = inspect.signature(function)
    assert signature.return_annotation is not inspect.Signature.empty
    for parameter in signature.parameters.values():
        assert parameter.annotation is not inspect.Parameter.empty, parameter.name


@pytest.mark.parametrize(
    ("name", "defaults"),
    [
        (
            "sign_meeting_sdk",
            {
                "meeting_number": None,
                "role": None,
                "expires_in": 7200,
                "now": None,
                "clock_skew": 30,
                "include_sdk_key": True,
            },
        ),
        (
            "sign_video_sdk",
            {"expires_in": 7200, "now": None, "clock_skew": 30, "user_key": None},
        ),
        (
            "decode_and_validate",
            {"zak": None, "obf_token": None, "other_secrets": None, "expect": None},
        ),
        ("sign_legacy_web_sdk", {"now": None}),
        (
            "sign_cobrowse_sdk",
            {
                "user_name": None,
                "expires_in": 7200,
                "now": None,
                "clock_skew": 30,
                "enable_byop": None,
            },
        ),
        ("sign_video_sdk_api", {"expires_in": 1800, "now": None, "clock_skew": 30}),
        ("decrypt_app_context", {"now": None, "max_age": 300}),
    ],
)
def test_documented_defaults(name: str, defaults: dict[str, object]) -> None:
    parameters = inspect.signature(getattr(zoomsig, name)).parameters
    for parameter, default in defaults.items():
        assert parameters[parameter].default == default


def test_default_credential_types_and_encoding() -> None:
    def default(function: object, parameter: str) -> object:
        return inspect.signature(function).parameters[parameter].default  # type: ignore[arg-type]

    assert (
        default(zoomsig.sign_meeting_sdk, "credential_type") is zoomsig.CredentialType.MEETING_SDK
    )
    assert default(zoomsig.sign_video_sdk, "credential_type") is zoomsig.CredentialType.VIDEO_SDK
    assert default(zoomsig.sign_legacy_web_sdk, "credential_type") is zoomsig.CredentialType.JWT_APP
    assert default(zoomsig.sign_legacy_web_sdk, "encoding") is zoomsig.LegacyEncoding.URL_SAFE


def test_version_comes_from_package_metadata() -> None:
    assert zoomsig.__version__ == metadata.version("zoomsig")
    assert zoomsig.__version__ != "0+unknown"


def test_py_typed_is_shipped() -> None:
    assert resources.files("zoomsig").joinpath("py.typed").is_file()


def test_implementation_modules_are_private() -> None:
    for path in PACKAGE_DIR.glob("*.py"):
        name = path.stem
        if name in {
            "__init__", "__main__", "cli", "endpoint", "errors_explained", "legacy",
            "meeting_sdk", "video_sdk", "cobrowse", "video_sdk_api", "apps",
        }:  # fmt: skip
            continue
        assert name.startswith("_"), f"zoomsig/{path.name} should be private"


# --- a pure core ------------------------------------------------------------------------

# Pure helpers such as urllib.parse are fine; these reach files, processes or the network.
FORBIDDEN_MODULES = {
    "os",
    "logging",
    "subprocess",
    "socket",
    "urllib.request",
    "http.client",
    "shutil",
    "tempfile",
}
FORBIDDEN_CALLS = {"print", "open", "input", "getenv", "putenv", "breakpoint"}
FORBIDDEN_ATTRIBUTES = {"environ", "environb", "getenv", "stdout", "stderr", "stdin", "argv"}
# Clock reads: only zoomsig/_time.py may make them, and only when now=None.
# The webhook integrations log each refused request on the zoomsig.webhook logger: that one
# module of the shells imports logging, and no other.
LOGGING_ALLOWED = {"zoomsig/contrib/_webhooks.py"}
CLOCK_CALLS = {("time", "time"), ("time", "time_ns"), ("datetime", "now"), ("datetime", "utcnow")}


def _forbidden_module(name: str) -> bool:
    return any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN_MODULES)


def outside_world(source: str, may_read_clock: bool = False) -> list[str]:
    """What in ``source`` reaches the environment, files, output, processes or the clock."""
    problems: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            problems += [alias.name for alias in node.names if _forbidden_module(alias.name)]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module, *(f"{node.module}.{alias.name}" for alias in node.names)]
            problems += [name for name in names if _forbidden_module(name)][:1]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            if node.func.id in FORBIDDEN_CALLS:
                problems.append(f"{node.func.id}()")
        elif isinstance(node, ast.Attribute):
            if node.attr in FORBIDDEN_ATTRIBUTES:
                problems.append(f".{node.attr}")
            if (
                isinstance(node.value, ast.Name)
                and (node.value.id, node.attr) in CLOCK_CALLS
                and not may_read_clock
            ):
                problems.append(f"{node.value.id}.{node.attr}")
    return problems


def _core_id(path: Path) -> str:
    return path.relative_to(PACKAGE_DIR.parent).as_posix()


def test_core_file_list_is_not_empty() -> None:
    names = {_core_id(path) for path in CORE_FILES}
    assert {"zoomsig/_time.py", "zoomsig/meeting_sdk.py", "zoomsig/diagnose/__init__.py"} <= names
    assert "zoomsig/cli/__init__.py" not in names
    assert "zoomsig/__main__.py" not in names


@pytest.mark.parametrize("path", CORE_FILES, ids=_core_id)
def test_core_does_not_touch_the_outside_world(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    problems = outside_world(source, may_read_clock=_core_id(path) == "zoomsig/_time.py")
    if _core_id(path) in LOGGING_ALLOWED:
        problems.remove("logging")
    assert problems == [], f"{_core_id(path)} reaches outside: {problems}"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import os", ["os"]),
        ("import os.path", ["os.path"]),
        ("from os import getcwd", ["os"]),
        ("import sys\nsys.stdout.write('x')", [".stdout"]),
        ("x = sys.argv", [".argv"]),
        ("env = os.environ['ZOOM_SDK_SECRET']", [".environ"]),
        ("import logging", ["logging"]),
        ("from urllib import request", ["urllib.request"]),
        ("from urllib.parse import unquote", []),
        ("print('token')", ["print()"]),
        ("open('f')", ["open()"]),
        ("import time\ntime.time()", ["time.time"]),
        ("from datetime import datetime\ndatetime.now()", ["datetime.now"]),
        ('"""print(x) in a docstring, os.environ too"""', []),
    ],
)
def test_the_scan_can_fail(source: str, expected: list[str]) -> None:
    assert outside_world(source) == expected


def test_the_clock_is_allowed_where_now_is_resolved() -> None:
    assert outside_world("import time\ntime.time()", may_read_clock=True) == []


# --- issue 19: the webhook integrations' reference is on the webhooks page ---------------


def test_webhook_integrations_reference_is_on_the_webhooks_page() -> None:
    import zoomsig.contrib.django
    import zoomsig.contrib.fastapi
    import zoomsig.contrib.flask

    docs = PACKAGE_DIR.parent / "docs"
    webhooks = (docs / "webhooks.md").read_text(encoding="utf-8")
    endpoint = (docs / "endpoint.md").read_text(encoding="utf-8")
    names = [
        f"{module.__name__}.{name}"
        for module in (zoomsig.contrib.django, zoomsig.contrib.fastapi, zoomsig.contrib.flask)
        for name in module.__all__
        if "webhook" in name.lower() or name == "WebhookAnswer"
    ]
    assert len(names) == 5
    for name in names:
        assert re.search(rf"^\.\. auto\w+:: {re.escape(name)}$", webhooks, re.M), name
        # The endpoint page's automodule of the same module leaves it out (one description).
        assert re.search(rf"^   :exclude-members: .*\b{name.rsplit('.', 1)[1]}\b", endpoint, re.M)
    assert ".. automodule:: zoomsig.webhook.endpoint" in webhooks


def test_find_errors_and_error_table_were_not_exported_from_zoomsig() -> None:
    """The issue's look-up by message and the whole table (native codes too) are public:
    ``from zoomsig import find_errors, ERROR_TABLE`` works, lazily like the other names."""
    import subprocess
    import sys

    namespace: dict[str, object] = {}
    exec("from zoomsig import ERROR_TABLE, find_errors", namespace)  # noqa: S102
    table = namespace["ERROR_TABLE"]
    assert isinstance(table, tuple)
    assert {entry.platform for entry in table} == {"web", "native"}
    find = namespace["find_errors"]
    assert callable(find)
    assert [e.code for e in find("Signature is invalid")] == [3712]
    assert "ERROR_TABLE" in dir(zoomsig)
    assert "find_errors" in dir(zoomsig)
    probe = "import sys, zoomsig; print('zoomsig.errors_explained' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "False"  # still lazy: import zoomsig does not load the table
