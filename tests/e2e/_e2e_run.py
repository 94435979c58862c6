"""Open one page in Chromium with every request to Zoom intercepted, and say what happened.

The context's route sees every request the page and the SDK make (documents, scripts,
fetch/XHR, wasm, workers). Requests to the test server's own origin go through; every other
one is recorded (method, address, form fields) and aborted, so the browser never leaves the
machine. The SDK's join request to Zoom (the client and component views'
``POST https://zoom.us/api/v1/wc/info``, the Video SDK's ``POST https://zoom.us/wc/lsdk``)
is one of those records.
"""

from __future__ import annotations

import time
import urllib.parse
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page, Route

MEETING_JOIN = "https://zoom.us/api/v1/wc/info"
VIDEO_JOIN = "https://zoom.us/wc/lsdk"


@dataclass(frozen=True)
class Outside:
    """A request the page tried to send off the machine (aborted)."""

    method: str
    url: str
    form: dict[str, str]

    @property
    def address(self) -> str:
        return self.url.split("?", 1)[0]


@dataclass
class Run:
    """What one page load did: the page's own record, the outside requests, the console."""

    events: list[dict[str, Any]] = field(default_factory=list)
    outside: list[Outside] = field(default_factory=list)
    console: list[tuple[str, str]] = field(default_factory=list)
    endpoint_bodies: list[Any] = field(default_factory=list)

    def last(self) -> dict[str, Any]:
        return self.events[-1] if self.events else {"kind": "nothing", "value": None}

    def join_requests(self, address: str) -> list[Outside]:
        return [request for request in self.outside if request.address == address]

    def warnings(self) -> list[str]:
        return [text for kind, text in self.console if kind in {"warning", "error"}]

    def page_errors(self) -> list[str]:
        return [text for kind, text in self.console if kind == "pageerror"]

    def saw(self, text: str) -> bool:
        return any(text in message for _, message in self.console)


def _form(body: Optional[str]) -> dict[str, str]:
    if not body:
        return {}
    return dict(urllib.parse.parse_qsl(body, keep_blank_values=True))


def _route(origin: str, run: Run) -> Any:
    def handle(route: Route) -> None:
        request = route.request
        if request.url.startswith(origin + "/"):
            route.continue_()
            return
        run.outside.append(Outside(request.method, request.url, _form(request.post_data)))
        route.abort()

    return handle


def _wait(page: Page, run: Run, settle_on: tuple[str, ...], timeout: float) -> None:
    """Until the page says it is done, or (for an SDK that stops without calling back) an
    uncaught error or one of the ``settle_on`` console lines shows and two more seconds
    pass, or ``timeout``."""
    deadline = time.monotonic() + timeout
    settled_at: Optional[float] = None
    while time.monotonic() < deadline:
        page.wait_for_timeout(200)
        if page.evaluate("window.e2e !== undefined && window.e2e.done"):
            break
        if settled_at is None and (run.page_errors() or any(map(run.saw, settle_on))):
            settled_at = time.monotonic()
        if settled_at is not None and time.monotonic() - settled_at > 2:
            break
    run.events = list(page.evaluate("window.e2e ? window.e2e.events : []"))


def open_page(
    browser: Browser,
    origin: str,
    page_name: str,
    query: dict[str, str],
    *,
    screenshot: Optional[str] = None,
    settle_on: tuple[str, ...] = (),
    timeout: float = 40,
) -> Run:
    run = Run()
    context = browser.new_context(viewport={"width": 1000, "height": 700})
    try:
        context.route("**/*", _route(origin, run))
        page = context.new_page()

        def on_console(message: ConsoleMessage) -> None:
            run.console.append((message.type, message.text))

        page.on("console", on_console)
        page.on("pageerror", lambda error: run.console.append(("pageerror", str(error))))
        page.on(
            "response",
            lambda response: (
                run.endpoint_bodies.append(response.json())
                if "/zoom/" in response.url and response.request.method == "POST"
                else None
            ),
        )
        page.goto(f"{origin}/e2e/{page_name}?{urllib.parse.urlencode(query)}")
        _wait(page, run, settle_on, timeout)
        if screenshot is not None:
            page.wait_for_timeout(500)
            page.screenshot(path=screenshot)
    finally:
        context.close()
    return run
