"""Shared by the command-line tests: a terminal stand-in, a run's result, a clean environment."""

from __future__ import annotations

import io
import sys
from dataclasses import dataclass

import pytest
from _support import SDK_KEY, SDK_SECRET


class Terminal(io.StringIO):
    """Standard input or output that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@dataclass
class Result:
    """What one ``zoomsig`` run did: its exit status and what it printed."""

    code: int
    out: str
    err: str

    @property
    def both(self) -> str:
        return self.out + self.err


def clean_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """No ZOOM_* credentials or colour settings from the caller, a pipe's width, empty stdin."""
    for name in (
        "ZOOM_SDK_KEY", "ZOOM_SDK_SECRET", "ZOOM_WEBHOOK_SECRET_TOKEN", "ZOOM_ZAK",
        "ZOOM_OBF_TOKEN", "ZOOM_WEBHOOK_VERIFICATION_TOKEN", "NO_COLOR", "FORCE_COLOR",
        "CLICOLOR_FORCE", "CLICOLOR", "TERM",
    ):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "80")  # the width of a pipe, wherever the tests run
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))


def set_credentials(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test app's key and secret in ZOOM_SDK_KEY and ZOOM_SDK_SECRET."""
    monkeypatch.setenv("ZOOM_SDK_KEY", SDK_KEY)
    monkeypatch.setenv("ZOOM_SDK_SECRET", SDK_SECRET)
