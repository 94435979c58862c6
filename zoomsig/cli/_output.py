"""Printing: colour, escaping of what a token may hold, and the report's pieces.

Nothing a token carries is written raw: C0 and C1 controls, bidi controls and other
invisible format characters are escaped (:func:`safe`), so a header or claim cannot move
the cursor, rewrite the terminal title or reorder the text around it.
"""

from __future__ import annotations

import os
from types import MappingProxyType

from zoomsig._enums import Severity, TokenKind
from zoomsig._secrecy import MAX_SECRET_LENGTH, RUN, Redactor, bare, is_utf8_encodable

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping
    from typing import Optional, TextIO

    from zoomsig.diagnose.report import Report

PREVIEW = 12
"""How many leading characters of a token ``check`` shows."""
MIN_RUN = RUN
"""No run of this many characters of the secret is ever printed."""

_SGR = MappingProxyType(
    {"red": "31", "green": "32", "yellow": "33", "cyan": "36", "bold": "1", "dim": "2"}
)


def colour_wanted(stream: TextIO, choice: str = "auto") -> bool:
    """Whether to colour ``stream``: ``--color``, then NO_COLOR, FORCE_COLOR, TERM, a tty.

    ``--color=always|never`` wins. Otherwise a non-empty ``NO_COLOR`` turns colour off
    (no-color.org; it beats FORCE_COLOR, as in CPython's own REPL), a non-empty
    ``FORCE_COLOR`` or a ``CLICOLOR_FORCE`` other than ``0`` turns it on, ``CLICOLOR=0`` or
    ``TERM=dumb`` turn it off, and else only a terminal gets colour.
    """
    if choice != "auto":
        return choice == "always"
    env = os.environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR") or env.get("CLICOLOR_FORCE", "0") != "0":
        return True
    if env.get("CLICOLOR") == "0" or env.get("TERM") == "dumb":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


class Out:
    """Lines to one stream; colour as :func:`colour_wanted` says; the secret never."""

    def __init__(self, stream: TextIO, *, colour: Optional[bool] = None) -> None:
        self.stream = stream
        self.colour = colour_wanted(stream) if colour is None else colour
        self._hidden: tuple[str, ...] = ()
        self._redactor: Optional[Redactor] = None

    def hide(self, secret: Optional[str]) -> None:
        """Never print a run of :data:`MIN_RUN` characters of ``secret``, in any escaped form.

        Called for the secret and every other credential given (ZAK, OBF token, other secrets).
        """
        if secret and secret not in self._hidden:
            self._hidden = (*self._hidden, secret)
            self._redactor = secret_runs(*self._hidden)

    @property
    def hidden(self) -> tuple[str, ...]:
        """The secrets given to :meth:`hide`, for an error printed elsewhere."""
        return self._hidden

    def paint(self, text: str, *styles: str) -> str:
        if not self.colour or not styles:
            return text
        codes = ";".join(_SGR[style] for style in styles)
        return f"\033[{codes}m{text}\033[0m"

    def json(self, data: object) -> None:
        """``data`` as indented JSON, ASCII only (as ``zoomsig check --json`` has always been).

        Every character beyond ASCII is a ``\\uXXXX`` escape, so no C1 control or bidi
        override from a token or a request reaches the terminal, and the JSON reads back
        the same.
        """
        import json  # noqa: PLC0415

        self.line(json.dumps(data, indent=2))

    def line(self, text: str = "") -> None:
        if self._redactor is not None:
            text = redact(text, self._redactor)
        try:
            self.stream.write(text + "\n")
        except UnicodeEncodeError:  # a console or pipe that cannot show '…' or '→'
            encoding = getattr(self.stream, "encoding", None) or "ascii"
            self.stream.write((text + "\n").encode(encoding, "replace").decode(encoding))


