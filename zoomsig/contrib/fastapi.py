"""FastAPI integration (``pip install "zoomsig[fastapi]"``).

Signature endpoints: :func:`meeting_sdk_router` and :func:`video_sdk_router` make an
:class:`fastapi.APIRouter` with one ``POST`` route. The Pydantic models below describe the
request and the answers in the OpenAPI schema (``/docs``); the body itself is read and
checked by :mod:`zoomsig.endpoint`, so that every bad field is reported at once with a
``400 {"errors": [{"property", "reason"}]}`` as Zoom's sample answers, not FastAPI's 422,
and a body over the cap is refused (413) before it is all read. The credentials are checked
when the router is made, so a broken secret stops the app at start-up.

Webhooks
--------
:func:`webhook_router` makes a router that receives Zoom webhooks, and :class:`ZoomWebhook`
is the dependency underneath, for routes of your own::

    from fastapi import FastAPI
    from zoomsig.contrib.fastapi import webhook_router

    async def on_event(event):  # a zoomsig.WebhookEvent, already verified
        ...

    app = FastAPI()
    app.include_router(webhook_router(on_event, secret_token=settings.zoom_secret_token))
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Mapping
from types import MappingProxyType
from typing import Annotated, Any, Callable, ClassVar, Literal, Optional, TypeVar, Union, cast

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic.json_schema import SkipJsonSchema
from typing_extensions import Unpack

from zoomsig import CredentialType
from zoomsig._registry import (
    COBROWSE_SDK_CLAIMS,
    GEO_REGIONS,
    MAX_LIFETIME,
    MEETING_NUMBER_DIGITS,
    MIN_LIFETIME,
    VIDEO_SDK_CLAIMS,
    FieldRule,
    text_length,
)
from zoomsig.contrib._settings import (
    Responder,
    cobrowse_sdk_responder,
    meeting_sdk_responder,
    video_sdk_responder,
)
from zoomsig.contrib._webhooks import WebhookOptions, WebhookSettings
from zoomsig.endpoint import (
    MAX_BODY_SIZE,
    CobrowseSdkPolicy,
    EndpointResponse,
    MeetingSdkPolicy,
    VideoSdkPolicy,
    too_large_response,
)
from zoomsig.webhook import WebhookEvent
from zoomsig.webhook.endpoint import WebhookOutcome

__all__ = [
    "CobrowseSdkRequest",
    "CobrowseSdkToken",
    "EndpointError",
    "EndpointErrors",
    "MeetingSdkRequest",
    "MeetingSdkSignature",
    "VideoSdkRequest",
    "VideoSdkSignature",
    "WebhookAnswer",
    "ZoomWebhook",
    "cobrowse_sdk_router",
    "meeting_sdk_router",
    "video_sdk_router",
    "webhook_router",
]

# --------------------------------------------------------------------------------------
# Signature endpoints (Meeting SDK / Video SDK auth endpoints)
# --------------------------------------------------------------------------------------

_Digits = Annotated[str, Field(pattern=r"^[0-9]+$")]
_Flag = Union[Literal[0, 1], Literal["0", "1"], SkipJsonSchema[None]]
_Lifetime = Union[
    Annotated[int, Field(ge=MIN_LIFETIME, le=MAX_LIFETIME)], _Digits, SkipJsonSchema[None]
]
_Region = Literal["AU", "BR", "CA", "CN", "DE", "HK", "IN", "JP", "MX", "NL", "SG", "US"]
if set(_Region.__args__) != GEO_REGIONS:  # type: ignore[attr-defined]  # pragma: no cover
    raise AssertionError
_MN_LOW, _MN_HIGH = MEETING_NUMBER_DIGITS[0], MEETING_NUMBER_DIGITS[-1]


def _length(claim: str, table: Mapping[str, FieldRule] = VIDEO_SDK_CLAIMS) -> Any:
    """1 to the limit of ``claim``'s registry row, in UTF-16 code units as Zoom counts.

    Pydantic's ``max_length`` counts code points: it stays, for the JSON schema (it is
    implied, a text has at least as many code units as code points), and a validator
    counts the code units the endpoint and Zoom's JavaScript count.
    """
    limit = table[claim].limit or 0

    def at_most(value: str) -> str:
        if text_length(value) > limit:
            raise ValueError(f"at most {limit} characters (UTF-16 code units)")
        return value

    return Field(min_length=1, max_length=limit), AfterValidator(at_most)


_TOPIC_LENGTH = _length("tpc")
_USER_IDENTITY_LENGTH = _length("user_identity")
_SESSION_KEY_LENGTH = _length("session_key")
_TELEMETRY_LENGTH = _length("telemetry_tracking_id")
_USER_ID_LENGTH = _length("user_id", COBROWSE_SDK_CLAIMS)
_USER_NAME_LENGTH = _length("user_name", COBROWSE_SDK_CLAIMS)


class _Request(BaseModel):
    """Other fields are allowed (and ignored by the endpoint), as in Zoom's samples."""

    model_config: ClassVar[ConfigDict] = ConfigDict(extra="allow", populate_by_name=True)


