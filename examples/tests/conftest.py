"""Test credentials in the environment, as a deployment sets them, and Django set up."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

KEY = "EXAMPLE-KEY-not-real"
SECRET = "example-secret-not-real-0123456789"
os.environ["ZOOM_SDK_KEY"] = KEY
os.environ["ZOOM_SDK_SECRET"] = SECRET
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zoom_auth_site.settings")

import django  # noqa: E402
from django.test.utils import setup_test_environment, teardown_test_environment  # noqa: E402

django.setup()


@pytest.fixture(scope="session", autouse=True)
def _django_test_environment() -> Iterator[None]:
    setup_test_environment()  # lets the test client's host "testserver" in
    yield
    teardown_test_environment()
