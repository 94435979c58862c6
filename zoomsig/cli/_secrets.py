"""Reading what the user gives: the secret, the key and a pasted token.

Secrets come from ``ZOOM_SDK_SECRET``, ``--secret-file`` or standard input, never from the
command line, and are never shown. From a file or standard input exactly one trailing
newline is removed (files and pipes end with one); nothing else is changed, so that the
library can name any other whitespace (sign refuses it, check diagnoses it).
"""

from __future__ import annotations

import os
import sys

from zoomsig._secrecy import BOM, is_utf8_encodable
from zoomsig.cli._args import KEY_ENV, SECRET_ENV, UsageError

TYPE_CHECKING = False
if TYPE_CHECKING:
    import argparse
    from typing import Optional


class Secret:
    """A secret and where it came from; its repr never shows the value."""

    __slots__ = ("source", "value")

    def __init__(self, value: str, source: str) -> None:
        self.value = value
        self.source = source

    def __repr__(self) -> str:
        return f"Secret(source={self.source!r})"

    def origin(self) -> str:
        """Where it came from, for an error message that names the source."""
        if self.source in ("--secret-file", "stdin"):
            return f"from {self.source}, after removing one trailing newline"
        return f"from {self.source}"


def strip_one_newline(text: str) -> str:
    if text.endswith("\r\n"):
        return text[:-2]
    if text.endswith("\n"):
        return text[:-1]
    return text


def refuse_bom(text: str, source: str) -> str:
    if text.startswith(BOM):
        raise UsageError(
            f"the secret from {source} starts with a byte order mark (saved by Notepad?); "
            "save it as UTF-8 without BOM"
        )
    return text


def refuse_non_utf8(text: str, source: str) -> str:
    """``text``, unless it holds a lone surrogate: what Python makes of bytes that are not
    UTF-8 in an environment variable (or a pipe in the C locale). Never put in the error."""
    if not is_utf8_encodable(text):
        raise UsageError(
            f"{source} holds bytes that are not UTF-8 text: no Zoom credential does "
            "(set it to the credential's text)"
        )
    return text


def read_env(name: str, source: str = "") -> Optional[str]:
    """The environment variable ``name`` (``None`` when unset), refused unless UTF-8 text.

    ``source`` names it in the error (default: ``name``, a variable zoomsig reads itself).
    """
    value = os.environ.get(name)
    return None if value is None else refuse_non_utf8(value, source or name)


def read_stdin() -> str:
    stream = sys.stdin
    if stream is None:  # pythonw, or a closed descriptor
        return ""
    return stream.read()


def stdin_is_terminal() -> bool:
    stream = sys.stdin
    return stream is not None and stream.isatty()


def prompt_token() -> tuple[str, int]:
    """Ask for the token on a terminal and read the whole paste (shown: it is no secret).

    Returns the text and its number of lines (:func:`zoomsig.cli._paste.read_paste`).
    """
    from zoomsig.cli._paste import PROMPT, read_paste  # noqa: PLC0415 - only for a prompt

    sys.stderr.write(PROMPT)
    sys.stderr.flush()
    if sys.stdin is None:
        return "", 0
    return read_paste(sys.stdin)


def read_file(path: str, option: str) -> str:
    """A credential file given to ``option``: UTF-8 text, one trailing newline removed."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read()
    except OSError as exc:
        # The path is not echoed: people paste the secret itself after --secret-file.
        raise UsageError(
            f"cannot read the file given to {option}: {exc.strerror or type(exc).__name__}"
        ) from None
    try:
        return strip_one_newline(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise UsageError(f"the file given to {option} is not UTF-8 text") from None


def read_secret(
    args: argparse.Namespace, *, stdin_taken: bool = False, env: str = SECRET_ENV
) -> Optional[Secret]:
    """The secret from --secret-file, --secret-stdin or the variable ``env``, or ``None``."""
    path: Optional[str] = args.secret_file
    if path is not None:
        text = read_file(path, "--secret-file")
        return Secret(refuse_bom(text, "--secret-file"), "--secret-file")
    if args.secret_stdin:
        if stdin_taken:
            raise UsageError(
                "--secret-stdin: standard input already holds the token; pass the token as "
                f"an argument, or the secret with {SECRET_ENV} or --secret-file"
            )
        if stdin_is_terminal():
            import getpass  # noqa: PLC0415 - only for the prompt

            typed = getpass.getpass("Zoom SDK secret (not shown): ")
            return Secret(refuse_non_utf8(typed, "the secret typed"), "the prompt")
        text = refuse_non_utf8(strip_one_newline(read_stdin()), "the secret from stdin")
        return Secret(refuse_bom(text, "stdin"), "stdin")
    value = read_env(env)
    return None if value is None else Secret(value, env)


def read_key(args: argparse.Namespace, option: str) -> tuple[Optional[str], str]:
    key: Optional[str] = args.key
    if key is not None:
        return key, option
    return os.environ.get(KEY_ENV), KEY_ENV