class MeetingSdkRequest(_Request):
    """The Meeting SDK endpoint's request body (the official sample's fields)."""

    meeting_number: Union[
        Annotated[int, Field(ge=10 ** (_MN_LOW - 1), le=10**_MN_HIGH - 1)],
        Annotated[str, Field(pattern=rf"^[0-9]{{{_MN_LOW},{_MN_HIGH}}}$")],
        SkipJsonSchema[None],
    ] = Field(
        None,
        alias="meetingNumber",
        description="The meeting number, digits only; give it with role, or neither for a "
        "native SDK signature.",
    )
    role: _Flag = Field(None, description="0 participant, 1 host (if the server allows it).")
    expiration_seconds: _Lifetime = Field(
        None, alias="expirationSeconds", description="Lifetime in seconds; 7200 if left out."
    )
    video_webrtc_mode: _Flag = Field(None, alias="videoWebRtcMode")


class VideoSdkRequest(_Request):
    """The Video SDK endpoint's request body (the official sample's fields)."""

    session_name: Annotated[str, _TOPIC_LENGTH[0], _TOPIC_LENGTH[1]] = Field(
        alias="sessionName", description="The topic."
    )
    role: Union[Literal[0, 1], Literal["0", "1"]] = Field(
        description="0 participant, 1 host (if the server allows it)."
    )
    expiration_seconds: _Lifetime = Field(None, alias="expirationSeconds")
    user_identity: Union[
        Annotated[str, _USER_IDENTITY_LENGTH[0], _USER_IDENTITY_LENGTH[1]], SkipJsonSchema[None]
    ] = Field(None, alias="userIdentity")
    session_key: Union[
        Annotated[str, _SESSION_KEY_LENGTH[0], _SESSION_KEY_LENGTH[1]], SkipJsonSchema[None]
    ] = Field(None, alias="sessionKey")
    geo_regions: Union[list[_Region], str, SkipJsonSchema[None]] = Field(
        None, alias="geoRegions", description='Region codes, as an array or "US,DE".'
    )
    cloud_recording_option: _Flag = Field(None, alias="cloudRecordingOption")
    cloud_recording_election: _Flag = Field(None, alias="cloudRecordingElection")
    telemetry_tracking_id: Union[
        Annotated[str, _TELEMETRY_LENGTH[0], _TELEMETRY_LENGTH[1]], SkipJsonSchema[None]
    ] = Field(None, alias="telemetryTrackingId")
    video_webrtc_mode: _Flag = Field(None, alias="videoWebRtcMode")
    audio_webrtc_mode: _Flag = Field(None, alias="audioWebRtcMode")
    audio_compatible_mode: _Flag = Field(
        None, alias="audioCompatibleMode", deprecated=True, description="Use audioWebRtcMode."
    )
    cloud_recording_transcript_option: Union[
        Literal[0, 1, 2], Literal["0", "1", "2"], SkipJsonSchema[None]
    ] = Field(
        None,
        alias="cloudRecordingTranscriptOption",
        description="0 none, 1 transcript, 2 transcript and summary.",
    )


class CobrowseSdkRequest(_Request):
    """The Cobrowse SDK endpoint's request body (the official Cobrowse sample's fields)."""

    role: Union[Literal[1, 2], Literal["1", "2"]] = Field(
        description="1 customer, 2 agent (if the server allows it)."
    )
    expiration_seconds: _Lifetime = Field(None, alias="expirationSeconds")
    user_id: Union[Annotated[str, _USER_ID_LENGTH[0], _USER_ID_LENGTH[1]], SkipJsonSchema[None]] = (
        Field(None, alias="userId", description="Unique within the session; random if left out.")
    )
    user_name: Union[
        Annotated[str, _USER_NAME_LENGTH[0], _USER_NAME_LENGTH[1]], SkipJsonSchema[None]
    ] = Field(None, alias="userName", description="The name shown; userId if left out.")


