"""Release metadata: what PyPI shows and what CI claims agree with what is checked.

Regressions for issue 12: the README's relative links 404 on PyPI, the classifiers claimed
Pythons no CI ran, and the sdist shipped examples/tests without the modules they test.
"""

from __future__ import annotations

import ast
import importlib.util
import io
import re
import sys
import tarfile
import zipfile
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from _sdist import needs_repository

if sys.version_info >= (3, 11):
    import tomllib
else:
    import tomli as tomllib

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
PROJECT: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
    "project"
]
LINK = re.compile(r"\]\(([^)]+)\)|<(https?://[^>]+)>")
DOCS_PAGE = "https://zoomsig.readthedocs.io/en/latest/"


def classifier_pythons() -> list[str]:
    prefix = "Programming Language :: Python :: 3."
    return ["3." + c[len(prefix) :] for c in PROJECT["classifiers"] if c.startswith(prefix)]


def nox_pythons() -> list[str]:
    tree = ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "PYTHONS" for t in node.targets
        ):
            value = ast.literal_eval(node.value)
            assert isinstance(value, list)
            return [str(v) for v in value]
    raise AssertionError("noxfile.py has no PYTHONS list")


def test_classifiers_claim_exactly_the_pythons_nox_tests() -> None:
    needs_repository("noxfile.py")
    assert classifier_pythons() == nox_pythons()
    lowest = nox_pythons()[0]
    assert PROJECT["requires-python"] == f">={lowest}"


def readme_block(marker: str) -> str:
    """The first bash block after ``<!-- marker -->`` (what .ci/ runs as written)."""
    head = f"<!-- {marker} -->\n```bash\n"
    assert head in README, f"README.md has no bash block after <!-- {marker} -->"
    return README.split(head, 1)[1].split("```", 1)[0]


def test_readme_starts_with_pip_install() -> None:
    first_block = README.split("```")[1]
    assert first_block.startswith("bash\npip install zoomsig ")


def test_readme_install_works_before_the_first_release_on_pypi() -> None:
    # `pip install zoomsig` finds nothing until the first release: the first block shows the
    # repository URL next to it, and the quick start installs from the checkout, then runs
    # the demo (.ci/steps/readme-quickstart.sh runs it as written in a fresh venv).
    first_block = README.split("```")[1]
    assert f'pip install "git+{PROJECT["urls"]["Source"]}"' in first_block
    assert readme_block("try-command").splitlines() == [
        "python -m pip install .",
        "python -m zoomsig demo",
    ]


def test_readme_docs_command_installs_what_autodoc_imports() -> None:
    # The README's docs command failed in a fresh venv: autodoc imports
    # zoomsig.testing.strategies (hypothesis) and zoomsig.contrib.* (the frameworks), which
    # the docs extra did not install. .ci/steps/readme-docs.sh runs it as written.
    command = readme_block("docs-command")
    assert 'pip install -e ".[docs]"' in command
    assert "sphinx -W" in command
    documented = set()
    for page in (ROOT / "docs").glob("*.md"):
        documented |= set(
            re.findall(r"^\.\. auto\w+:: (zoomsig[\w.]*)", page.read_text("utf-8"), re.M)
        )
    needed = (
        {"hypothesis"}
        if any(n.startswith("zoomsig.testing.strategies") for n in documented)
        else set()
    )
    needed |= {n.split(".")[2] for n in documented if n.startswith("zoomsig.contrib.")}
    # The framework-free middleware (zoomsig.contrib.asgi, .wsgi) needs no extra.
    needed &= {"hypothesis", *PROJECT["optional-dependencies"]}
    assert needed >= {"hypothesis", "django", "fastapi", "flask"}  # the walk found them
    extras = set()
    for requirement in PROJECT["optional-dependencies"]["docs"]:
        match = re.fullmatch(r"zoomsig\[([\w,]+)\]", requirement)
        if match:
            extras |= set(match.group(1).split(","))
    assert needed <= extras, f"the docs extra lacks {sorted(needed - extras)}"


def test_readme_quickstart_is_not_an_assert() -> None:
    assert "assert " not in README


def readme_links() -> list[str]:
    return [a or b for a, b in LINK.findall(README)]


def test_readme_has_links() -> None:
    assert len(readme_links()) >= 10  # the walk below would pass on none


@pytest.mark.parametrize("link", readme_links())
def test_readme_link_is_absolute_and_under_a_project_url(link: str) -> None:
    # Relative links work on GitHub but 404 on PyPI.
    assert link.startswith("https://"), f"relative or insecure link {link!r} breaks on PyPI"
    homes = (PROJECT["urls"]["Homepage"], PROJECT["urls"]["Documentation"])
    assert link.startswith(homes), f"{link} is under none of the project URLs {homes}"


@pytest.mark.parametrize("link", [lnk for lnk in readme_links() if lnk.startswith(DOCS_PAGE)])
def test_readme_docs_link_names_an_existing_page(link: str) -> None:
    page = link[len(DOCS_PAGE) :].split("#", maxsplit=1)[0]
    assert page.endswith(".html")
    assert (ROOT / "docs" / page.replace(".html", ".md")).is_file()


@pytest.mark.parametrize("link", [lnk for lnk in readme_links() if "/tree/main/" in lnk])
def test_readme_repository_link_names_an_existing_path(link: str) -> None:
    path = link.split("/tree/main/", 1)[1]
    needs_repository(path)
    assert (ROOT / path).exists()


