"""Lazy module attributes (PEP 562): one helper for every package that defers its imports.

A package lists where each deferred name lives; the first access imports that module and
stores the value in the package, so later lookups skip ``__getattr__``::

    TYPE_CHECKING = False
    if TYPE_CHECKING:  # what type checkers and readers see
        from zoomsig.diagnose._engine import decode_and_validate
    else:  # hidden from type checkers, so that a misspelt name stays an error
        __getattr__, __dir__ = lazy_exports(
            __name__, {"decode_and_validate": "zoomsig.diagnose._engine"}
        )

The module imports only :mod:`sys` (always loaded), so ``import zoomsig`` stays as cheap as
before. ``TYPE_CHECKING = False`` rather than ``typing.TYPE_CHECKING``: type checkers read the
name the same way, and :mod:`typing` is not imported for it.
"""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

__all__ = ["lazy_exports"]


def lazy_exports(
    module_name: str, where: Mapping[str, str]
) -> tuple[Callable[[str], object], Callable[[], list[str]]]:
    """``(__getattr__, __dir__)`` for the module ``module_name``, which is being imported.

    ``where`` maps each deferred name to the module that defines it (or re-exports it).
    ``__dir__`` lists the module's globals and its ``__all__``, deferred names included.
    """
    namespace = sys.modules[module_name].__dict__

    def __getattr__(name: str) -> object:  # noqa: N807 - the PEP 562 hook
        source = where.get(name)
        if source is None:
            raise AttributeError(f"module {module_name!r} has no attribute {name!r}")
        from importlib import import_module  # noqa: PLC0415 - importlib is loaded already

        value: object = getattr(import_module(source), name)
        namespace[name] = value  # later lookups find it without __getattr__
        return value

    def __dir__() -> list[str]:  # noqa: N807 - the PEP 562 hook
        return sorted({*namespace, *namespace.get("__all__", ()), *where})

    return __getattr__, __dir__