class CobrowseSdkToken(BaseModel):
    """A Cobrowse SDK token (the customer's SDK_TOKEN or the agent's ACCESS_TOKEN)."""

    token: str


class MeetingSdkSignature(BaseModel):
    """A Meeting SDK signature and the key to pass to ``join`` with it."""

    signature: str
    sdk_key: str = Field(alias="sdkKey")


class VideoSdkSignature(BaseModel):
    """A Video SDK token."""

    signature: str


class EndpointError(BaseModel):
    """One refused field: ``property`` names it (``$body``, ``$schema``, ``$server`` for the
    body as a whole, the meetingNumber/role pair and the server's own configuration)."""

    property: str
    reason: str


class EndpointErrors(BaseModel):
    """Every refused field of a request."""

    errors: list[EndpointError]


_ERRORS: Mapping[Union[int, str], dict[str, Any]] = MappingProxyType(
    {
        400: {"model": EndpointErrors, "description": "A field is invalid (all are listed)."},
        403: {"model": EndpointErrors, "description": "The server's policy refuses the request."},
        413: {"model": EndpointErrors, "description": "The body is too large."},
        415: {"model": EndpointErrors, "description": "The body is not sent as JSON."},
        500: {"model": EndpointErrors, "description": "The server's credentials are broken."},
    }
)

P = TypeVar("P", MeetingSdkPolicy, VideoSdkPolicy, CobrowseSdkPolicy)
MeetingPolicySource = Union[MeetingSdkPolicy, Callable[[Request], MeetingSdkPolicy], None]
VideoPolicySource = Union[VideoSdkPolicy, Callable[[Request], VideoSdkPolicy], None]
CobrowsePolicySource = Union[CobrowseSdkPolicy, Callable[[Request], CobrowseSdkPolicy], None]


def _request_body(model: type[BaseModel]) -> dict[str, Any]:
    schema = model.model_json_schema(by_alias=True, ref_template="#/components/schemas/{model}")
    return {
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": schema}},
        }
    }


async def _read_body(request: Request, max_body_size: int) -> Optional[bytes]:
    """The body, read at most one chunk past the cap; ``None`` if it is over the cap.

    The one reader of both kinds of route, chunked bodies (no ``Content-Length``) included.
    """
    length = request.headers.get("content-length", "")
    if length.isdigit() and int(length) > max_body_size:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > max_body_size:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def _to_fastapi(response: EndpointResponse) -> JSONResponse:
    return JSONResponse(response.to_dict(), status_code=response.status)


def _signature_router(
    respond: Responder[P],
    policy: Union[P, Callable[[Request], P], None],
    max_body_size: int,
    path: str,
    route: tuple[type[BaseModel], type[BaseModel], str, str],
) -> APIRouter:
    """One POST route; ``route`` is the request and answer models, the name and summary."""
    request_model, response_model, name, summary = route
    router = APIRouter()

    async def signature(request: Request) -> JSONResponse:
        raw = await _read_body(request, max_body_size)
        if raw is None:
            return _to_fastapi(too_large_response(max_body_size))
        chosen = policy(request) if callable(policy) else policy
        content_type = request.headers.get("content-type", "")
        return _to_fastapi(respond(raw, policy=chosen, content_type=content_type))

    router.add_api_route(
        path,
        signature,
        methods=["POST"],
        name=name,
        response_model=response_model,
        responses=dict(_ERRORS),
        openapi_extra=_request_body(request_model),
        summary=summary,
    )
    return router


