"""The exceptions zoomsig raises. None of them ever holds a secret."""

from __future__ import annotations

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

    # The public __module__ of every zoomsig exception (docs/architecture.md): tracebacks,
    # reprs, pickles and the docs name zoomsig.ZoomSigError, not zoomsig._errors. So the
    # class bodies annotate nothing that needs this module's globals: typing.get_type_hints
    # looks a class's annotations up in its __module__, the package, where ClassVar is not
    # defined (builtins such as str resolve anywhere).
    __module__ = "zoomsig"
    code: str = "zoomsig_error"


class InvalidParameterError(ZoomSigError, ValueError):
    """An argument cannot make a signature Zoom accepts.

    Raised before anything is signed. :attr:`parameter` names the argument and
    :attr:`reason` says what was received and what was expected, without the
    ``"parameter: "`` prefix that ``str(exc)`` carries, so an API can return the two
    parts as they are. Neither ever contains a key or a secret.
    """

    __module__ = "zoomsig"
    code = "invalid_parameter"

    def __init__(self, parameter: str, message: str) -> None:
        super().__init__(f"{parameter}: {message}")
        self.parameter: str = parameter
        self.reason: str = message


class UnsupportedCredentialError(InvalidParameterError):
    """The ``credential_type`` given cannot sign this kind of token.

    The message says which credentials do work.
    """

    __module__ = "zoomsig"
    code = "unsupported_credential"


class InvalidSignatureError(ZoomSigError):
    """Raised by :meth:`zoomsig.Report.raise_for_errors` when a report has errors.

    The message names every error, one per line after a summary line when there are
    several; :attr:`report` holds the whole :class:`~zoomsig.Report`.
    """

    __module__ = "zoomsig"
    code = "invalid_signature"

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

    __module__ = "zoomsig"
    code = "invalid_webhook"

    def __init__(self, finding_code: zoomsig.FindingCode, message: str) -> None:
        super().__init__(f"{finding_code.value}: {message}")
        self.finding_code: zoomsig.FindingCode = finding_code
        self.reason: str = message
