"""Reading a paste at a terminal: the whole paste, and nothing left for the shell.

A terminal hands a program one line at a time. A token wrapped over several lines or a
pretty-printed JSON response is pasted as many lines: a prompt that reads one would
diagnose ``{`` and leave the rest to the shell, which runs it as commands (and keeps the
token in its history). So :func:`read_paste` reads until the paste is complete
(:func:`is_complete`: a blank line, Ctrl-D, a balanced JSON value or quoted string, or a
token whose signature part is whole), then takes in whatever else of the paste is already
waiting on the terminal, a last line without its Enter included.
"""

from __future__ import annotations

import re
from types import MappingProxyType

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Optional, TextIO

PROMPT = (
    "Paste the signature (or the URL or JSON response holding it) and press Enter.\n"
    "A paste of several lines is read whole; an empty line or Ctrl-D ends it, Ctrl-C stops.\n"
)
"""What ``zoomsig check -`` says on a terminal before it reads."""

DRAIN_WAIT = 0.05
"""Seconds to wait for more of a paste once it looks complete (a terminal sends it in bursts)."""

HMAC_LENGTH = 43
"""Base64url characters of an HMAC-SHA256: a JWT's signature part is whole at this length."""

_JWT_END = re.compile(r"eyJ[A-Za-z0-9_\-+/=]*(?:\.[A-Za-z0-9_\-+/=]*){0,2}\Z")
_OPENERS = frozenset("{[")
_QUOTES = MappingProxyType({'"': '"', "'": "'", "`": "`", "\u201c": "\u201d"})


def is_complete(text: str) -> bool:
    """Whether ``text`` (the lines read so far) is a whole paste: a JSON object or array
    whose brackets balance, a quoted string that is closed, or anything else that does not
    end in the middle of a JWT (``eyJ…`` without a whole signature part)."""
    body = text.strip()
    if not body:
        return False
    if body[0] in _OPENERS:
        return _balanced(body)
    closing = _QUOTES.get(body[0])
    if closing is not None:
        return _closed(body, closing)
    return not _cut_jwt("".join(body.split()))


def _balanced(body: str) -> bool:
    """Whether the JSON brackets of ``body`` close (strings and their escapes skipped)."""
    depth = 0
    in_string = escaped = False
    for char in body:
        if escaped:
            escaped = False
        elif in_string:
            escaped = char == "\\"
            in_string = char != '"'
        elif char == '"':
            in_string = True
        elif char in "{[":
            depth += 1
        elif char in "}]":
            depth -= 1
            if depth <= 0:
                return True
    return False


def _closed(body: str, closing: str) -> bool:
    """Whether the quote that opens ``body`` is closed (a ``\\"`` escape does not close)."""
    rest = body[1:]
    if closing == '"':
        rest = rest.replace("\\\\", "").replace('\\"', "")
    return closing in rest


def _cut_jwt(joined: str) -> bool:
    """Whether ``joined`` (whitespace removed) ends in a JWT whose signature is not whole."""
    match = _JWT_END.search(joined)
    if match is None:
        return False
    parts = match.group().split(".")
    return len(parts) < 3 or len(parts[2].rstrip("=")) < HMAC_LENGTH


def read_paste(stream: TextIO) -> tuple[str, int]:
    """The paste read from the terminal ``stream``, and its number of lines.

    Blank lines before it are skipped; the line breaks that end it are not part of it.
    What else of the paste is already waiting (the lines after a complete token, a last
    line without its Enter) is read too, so that nothing is left for the shell.
    """
    lines: list[str] = []
    source = _lines(stream)
    for line in source:
        if not line.strip():
            if lines:
                break  # an empty line ends the paste
            continue
        lines.append(line)
        if is_complete("".join(lines)):
            break
    lines.append(_rest(stream))
    text = "".join(lines).rstrip("\r\n")
    return text, len(text.splitlines())


def _fileno(stream: TextIO) -> Optional[int]:
    """The terminal's descriptor, or ``None`` (a stand-in for tests, or no termios)."""
    import os  # noqa: PLC0415

    if os.name != "posix":  # no termios: read lines as the stream gives them
        return None
    try:
        return stream.fileno()
    except (OSError, ValueError, AttributeError):  # io.UnsupportedOperation is both
        return None


def _lines(stream: TextIO) -> Iterator[str]:
    """The lines typed or pasted, until Ctrl-D (read from the descriptor when there is one,
    so that no buffer holds more than the lines taken)."""
    descriptor = _fileno(stream)
    if descriptor is None:
        yield from iter(stream.readline, "")
        return
    import codecs  # noqa: PLC0415
    import os  # noqa: PLC0415

    decoder = codecs.getincrementaldecoder(getattr(stream, "encoding", None) or "utf-8")("replace")
    while True:
        chunk = os.read(descriptor, 65536)  # a terminal gives one line per read
        if not chunk:
            return
        yield decoder.decode(chunk)


def _rest(stream: TextIO) -> str:
    """What is still waiting on the terminal: whole lines, then a line without its Enter."""
    descriptor = _fileno(stream)
    if descriptor is None:
        return ""
    import os  # noqa: PLC0415
    import select  # noqa: PLC0415
    import termios  # noqa: PLC0415

    chunks: list[bytes] = []
    try:
        old = termios.tcgetattr(descriptor)
    except termios.error:
        return ""
    raw = [*old[:6], list(old[6])]
    raw[3] = old[3] & ~termios.ICANON  # a line without its Enter becomes readable
    raw[6][termios.VMIN], raw[6][termios.VTIME] = 0, 0
    try:
        termios.tcsetattr(descriptor, termios.TCSANOW, raw)
        while select.select([descriptor], [], [], DRAIN_WAIT)[0]:
            chunk = os.read(descriptor, 65536)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        termios.tcsetattr(descriptor, termios.TCSANOW, old)
    encoding = getattr(stream, "encoding", None) or "utf-8"
    return b"".join(chunks).decode(encoding, "replace")
