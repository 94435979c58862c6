"""Collection rules for the whole repository.

``--doctest-modules`` imports every module of the package; the framework integrations in
``zoomsig/contrib`` need their framework, which the ``test`` extra does not install.
"""

from __future__ import annotations

import importlib.util

collect_ignore = [
    f"zoomsig/contrib/{name}.py"
    for name in ("django", "fastapi", "flask")
    if importlib.util.find_spec(name) is None
]
