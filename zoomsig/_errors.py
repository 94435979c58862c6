"""The exceptions zoomsig raises. None of them ever holds a secret."""

from __future__ import annotations

from typing import ClassVar

# The package, not zoomsig.diagnose.report: ``zoomsig.Report`` in the annotation below
# resolves at run time (typing.get_type_hints) through the package's lazy attributes,
# without importing the diagnosis code when zoomsig is imported.
import zoomsig

__all__ = [
    "InvalidParameterError",
    "InvalidSignatureError",
    "UnsupportedCredentialError",
    "ZoomSigError",
]


def describe(value: object) -> str:
    """A short description of a non-secret argument for an error message.

    Never raises: ``repr`` of an int over 4300 digits would (Python's int-to-str limit).
    """
    if isinstance(value, int) and not isinstance(value, bool) and value.bit_length() > 64:
        return f"an int of {value.bit_length()} bits"
    text = repr(value)
    if len(text) > 40:
        text = text[:39] + "…"
    return f"{text} ({type(value).__name__})"


class ZoomSigError(Exception):
    """Base class of every zoomsig exception; never raised itself.

    Each subclass has a stable machine-readable :attr:`code`, so nobody has to match
    message text.
    """

    code: ClassVar[str] = "zoomsig_error"


class InvalidParameterError(ZoomSigError, ValueError):
    """An argument cannot make a signature Zoom accepts.

    Raised before anything is signed. :attr:`parameter` names the argument and
    :attr:`reason` says what was received and what was expected, without the
    ``"parameter: "`` prefix that ``str(exc)`` carries, so an API can return the two
    parts as they are. Neither ever contains a key or a secret.
    """

    code: ClassVar[str] = "invalid_parameter"

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"{parameter}: {message}")
        self.parameter: str = parameter
        self.reason: str = message


class UnsupportedCredentialError(InvalidParameterError):
    """The ``credential_type`` given cannot sign this kind of token.

    The message says which credentials do work.
    """

    code: ClassVar[str] = "unsupported_credential"


class InvalidSignatureError(ZoomSigError):
    """Raised by :meth:`zoomsig.Report.raise_for_errors` when a report has errors.

    :attr:`report` holds the whole :class:`~zoomsig.Report`.
    """

    code: ClassVar[str] = "invalid_signature"

    def __init__(self, report: zoomsig.Report) -> None:
        first = report.errors[0]
        more = len(report.errors) - 1
        suffix = f" (and {more} more error{'s' if more > 1 else ''})" if more else ""
        super().__init__(f"{first.code.value}: {first.message}{suffix}")
        self.report = report