def test_project_urls_have_one_home() -> None:
    urls = PROJECT["urls"]
    home = urls["Homepage"]
    assert urls["Source"] == home
    for name in ("Changelog", "Issues"):
        assert urls[name].startswith(home + "/"), name


def test_readme_docs_command_is_one_line() -> None:
    assert readme_block("docs-command").count("\n") == 1  # one line, run as written


def test_readme_keeps_the_ci_test_command() -> None:
    # .ci/run runs the first bash block after this marker, as a new user would.
    marker = "<!-- test-command -->\n```bash\n"
    assert marker in README
    command = README.split(marker, 1)[1].split("```", 1)[0]
    assert "pip install -e" in command
    assert "pytest" in command


# --- the archive content check (.ci/lib/check_dist.py) ---------------------------------


def check_dist() -> ModuleType:
    needs_repository(".ci/lib/check_dist.py")
    spec = importlib.util.spec_from_file_location("check_dist", ROOT / ".ci/lib/check_dist.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_tree(root: Path) -> None:
    for name in (
        "zoomsig/__init__.py",
        "zoomsig/__main__.py",
        "zoomsig/py.typed",
        "zoomsig/sub/__init__.py",
        "tests/test_vectors.py",
        "tests/vectors/official-samples.json",
        "docs/conf.py",
        "docs/index.md",
        "README.md",
        "CHANGELOG.md",
        "LICENSE",
        "pyproject.toml",
        ".gitignore",
    ):
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text("x", encoding="utf-8")


def make_wheel(path: Path, names: list[str]) -> Path:
    metadata = (
        "Metadata-Version: 2.4\nName: zoomsig\nRequires-Dist: pyjwt>=2.8\n"
        "Requires-Dist: typing-extensions>=4.7\nRequires-Dist: pytest; extra == 'test'\n"
        "Description-Content-Type: text/markdown\n\n"
    )
    with zipfile.ZipFile(path, "w") as archive:
        for name in names:
            archive.writestr(name, "x")
        archive.writestr("zoomsig-0.1.0.dist-info/METADATA", metadata)
        archive.writestr(
            "zoomsig-0.1.0.dist-info/entry_points.txt",
            "[console_scripts]\nzoomsig = zoomsig.cli:main\n",
        )
    return path


def make_sdist(path: Path, names: list[str]) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for name in names:
            info = tarfile.TarInfo(f"zoomsig-0.1.0/{name}")
            info.size = 1
            archive.addfile(info, io.BytesIO(b"x"))
    return path


def tree_names(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


def run_check(tmp_path: Path, wheel_names: list[str], sdist_names: list[str]) -> list[str]:
    module = check_dist()
    wheel = make_wheel(tmp_path / "zoomsig-0.1.0-py3-none-any.whl", wheel_names)
    sdist = make_sdist(tmp_path / "zoomsig-0.1.0.tar.gz", sdist_names)
    root = tmp_path / "src"
    problems: list[str] = module.check_wheel(wheel, root) + module.check_sdist(sdist, root)
    return problems


@pytest.fixture
def tree(tmp_path: Path) -> list[str]:
    make_tree(tmp_path / "src")
    return tree_names(tmp_path / "src")


def test_check_dist_accepts_archives_that_match_the_tree(tmp_path: Path, tree: list[str]) -> None:
    wheel = [n for n in tree if n.startswith("zoomsig/")]
    assert run_check(tmp_path, wheel, [*tree, "PKG-INFO"]) == []


def test_check_dist_flags_the_sdist_shipping_examples_tests(
    tmp_path: Path, tree: list[str]
) -> None:
    wheel = [n for n in tree if n.startswith("zoomsig/")]
    problems = run_check(tmp_path, wheel, [*tree, "PKG-INFO", "examples/tests/test_app.py"])
    assert "sdist: stray file: examples/tests/test_app.py" in problems
    assert all("examples/tests/test_app.py" in problem for problem in problems)


def test_check_dist_flags_a_module_missing_from_the_wheel(tmp_path: Path, tree: list[str]) -> None:
    wheel = [n for n in tree if n.startswith("zoomsig/") and n != "zoomsig/sub/__init__.py"]
    problems = run_check(tmp_path, wheel, [*tree, "PKG-INFO"])
    assert problems == ["wheel: missing zoomsig/sub/__init__.py"]


def test_check_dist_flags_stray_and_compiled_files_in_the_wheel(
    tmp_path: Path, tree: list[str]
) -> None:
    wheel = [n for n in tree if n.startswith("zoomsig/")]
    problems = run_check(
        tmp_path, [*wheel, "tests/test_x.py", "zoomsig/__pycache__/a.pyc"], [*tree, "PKG-INFO"]
    )
    assert "wheel: stray file outside zoomsig/: tests/test_x.py" in problems
    assert "wheel: compiled or cache file: zoomsig/__pycache__/a.pyc" in problems


def test_check_dist_flags_a_missing_test_vector_in_the_sdist(
    tmp_path: Path, tree: list[str]
) -> None:
    wheel = [n for n in tree if n.startswith("zoomsig/")]
    sdist = [n for n in tree if n != "tests/vectors/official-samples.json"]
    problems = run_check(tmp_path, wheel, [*sdist, "PKG-INFO"])
    assert "sdist: missing tests/vectors/official-samples.json" in problems
