"""Sphinx configuration for the zoomsig documentation.

Sphinx + MyST: autodoc renders the API reference from the same docstrings that mypy and
pyright check, and MyST keeps every page in Markdown (whose ``>>>`` examples pytest runs as
doctests). Build with ``python -m sphinx -W --keep-going -b html docs docs/_build/html``.
"""

from __future__ import annotations

import sys

from docutils import nodes
from sphinx.pycode import ModuleAnalyzer

import zoomsig

project = "zoomsig"
author = "The zoomsig developers"
copyright = "zoomsig developers, MIT licence"
release = zoomsig.__version__
version = ".".join(release.split(".")[:2])

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.viewcode",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "Thumbs.db", ".DS_Store"]

# MyST: ::: fences for admonitions, definition lists, and an anchor for every heading up to
# level 3 so that finding codes can be linked as finding-codes.md#role-missing.
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# Google-style docstrings. Dataclass attributes are documented in "Attributes:" sections;
# render them as :ivar: fields so they do not clash with autodoc's own member entries.
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True
napoleon_use_rtype = False
napoleon_attr_annotations = False  # the descriptions name the public types already

autodoc_member_order = "bysource"
autodoc_typehints = "description"
autodoc_typehints_description_target = "documented"
autodoc_typehints_format = "short"
autodoc_preserve_defaults = True
autodoc_default_options = {"members": True, "show-inheritance": True}

# No network in the build: no intersphinx. Unresolved references to the standard library
# stay plain text rather than failing the build.
nitpicky = False

html_theme = "furo"
html_title = f"zoomsig {release}"
html_show_sourcelink = False
pygments_style = "friendly"
pygments_dark_style = "monokai"


def _attribute_docstring(  # noqa: PLR0917 - the signature of Sphinx's event
    app: object, what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    """Prepare attribute docstrings before napoleon (priority 500) reads them.

    A constant re-exported from a private module (``zoomsig.MIN_LIFETIME``) would otherwise
    be documented with the docstring of ``int``: use the docstring written under its
    assignment in the module that defines it. And napoleon reads a first line such as
    "A Meeting SDK app: Client ID + Client secret" as "type: description", so its ": " is
    hidden from napoleon and put back afterwards (types come from the annotations).
    """
    if what == "data" and name.startswith("zoomsig."):
        short = name.rsplit(".", 1)[1]
        for module_name, module in sorted(sys.modules.items()):
            if not module_name.startswith("zoomsig") or getattr(module, short, lines) is not obj:
                continue
            docs = ModuleAnalyzer.for_module(module_name).find_attr_docs().get(("", short))
            if docs:
                lines[:] = [line for line in docs if line is not None]
                break
    if what in ("attribute", "property", "data") and lines:
        lines[0] = lines[0].replace(": ", _COLON)


_COLON = "\x00colon\x00"
"""Stands in for ": " on an attribute docstring's first line while napoleon runs."""


def _restore_colons(  # noqa: PLR0917 - the signature of Sphinx's event
    app: object, what: str, name: str, obj: object, options: object, lines: list[str]
) -> None:
    lines[:] = [line.replace(_COLON, ": ") for line in lines]


def _public_titles(app: object, doctree: object, docname: str) -> None:
    """Links to a documented name carry its public path as their title (the tooltip).

    A type hint is resolved from the class's defining module (``zoomsig._enums``,
    ``zoomsig.diagnose.report``); the link goes to the public entry (``#zoomsig.Report``),
    and the title now says the same rather than the private module a user never imports.
    """
    for node in doctree.findall(nodes.reference):  # type: ignore[attr-defined]
        title = node.get("reftitle", "")
        anchor = node.get("refid") or node.get("refuri", "").rpartition("#")[2]
        if title.startswith("zoomsig.") and anchor.startswith("zoomsig.") and title != anchor:
            node["reftitle"] = anchor


def setup(app: object) -> dict[str, object]:
    connect = app.connect  # type: ignore[attr-defined]
    connect("doctree-resolved", _public_titles)
    connect("autodoc-process-docstring", _attribute_docstring, priority=400)
    connect("autodoc-process-docstring", _restore_colons, priority=600)
    return {"parallel_read_safe": True}
