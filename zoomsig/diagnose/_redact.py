"""Redaction for the diagnosis: the rule and its one implementation live in :mod:`zoomsig._secrecy`.

Kept so that the diagnosis modules import it from beside them; nothing is defined here.
"""

from __future__ import annotations

from zoomsig._secrecy import REDACTED, RUN, Redactor, secret_texts

__all__ = ["REDACTED", "RUN", "Redactor", "secret_texts"]
