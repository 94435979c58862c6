"""The base of the exceptions zoomsig raises, and the argument errors. None of them ever
holds a secret."""

from __future__ import annotations

__all__ = ["InvalidParameterError", "UnsupportedCredentialError", "ZoomSigError"]

# The errors that carry a diagnosis live beside it, so that this module, the lowest of
# all, imports nothing of zoomsig: InvalidSignatureError (it holds a Report) in
# zoomsig.diagnose.report, InvalidWebhookError (it holds a FindingCode) in zoomsig.webhook.
# Every one of them is shown as zoomsig.<Name> (its __module__).


class ZoomSigError(Exception):
    """Base class of every zoomsig exception; never raised itself.

    Each subclass has a stable machine-readable :attr:`code`, so nobody has to match
    message text, and every error a :attr:`reason`: its message without the leading
    subject (the parameter, the finding code).
    """

    # The public __module__ of every zoomsig exception (docs/architecture.md): tracebacks,
    # reprs, pickles and the docs name zoomsig.ZoomSigError, not zoomsig._errors. So the
    # class bodies annotate nothing that needs this module's globals: typing.get_type_hints
    # looks a class's annotations up in its __module__, the package, where ClassVar is not
    # defined (builtins such as str resolve anywhere).
    __module__ = "zoomsig"
    code: str = "zoomsig_error"

    def __init__(self, subject: str, reason: str) -> None:
        # One shape for every message: ``str(exc)`` is "subject: reason", and
        # :attr:`reason` the reason alone (what an API returns beside the subject).
        super().__init__(f"{subject}: {reason}")
        self.reason: str = reason


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
        super().__init__(parameter, message)
        self.parameter: str = parameter


class UnsupportedCredentialError(InvalidParameterError):
    """The ``credential_type`` given cannot sign this kind of token.

    The message says which credentials do work.
    """

    __module__ = "zoomsig"
    code = "unsupported_credential"