def secret_runs(*secrets: str) -> Redactor:
    """What finds every run of :data:`MIN_RUN` characters of ``secrets`` in any spelling.

    The library's one redaction rule (:class:`zoomsig._secrecy.Redactor`): raw, JSON-,
    ``repr``-, URL- and control-escaped, each secret as given and without the whitespace or
    byte-order mark around it.

    A secret that is not valid Unicode (non-UTF-8 bytes in an environment variable) is
    looked for with U+FFFD in place of each lone surrogate: every run without one is still
    found, and a lone surrogate is never printed raw. One longer than
    :data:`~zoomsig._secrecy.MAX_SECRET_LENGTH` is not looked for (the patterns grow with
    it): every command refuses it before printing anything of it.
    """
    texts = (
        t
        for secret in secrets
        if len(secret) <= MAX_SECRET_LENGTH
        for t in (secret, bare(secret))
        if t
    )
    return Redactor(*dict.fromkeys(map(_valid_text, texts)), marker="<secret>")


def _valid_text(text: str) -> str:
    """``text`` with U+FFFD for each lone surrogate (``quote()`` of one would raise)."""
    if is_utf8_encodable(text):
        return text
    return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)


def redact(text: str, runs: Redactor) -> str:
    """``text`` with every stretch that holds a run of a secret replaced by ``<secret>``."""
    return runs.redact(text) if runs.holds(text) else text


def _escape(char: str) -> str:
    code = ord(char)
    if code < 0x100:
        return f"\\x{code:02x}"
    if code < 0x10000:
        return f"\\u{code:04x}"
    return f"\\U{code:08x}"


def safe(text: str) -> str:
    """``text`` with every control, bidi or invisible format character escaped as ``\\uXXXX``.

    That is every character that is not printable (C0 and C1 controls such as ESC and
    U+009B CSI, line and paragraph separators) and every format character (category Cf:
    the bidi overrides and isolates U+202A to U+202E, U+2066 to U+2069, zero-width characters,
    U+FEFF). A backslash stays as it is.
    """
    if text.isprintable() and text.isascii():
        return text
    import unicodedata  # noqa: PLC0415 - only for text that needs it

    return "".join(
        _escape(ch)
        if not ch.isprintable() or unicodedata.category(ch) in ("Cf", "Co", "Cs", "Cn")
        else ch
        for ch in text
    )


