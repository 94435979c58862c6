"""What the three integrations share, framework-free: every setting checked at start-up.

A signature route's settings (key, secret, credential type, policy, body cap) are checked
by :func:`meeting_sdk_responder` / :func:`video_sdk_responder`, which return the function
a request then calls; a webhook route's by
:func:`zoomsig.webhook.endpoint.check_webhook_settings`. Each raises
:class:`~zoomsig.InvalidParameterError` naming the argument, never holding a secret.
"""

from __future__ import annotations

from functools import partial
from typing import Optional, TypeVar

from typing_extensions import Protocol

from zoomsig import CredentialType, InvalidParameterError
from zoomsig.endpoint import (
    CobrowseSdkPolicy,
    EndpointResponse,
    MeetingSdkPolicy,
    VideoSdkPolicy,
    check_cobrowse_sdk_credentials,
    check_meeting_sdk_credentials,
    check_video_sdk_credentials,
    cobrowse_sdk_response,
    meeting_sdk_response,
    video_sdk_response,
)
from zoomsig.webhook.endpoint import check_max_body_size

__all__ = ["Responder", "cobrowse_sdk_responder", "meeting_sdk_responder", "video_sdk_responder"]

P = TypeVar("P", MeetingSdkPolicy, VideoSdkPolicy, CobrowseSdkPolicy)
P_contra = TypeVar(
    "P_contra", MeetingSdkPolicy, VideoSdkPolicy, CobrowseSdkPolicy, contravariant=True
)


class Responder(Protocol[P_contra]):
    """A signature endpoint with its settings bound: the raw body in, the answer out."""

    def __call__(
        self,
        body: bytes,
        *,
        policy: Optional[P_contra],
        content_type: str,
        body_sent: bool = False,
    ) -> EndpointResponse: ...  # pragma: no cover - a protocol


def _check_policy(policy: object, kind: type[P]) -> None:
    """``policy`` is ``None``, a ``kind`` or a function (called per request) returning one."""
    if policy is None or isinstance(policy, kind) or callable(policy):
        return
    raise InvalidParameterError(
        "policy",
        f"expected a {kind.__name__}, a function of the request that returns one, or None; "
        f"got {type(policy).__name__}",
    )


def meeting_sdk_responder(
    *,
    sdk_key: str,
    sdk_secret: str,
    policy: object,
    credential_type: CredentialType,
    max_body_size: int,
    include_sdk_key: Optional[bool] = None,
) -> Responder[MeetingSdkPolicy]:
    """The Meeting SDK endpoint with its settings checked (now) and bound."""
    check_max_body_size(max_body_size)
    _check_policy(policy, MeetingSdkPolicy)
    check_meeting_sdk_credentials(
        sdk_key=sdk_key, sdk_secret=sdk_secret, credential_type=credential_type
    )
    MeetingSdkPolicy(include_sdk_key=include_sdk_key)  # checked as a policy checks it
    return partial(
        meeting_sdk_response,
        sdk_key=sdk_key,
        sdk_secret=sdk_secret,
        max_body_size=max_body_size,
        credential_type=credential_type,
        include_sdk_key=include_sdk_key,
    )


def video_sdk_responder(
    *, sdk_key: str, sdk_secret: str, policy: object, max_body_size: int
) -> Responder[VideoSdkPolicy]:
    """The Video SDK endpoint with its settings checked (now) and bound."""
    check_max_body_size(max_body_size)
    _check_policy(policy, VideoSdkPolicy)
    check_video_sdk_credentials(sdk_key=sdk_key, sdk_secret=sdk_secret)
    return partial(
        video_sdk_response, sdk_key=sdk_key, sdk_secret=sdk_secret, max_body_size=max_body_size
    )


def cobrowse_sdk_responder(
    *, sdk_key: str, sdk_secret: str, policy: object, max_body_size: int
) -> Responder[CobrowseSdkPolicy]:
    """The Cobrowse SDK endpoint with its settings checked (now) and bound."""
    check_max_body_size(max_body_size)
    _check_policy(policy, CobrowseSdkPolicy)
    check_cobrowse_sdk_credentials(sdk_key=sdk_key, sdk_secret=sdk_secret)
    return partial(
        cobrowse_sdk_response, sdk_key=sdk_key, sdk_secret=sdk_secret, max_body_size=max_body_size
    )