def meeting_sdk_router(
    *,
    sdk_key: str,
    sdk_secret: str,
    policy: MeetingPolicySource = None,
    credential_type: CredentialType = CredentialType.MEETING_SDK,
    path: str = "/",
    max_body_size: int = MAX_BODY_SIZE,
    include_sdk_key: Optional[bool] = None,
) -> APIRouter:
    """A router serving the Meeting SDK signature endpoint: ``POST path``.

    Args:
        sdk_key: The Meeting SDK app's Client ID.
        sdk_secret: Its Client secret; checked here, never in a response.
        policy: A :class:`~zoomsig.endpoint.MeetingSdkPolicy`, or a function of the
            :class:`~starlette.requests.Request` that returns one. Participant signatures
            only when ``None``.
        credential_type: Where the key comes from.
        path: The route's path inside the router.
        max_body_size: Bodies larger than this many bytes get 413.
        include_sdk_key: Whether signatures carry the deprecated ``sdkKey`` claim (see
            :attr:`~zoomsig.endpoint.MeetingSdkPolicy.include_sdk_key`; ``None``: the
            policy's choice, by default none in Web SDK signatures).

    Raises:
        InvalidParameterError: An argument cannot work (at start-up).
    """
    respond = meeting_sdk_responder(
        sdk_key=sdk_key,
        sdk_secret=sdk_secret,
        policy=policy,
        credential_type=credential_type,
        max_body_size=max_body_size,
        include_sdk_key=include_sdk_key,
    )
    route = (
        MeetingSdkRequest,
        MeetingSdkSignature,
        "meeting_sdk_signature",
        "Make a Meeting SDK signature",
    )
    return _signature_router(respond, policy, max_body_size, path, route)


def video_sdk_router(
    *,
    sdk_key: str,
    sdk_secret: str,
    policy: VideoPolicySource = None,
    path: str = "/",
    max_body_size: int = MAX_BODY_SIZE,
) -> APIRouter:
    """A router serving the Video SDK signature endpoint: ``POST path``.

    Same arguments as :func:`meeting_sdk_router`, with a
    :class:`~zoomsig.endpoint.VideoSdkPolicy`.

    Raises:
        InvalidParameterError: An argument cannot work (at start-up).
    """
    respond = video_sdk_responder(
        sdk_key=sdk_key, sdk_secret=sdk_secret, policy=policy, max_body_size=max_body_size
    )
    route = (VideoSdkRequest, VideoSdkSignature, "video_sdk_signature", "Make a Video SDK token")
    return _signature_router(respond, policy, max_body_size, path, route)


def cobrowse_sdk_router(
    *,
    sdk_key: str,
    sdk_secret: str,
    policy: CobrowsePolicySource = None,
    path: str = "/",
    max_body_size: int = MAX_BODY_SIZE,
) -> APIRouter:
    """A router serving the Cobrowse SDK token endpoint: ``POST path`` answers
    ``{"token": …}`` as Zoom's Cobrowse auth endpoint sample does.

    Same arguments as :func:`meeting_sdk_router`, with a
    :class:`~zoomsig.endpoint.CobrowseSdkPolicy` (customer tokens only when ``None``).

    Raises:
        InvalidParameterError: An argument cannot work (at start-up).
    """
    respond = cobrowse_sdk_responder(
        sdk_key=sdk_key, sdk_secret=sdk_secret, policy=policy, max_body_size=max_body_size
    )
    route = (CobrowseSdkRequest, CobrowseSdkToken, "cobrowse_sdk_token", "Make a Cobrowse token")
    return _signature_router(respond, policy, max_body_size, path, route)


# --------------------------------------------------------------------------------------
# Webhooks
# --------------------------------------------------------------------------------------
Handler = Callable[[WebhookEvent], Union[Awaitable[None], None]]
EVENT_HANDLERS_SCOPE = "starlette.exception_handlers"
"""Where Starlette's ``ExceptionMiddleware`` puts its exception handlers for the request."""


class WebhookAnswer(Exception):  # noqa: N818 - an answer, not an error
    """Raised by :meth:`ZoomWebhook.event` for a request the route must not handle, with the
    answer to send instead (URL validation, 401, 413, a duplicate delivery).

    :meth:`ZoomWebhook.event` registers the handler that sends :attr:`response` with the
    application's exception handlers itself, so a route cannot forget it.
    """

    def __init__(self, outcome: WebhookOutcome) -> None:
        super().__init__(f"answered {outcome.status} without the route")
        self.outcome = outcome

    @property
    def response(self) -> JSONResponse:
        """The answer: the outcome's status and JSON body."""
        return JSONResponse(dict(self.outcome.body), status_code=self.outcome.status)


async def _send_answer(request: Request, exc: Exception) -> JSONResponse:
    return cast("WebhookAnswer", exc).response