def preview(token: str, secret: Optional[str] = None) -> str:
    """The first few characters of a token: never the whole thing, never the secret's."""
    start = token[: min(PREVIEW, len(token) // 3)]
    if (secret and secret_runs(secret).holds(start)) or _looks_like(start, secret):
        return "(not shown: it holds the secret)"
    return safe(start) + "…"


def _looks_like(start: str, secret: Optional[str]) -> bool:
    """Whether the preview is the start of the secret (a short preview, or a cut one)."""
    if not secret or len(start) < 4:
        return False
    return secret.startswith(start) or start in secret


def iso(unix: float) -> str:
    import math  # noqa: PLC0415
    from datetime import datetime, timezone  # noqa: PLC0415

    return datetime.fromtimestamp(math.floor(unix), timezone.utc).isoformat()


def relative(seconds: float) -> str:
    """``in 2 h`` / ``5 min ago``: a rough distance in time for people."""
    size = abs(seconds)
    if size < 90:
        text = f"{round(size)} s"
    elif size < 90 * 60:
        text = f"{round(size / 60)} min"
    elif size < 48 * 3600:
        text = f"{size / 3600:.1f}".rstrip("0").rstrip(".") + " h"
    else:
        text = f"{size / 86400:.1f}".rstrip("0").rstrip(".") + " d"
    return f"in {text}" if seconds >= 0 else f"{text} ago"


def when(unix: float, now: float) -> str:
    return f"{iso(unix)} ({relative(unix - now)})"


_TIME_CLAIMS = frozenset({"iat", "exp", "tokenExp"})


def claim_lines(claims: Mapping[str, object], now: float) -> list[str]:
    import json  # noqa: PLC0415

    names = {name: safe(name) for name in claims}
    width = min(max((len(name) for name in names.values()), default=0), 20)
    lines: list[str] = []
    for name, value in claims.items():
        text = safe(json.dumps(value, ensure_ascii=False))
        if len(text) > 60:
            text = text[:59] + "…"
        if (
            name in _TIME_CLAIMS
            and isinstance(value, int)
            and not isinstance(value, bool)
            and 0 <= value < 10**11
        ):
            text += f"  = {when(value, now)}"
        lines.append(f"{names[name]:<{width}}  {text}")
    return lines


SEVERITY_STYLE = MappingProxyType(
    {
        Severity.ERROR: ("red", "bold"),
        Severity.WARNING: ("yellow",),
        Severity.INFO: ("cyan",),
    }
)
KIND_NAMES = MappingProxyType(
    {
        TokenKind.MEETING_SDK: "Meeting SDK signature",
        TokenKind.VIDEO_SDK: "Video SDK token",
        TokenKind.LEGACY_WEB_SDK: "legacy Web SDK signature",
        TokenKind.WEBHOOK: "Zoom webhook signature",
        TokenKind.UNKNOWN: "not recognised as any Zoom signature",
        TokenKind.COBROWSE_SDK: "Cobrowse SDK token",
        TokenKind.VIDEO_SDK_API: "Video SDK REST API token",
    }
)


def plural(count: int, word: str) -> str:
    return f"{count} {word}{'s' * (count != 1)}"


def verdict(out: Out, report: Report, *, strict: bool = False) -> str:
    """``OK``, ``UNVERIFIED`` (no error, but the HMAC was not checked) or ``INVALID``: the
    kind of token, where it was found, and the counts."""
    passed = report.ok and not (strict and report.warnings)
    if not passed:
        word = out.paint("INVALID", "red", "bold")
    elif report.signature_verified is None:
        word = out.paint("UNVERIFIED", "yellow", "bold")
    else:
        word = out.paint("OK", "green", "bold")
    what = KIND_NAMES[report.kind]
    if passed and report.signature_verified is None:
        what = f"well-formed {what}"  # the line below says why the HMAC was not checked
    if any(f.code.value == "IN_URL" for f in report.findings):
        what += ", inside a URL"
    counts = f"{plural(len(report.errors), 'error')}, {plural(len(report.warnings), 'warning')}"
    suffix = " (--strict)" if strict and report.ok and report.warnings else ""
    return f"{word}: {what}; {counts}{suffix}"


def width() -> int:
    """The width to wrap prose to: the terminal's (``COLUMNS`` first), 80 for a pipe."""
    import shutil  # noqa: PLC0415

    return max(60, min(shutil.get_terminal_size().columns, 120))


def wrap(text: str, indent: str, columns: int, hanging: str = "") -> list[str]:
    """``text`` wrapped at ``columns`` after ``indent`` (``+ hanging`` from the second line).

    Words are never cut, so a token or a path stays whole on its line.
    """
    import textwrap  # noqa: PLC0415

    return textwrap.wrap(
        text,
        columns,
        initial_indent=indent,
        subsequent_indent=indent + hanging,
        break_long_words=False,
        break_on_hyphens=False,
    ) or [indent]


def finding_lines(out: Out, report: Report, indent: str) -> list[str]:
    columns = width()
    lines: list[str] = []
    for finding in report.findings:
        label = out.paint(f"{finding.severity.value.lower():<8}", *SEVERITY_STYLE[finding.severity])
        where = f" [{safe(finding.claim)}]" if finding.claim else ""
        lines.append(f"{indent}{label} {out.paint(finding.code.value, 'bold')}{where}")
        lines += wrap(safe(finding.message), f"{indent}         ", columns)
        fix = wrap(f"fix: {finding.fix}", f"{indent}         ", columns)
        prefix = f"{indent}         fix:"
        fix[0] = f"{indent}         {out.paint('fix:', 'dim')}{fix[0][len(prefix) :]}"
        lines += fix
    return lines


def field(out: Out, label: str, text: str) -> str:
    return f"{out.paint(f'{label:<10}', 'bold')}{text}"
