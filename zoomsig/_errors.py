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
    "InvalidWebhookError",
    "UnsupportedCredentialError",
    "ZoomSigError",
]


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

    The message names every error, one per line after a summary line when there are
    several; :attr:`report` holds the whole :class:`~zoomsig.Report`.
    """

    # Not annotated here: with __module__ = "zoomsig", get_type_hints would look the
    # annotation up in the package, where ClassVar is not defined (the base annotates it).
    code = "invalid_signature"
    __module__ = "zoomsig"  # tracebacks name the public class, not zoomsig._errors

    def __init__(self, report: zoomsig.Report) -> None:
        errors = report.errors
        lines = [f"{f.code.value}: {f.message}" for f in errors]
        if len(lines) == 1:
            message = lines[0]
        else:
            codes = ", ".join(f.code.value for f in errors)
            message = "\n".join([f"{len(lines)} errors: {codes}", *(f"- {line}" for line in lines)])
        super().__init__(message)
        self.report = report


class InvalidWebhookError(ZoomSigError):
    """Raised by :func:`zoomsig.verify_webhook` when a request is not a genuine, fresh webhook.

    :attr:`finding_code` is the :class:`~zoomsig.FindingCode` (a ``WEBHOOK_*`` code) that
    :func:`zoomsig.diagnose_webhook` reports for the same problem, and :attr:`reason` says
    what was received and what was expected. Neither ever contains the secret token, and
    neither belongs in the response to the sender: answer 401 with no detail.
    """

    code: ClassVar[str] = "invalid_webhook"

    def __init__(self, finding_code: zoomsig.FindingCode, message: str) -> None:
        super().__init__(f"{finding_code.value}: {message}")
        self.finding_code: zoomsig.FindingCode = finding_code
        self.reason: str = message
