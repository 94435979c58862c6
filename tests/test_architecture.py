"""The public/private boundary of docs/architecture.md.

* Every public exception names its public module (``__module__``): tracebacks, reprs, pickles
  and the API docs show ``zoomsig.InvalidParameterError``, not ``zoomsig._errors…``, and
  ``typing.get_type_hints`` still works on them.
* One lazy-attribute helper (``zoomsig._lazy.lazy_exports``) serves every package that defers
  its imports, instead of a hand-written PEP 562 ``__getattr__`` in each.
* The layer contracts that ``lint-imports`` checks (``[tool.importlinter]``) name modules
  that exist, so a rename cannot switch a contract off unnoticed.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import pickle
import pkgutil
import subprocess
import sys
import traceback
import typing
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from _sdist import needs_repository
from _support import NOW, SDK_KEY, SDK_SECRET

import zoomsig

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "zoomsig"


def is_private(module_name: str) -> bool:
    return any(part.startswith("_") for part in module_name.split("."))


def public_modules() -> list[ModuleType]:
    """zoomsig and every submodule without a private part (``__main__`` would run the CLI)."""
    names = [info.name for info in pkgutil.walk_packages(zoomsig.__path__, prefix="zoomsig.")]
    return [zoomsig, *(importlib.import_module(n) for n in names if not is_private(n))]


def public_exceptions() -> dict[str, type[BaseException]]:
    """Every exception class in the ``__all__`` of a public module, by its public path."""
    found: dict[str, type[BaseException]] = {}
    for module in public_modules():
        for name in getattr(module, "__all__", ()):
            value = getattr(module, name)
            if inspect.isclass(value) and issubclass(value, BaseException):
                found[f"{module.__name__}.{name}"] = value
    return found


EXCEPTIONS = public_exceptions()


def test_the_walk_finds_the_exceptions() -> None:
    # A walk that found nothing would make the tests below pass vacuously.
    assert {
        "zoomsig.ZoomSigError",
        "zoomsig.InvalidParameterError",
        "zoomsig.UnsupportedCredentialError",
        "zoomsig.InvalidSignatureError",
        "zoomsig.InvalidWebhookError",
    } <= set(EXCEPTIONS)


@pytest.mark.parametrize("path", sorted(EXCEPTIONS))
def test_public_exception_names_its_public_module(path: str) -> None:
    cls = EXCEPTIONS[path]
    assert not is_private(cls.__module__), f"{path} says it lives in {cls.__module__}"
    # The name it gives is where users import it from, and where pickle finds it.
    assert getattr(importlib.import_module(cls.__module__), cls.__qualname__) is cls
    assert pickle.loads(pickle.dumps(cls)) is cls  # noqa: S301 - our own class, by reference
    assert b"._" not in pickle.dumps(cls)


@pytest.mark.parametrize("path", sorted(EXCEPTIONS))
def test_get_type_hints_works_on_public_exceptions(path: str) -> None:
    # get_type_hints looks a class's annotations up in its __module__ (the package) and a
    # method's in the module that defines it: both must resolve.
    cls = EXCEPTIONS[path]
    assert isinstance(typing.get_type_hints(cls), dict)
    init = vars(cls).get("__init__")
    if inspect.isfunction(init):
        assert set(typing.get_type_hints(init)) == set(init.__annotations__)


def test_traceback_names_zoomsig_invalid_parameter_error_not_the_private_module() -> None:
    # The way a user meets it: a bad argument, and the last line of the traceback.
    with pytest.raises(zoomsig.InvalidParameterError) as raised:
        zoomsig.sign_meeting_sdk(
            sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number="123456789", role=7, now=NOW
        )
    text = "".join(traceback.format_exception(raised.type, raised.value, raised.tb))
    last = text.rstrip("\n").rsplit("\n", 1)[-1]
    assert last.startswith("zoomsig.InvalidParameterError: role: "), last
    assert "zoomsig._errors" not in text


def test_repr_of_the_exception_classes_shows_the_public_path() -> None:
    assert repr(zoomsig.ZoomSigError) == "<class 'zoomsig.ZoomSigError'>"
    assert repr(zoomsig.UnsupportedCredentialError) == (
        "<class 'zoomsig.UnsupportedCredentialError'>"
    )


def test_the_error_base_class_is_shown_by_its_public_path() -> None:
    # What Sphinx's "Bases:" line and help() print for a subclass.
    mro = zoomsig.InvalidWebhookError.__mro__
    bases = [f"{base.__module__}.{base.__qualname__}" for base in mro]
    assert bases[:2] == ["zoomsig.InvalidWebhookError", "zoomsig.ZoomSigError"]


# --- one lazy-attribute helper ---------------------------------------------------------

LAZY_PACKAGES = ["zoomsig", "zoomsig.diagnose", "zoomsig.testing"]


def module_level_functions(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)} & {
        "__getattr__",
        "__dir__",
    }


def test_no_package_writes_its_own_getattr() -> None:
    hand_written = {
        str(path.relative_to(ROOT)): names
        for path in sorted(PACKAGE.rglob("*.py"))
        if path.name != "_lazy.py" and (names := module_level_functions(path))
    }
    assert hand_written == {}


@pytest.mark.parametrize("name", LAZY_PACKAGES)
def test_lazy_packages_use_the_one_helper(name: str) -> None:
    module = importlib.import_module(name)
    for hook in (module.__getattr__, module.__dir__):
        assert hook.__module__ == "zoomsig._lazy"
        assert hook.__qualname__.startswith("lazy_exports.<locals>.")


@pytest.mark.parametrize("name", LAZY_PACKAGES)
def test_unknown_attribute_is_an_attribute_error(name: str) -> None:
    module = importlib.import_module(name)
    with pytest.raises(AttributeError, match=f"^module '{name}' has no attribute 'no_such'$"):
        module.no_such  # noqa: B018 - the access is the test
    assert not hasattr(module, "no_such")


@pytest.mark.parametrize("name", LAZY_PACKAGES)
def test_dir_lists_every_exported_name(name: str) -> None:
    module = importlib.import_module(name)
    assert set(module.__all__) <= set(dir(module))


def run_fresh(code: str) -> str:
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    return done.stdout.strip()


def test_dir_of_zoomsig_diagnose_lists_decode_and_validate_before_first_use() -> None:
    # zoomsig.diagnose had a __getattr__ but no __dir__: before the engine was first used,
    # dir() (and so completion in a REPL) did not show decode_and_validate.
    out = run_fresh(
        "import sys, zoomsig.diagnose as d\n"
        "print('decode_and_validate' in dir(d), 'zoomsig.diagnose._engine' in sys.modules)\n"
    )
    assert out == "True False"


def test_first_use_stores_the_value_in_the_package() -> None:
    out = run_fresh(
        "import zoomsig\n"
        "before = 'Role' in vars(zoomsig)\n"
        "role = zoomsig.Role\n"
        "print(before, vars(zoomsig)['Role'] is role)\n"
    )
    assert out == "False True"


def test_import_zoomsig_loads_only_the_version_and_the_helper() -> None:
    out = run_fresh(
        "import sys\n"
        "before = set(sys.modules)\n"
        "import zoomsig\n"
        "print(' '.join(sorted(m for m in set(sys.modules) - before if m.startswith('zoomsig'))))\n"
    )
    assert out.split() == ["zoomsig", "zoomsig._lazy", "zoomsig._version"]


# --- the import-linter contracts ------------------------------------------------------

IMPORTLINTER: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["tool"][
    "importlinter"
]
CONTRACTS: dict[str, dict[str, Any]] = {c["id"]: c for c in IMPORTLINTER["contracts"]}


def module_exists(name: str) -> bool:
    relative = Path(*name.split("."))
    return (ROOT / relative).with_suffix(".py").is_file() or (ROOT / relative).is_dir()


def test_the_contracts_of_issue_18_are_configured() -> None:
    assert IMPORTLINTER["root_package"] == "zoomsig"
    assert {contract["type"] for contract in CONTRACTS.values()} == {
        "layers",
        "forbidden",
        "independence",
        "private_modules",
        "acyclic_siblings",
    }


def named_modules() -> list[tuple[str, bool]]:
    """``(module, optional)`` for every module that a contract names."""
    named: list[tuple[str, bool]] = []
    for contract in CONTRACTS.values():
        for key in ("source_modules", "forbidden_modules", "modules"):
            named += [(module, False) for module in contract.get(key, ())]
        for layer in contract.get("layers", ()):
            for raw in layer.replace("|", ":").split(":"):
                tail = raw.strip()
                optional = tail.startswith("(")
                named += [(f"{c}.{tail.strip('()')}", optional) for c in contract["containers"]]
    return named


@pytest.mark.parametrize(("module", "optional"), named_modules())
def test_every_module_a_contract_names_exists(module: str, optional: bool) -> None:
    if not optional:
        assert module_exists(module), module


def test_ci_runs_lint_imports() -> None:
    needs_repository(".ci/steps/imports.sh")
    script = (ROOT / ".ci" / "steps" / "imports.sh").read_text(encoding="utf-8")
    assert "\nlint-imports" in script


def _zoomsig_imports(path: Path) -> set[str]:
    """The zoomsig modules a source file imports (at run time or for type checkers)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("zoomsig")}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("zoomsig"):
            found.add(node.module or "")
    return found


def test_the_lowest_module_imported_the_package_root() -> None:
    """Issue 18: ``zoomsig._errors``, which every module imports, imported ``zoomsig`` (for
    two annotations), so the core reached the whole package. The errors that carry a
    diagnosis now live beside it, and the public names are unchanged."""
    assert _zoomsig_imports(ROOT / "zoomsig" / "_errors.py") == set()
    for name in ("InvalidSignatureError", "InvalidWebhookError"):
        error = getattr(zoomsig, name)
        assert error.__module__ == "zoomsig"
        assert issubclass(error, zoomsig.ZoomSigError)
        assert typing.get_type_hints(error.__init__)


@pytest.mark.parametrize("module", ["_registry", "_secrecy", "_enums", "_errors"])
def test_the_core_kernel_imports_only_what_is_below_it(module: str) -> None:
    allowed = {"_registry": set(), "_secrecy": {"zoomsig._errors"}, "_enums": set()}
    imports = _zoomsig_imports(ROOT / "zoomsig" / f"{module}.py")
    assert imports <= allowed.get(module, set()), imports