def _answer(request: Request, outcome: WebhookOutcome) -> WebhookAnswer:
    """The exception that answers ``outcome``, its handler registered for this app."""
    handlers = request.scope.get(EVENT_HANDLERS_SCOPE)
    if not (isinstance(handlers, tuple) and handlers and isinstance(handlers[0], dict)):
        raise RuntimeError(  # pragma: no cover - every Starlette that FastAPI 0.110+ uses
            "zoomsig: ZoomWebhook.event cannot answer this request: Starlette's exception "
            f"handlers are not in the scope ({EVENT_HANDLERS_SCOPE!r}); use webhook_router"
        )
    cast("dict[object, object]", handlers[0]).setdefault(WebhookAnswer, _send_answer)
    return WebhookAnswer(outcome)


class ZoomWebhook(WebhookSettings):
    """A dependency that reads the raw body and verifies it, for routes of your own.

    ``Depends(zoom.event)`` gives the route the verified :class:`~zoomsig.WebhookEvent` of
    each first delivery, and nothing else: the dependency itself answers the URL validation
    challenge (200 with ``plainToken`` and ``encryptedToken``), a bad signature or a stale
    timestamp (401 ``{"error": "unauthorized"}``), a body over ``max_body_size`` (413) and a
    duplicate delivery (200 ``{"status": "duplicate"}``), the same answers as
    :func:`webhook_router`. If the route raises, the delivery is released, so that Zoom's
    retry runs it again.

    ``Depends(zoom)`` gives the decided :class:`~zoomsig.webhook.endpoint.WebhookOutcome`
    instead, for a route that writes every answer itself.

    Args:
        secret_token: The Secret Token of the event subscription, or several (a list or
            tuple while you rotate it, a dict of names to tokens: ``event.secret_id`` says
            which one matched).
        tolerance: The replay window in seconds.
        max_body_size: The body cap in bytes.
        deliveries: A :class:`~zoomsig.webhook.DeliveryGuard` or store: a duplicate
            delivery is answered 200 without the route.
        on_error: Called with the :class:`~zoomsig.InvalidWebhookError` of each 401 (each is
            also logged on the ``zoomsig.webhook`` logger).
        authentication: For an event subscription set to Basic auth, OAuth or a custom
            header: :class:`~zoomsig.webhook.BasicAuth`,
            :class:`~zoomsig.webhook.BearerToken`, :class:`~zoomsig.webhook.CustomHeader`
            or a function of the headers; a request without it is answered 401.

    Raises:
        InvalidParameterError: an argument cannot work (at start-up).
    """

    def __repr__(self) -> str:
        return f"ZoomWebhook(max_body_size={self.max_body_size})"

    async def read(self, request: Request) -> Optional[bytes]:
        """The raw body, or ``None`` when it is over ``max_body_size`` (read no further)."""
        return await _read_body(request, self.max_body_size)

    async def __call__(self, request: Request) -> WebhookOutcome:
        """Read at most ``max_body_size`` bytes of the raw body and decide the answer."""
        return self._receiver.decide(request.headers, await self.read(request))

    async def event(self, request: Request) -> AsyncIterator[WebhookEvent]:
        """The verified event of a first delivery; every other request is answered here."""
        outcome = await self(request)
        if outcome.event is None:
            raise _answer(request, outcome)
        try:
            yield outcome.event
        except BaseException:
            self._receiver.release(outcome.event)
            raise

    async def handle(self, handler: Handler, request: Request) -> JSONResponse:
        """Decide the answer, await (or call) ``handler`` with a first delivery's event."""
        outcome = await self(request)
        if outcome.event is not None:
            await self._receiver.run_async(handler, outcome.event)
        return JSONResponse(dict(outcome.body), status_code=outcome.status)


def webhook_router(
    handler: Handler, *, path: str = "/zoom/webhook", **settings: Unpack[WebhookOptions]
) -> APIRouter:
    """A router with one POST route at ``path`` that verifies Zoom webhooks.

    Answers URL validation, 401 with no detail to a bad signature or a stale timestamp, 413
    to a body over ``max_body_size`` bytes, and awaits (or calls) ``handler(event)`` with
    every other verified event before answering 200. The settings (``secret_token``,
    ``tolerance``, ``max_body_size``, ``deliveries``, ``on_error``, ``authentication``) are those of
    :class:`ZoomWebhook`.

    Raises:
        InvalidParameterError: a setting cannot work (at start-up).
    """
    webhook = ZoomWebhook(**settings)
    router = APIRouter()

    @router.post(path, include_in_schema=False)
    async def receive(request: Request) -> JSONResponse:
        return await webhook.handle(handler, request)

    return router
