"""The end-to-end fixtures: real servers on 127.0.0.1, Debian's Chromium, the npm SDKs.

Every test here is marked ``e2e``; the default ``python -m pytest`` deselects them
(pyproject.toml) and ``.ci/steps/e2e.sh`` runs them (docs/e2e.md).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from _e2e_env import (
    CHROMIUM_ARGS,
    FRAMEWORKS,
    SDK,
    Server,
    chromium_path,
    missing,
    start_server,
    stop_server,
)

if TYPE_CHECKING:
    from playwright.sync_api import Browser


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = chromium_path()
    if not (SDK / "meetingsdk" / "package.json").is_file():
        missing("the npm SDKs (cd tests/e2e/web && npm ci --ignore-scripts)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        missing('the playwright package (pip install -e ".[e2e]")')
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="session")
def servers() -> Iterator[dict[str, Server]]:
    """The three integrations, each on its own port, started once for the session."""
    started: dict[str, Server] = {}
    try:
        for framework in FRAMEWORKS:
            started[framework] = start_server(framework)
        yield started
    finally:
        for server in started.values():
            stop_server(server)


@pytest.fixture(params=FRAMEWORKS)
def server(request: pytest.FixtureRequest, servers: dict[str, Server]) -> Server:
    chosen: Server = servers[request.param]
    return chosen
