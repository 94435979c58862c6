"""``zoomsig._secrecy``: the one home of secret normalisation, lengths, checks, redaction
and echoes (issue 18, item 2)."""

from __future__ import annotations

import json
import sys
from urllib.parse import quote

import pytest

from zoomsig import InvalidParameterError
from zoomsig._secrecy import (
    BOM,
    MAX_SECRET_LENGTH,
    SURROUNDING,
    Redactor,
    bare,
    bare_bytes,
    check_optional_secret_text,
    check_secret_text,
    describe,
    secret_texts,
)


def windows(secret: str, run: int = 8) -> list[str]:
    return [secret[i : i + run] for i in range(len(secret) - run + 1)]


def assert_no_run(text: str, secret: str) -> None:
    leaked = [w for w in windows(secret) if w in text]
    assert not leaked, f"{len(leaked)} runs of 8 characters of the value in the output"


# --- the module itself ---------------------------------------------------------------


def test_surrounding_is_every_whitespace_character_and_the_bom() -> None:
    whitespace = "".join(ch for ch in map(chr, range(sys.maxunicode + 1)) if ch.isspace())
    assert set(SURROUNDING) == {*whitespace, BOM}


@pytest.mark.parametrize(
    "padded",
    ["s3cret\n", "\ufeffs3cret", "s3cret\u00a0", " \ufeff s3cret \u00a0\r\n", "\ufeff\ufeffs3cret"],
)
def test_bare_removes_every_padding_for_str_and_bytes(padded: str) -> None:
    assert bare(padded) == "s3cret"
    assert bare_bytes(padded.encode()) == b"s3cret"


def test_bare_bytes_keeps_invalid_utf8_as_it_is() -> None:
    assert bare_bytes(b"\xff\xfe secret\n") == b"\xff\xfe secret"
    assert secret_texts(b" s3cret-token\n") == (" s3cret-token\n", "s3cret-token")


def test_redactor_covers_every_spelling() -> None:
    secret = "Zx9+Sécret/Value\x1b0123"
    redactor = Redactor(secret)
    for spelling in (
        secret,
        json.dumps(secret)[1:-1],
        json.dumps(secret, ensure_ascii=False)[1:-1],
        repr(secret)[1:-1],
        quote(secret, safe=""),
        quote(secret),
    ):
        for window in windows(spelling):
            assert redactor.holds(f"…{window}…"), window
            assert window not in redactor.redact(f"x {window} y")


def test_a_short_token_is_matched_whole_when_asked() -> None:
    assert Redactor("abc", shortest=1).holds("xxabcxx")
    assert not Redactor("abc").holds("xxabcxx")  # the diagnosis refuses such secrets


def test_check_secret_text_refuses_by_type_then_length_then_surrogates() -> None:
    with pytest.raises(InvalidParameterError, match="got int"):
        check_secret_text(42, "p")
    with pytest.raises(InvalidParameterError, match="refused unread"):
        check_secret_text("\ud800" * (MAX_SECRET_LENGTH + 1), "p")
    with pytest.raises(InvalidParameterError, match="not valid Unicode") as info:
        check_secret_text("abc\udcffdef", "p")
    assert info.value.__context__ is None
    assert check_optional_secret_text(None, "zak") is None
    assert check_secret_text(" padded ", "p") == " padded "  # the caller decides on padding


def test_describe_never_quotes_more_than_seven_characters() -> None:
    for value in (
        "Zx9SecretValue0123456789",
        b"Zx9SecretValue0123456789",
        ["Zx9SecretValue0123456789"],
        {"k": "Zx9SecretValue0123456789"},
        "\x1b" * 30,
        "a" * 1_000_000,
    ):
        text = describe(value)
        assert_no_run(text, value if isinstance(value, str) else "Zx9SecretValue0123456789")
