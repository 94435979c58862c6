"""Make both example apps importable and set Django up for its test client."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import django
import pytest
from django.test.utils import setup_test_environment, teardown_test_environment

EXAMPLES = Path(__file__).resolve().parent.parent
for folder in (EXAMPLES, EXAMPLES / "django_app", EXAMPLES / "fastapi_app"):
    sys.path.insert(0, str(folder))

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zoom_auth_site.settings")
django.setup()


@pytest.fixture(scope="session", autouse=True)
def _django_test_environment() -> Iterator[None]:
    setup_test_environment()  # lets the test client's host "testserver" in
    yield
    teardown_test_environment()
