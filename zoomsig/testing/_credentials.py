"""Fake, clearly-not-real credentials for every kind of Zoom app, for tests."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

from zoomsig._enums import CredentialType

__all__ = ["FAKE_NOW", "FakeCredentials", "fake_credentials"]

FAKE_NOW = 1763900000
"""A fixed Unix time (2025-11-23T12:13:20Z) for reproducible tokens in tests.

Pass it as ``now=`` to the signer *and* to the check: a check that reads the real clock
sees every token made at it as long expired (the ``zoom_now`` fixture is the clock's time).
"""


@dataclass(frozen=True)
class FakeCredentials:
    """A key and secret of the given app type that no Zoom account has.

    Every value starts with ``FAKE`` / ``Fake`` so that nobody mistakes it for a real one,
    and the secret has the 32 alphanumeric characters of a real Zoom secret, so checks of
    its length and form behave as they do with real ones. The secret is kept out of
    ``repr``.

    Attributes:
        credential_type: What kind of Zoom app the pair pretends to come from.
        key: The Client ID / SDK key / API key.
        secret: The matching secret.
    """

    credential_type: CredentialType
    key: str
    secret: str = field(repr=False)

    @property
    def can_sign_meeting_sdk(self) -> bool:
        """Whether a Meeting SDK signature can be made with these (Meeting SDK or General app)."""
        return self.credential_type in {CredentialType.MEETING_SDK, CredentialType.GENERAL_APP}

    @property
    def can_sign_video_sdk(self) -> bool:
        """Whether a Video SDK token can be made with these."""
        return self.credential_type is CredentialType.VIDEO_SDK


_FAKES = MappingProxyType(
    {
        CredentialType.MEETING_SDK: ("FAKEmeetingSdkClientId", "FakeMeetingSdkSecretNotReal00001"),
        CredentialType.GENERAL_APP: ("FAKEgeneralAppClientId", "FakeGeneralAppSecretNotReal00002"),
        CredentialType.VIDEO_SDK: ("FAKEvideoSdkKey0000000", "FakeVideoSdkSecretNotReal0000003"),
        CredentialType.JWT_APP: ("FAKEjwtAppApiKey000000", "FakeJwtAppApiSecretNotReal000004"),
        CredentialType.SERVER_TO_SERVER_OAUTH: (
            "FAKEs2sOAuthClientId00",
            "FakeS2sOAuthSecretNotReal0000005",
        ),
        CredentialType.OAUTH: ("FAKEoauthClientId00000", "FakeOAuthSecretNotReal0000000006"),
    }
)


def fake_credentials(
    credential_type: CredentialType = CredentialType.MEETING_SDK,
) -> FakeCredentials:
    """The fake credentials of one app type (the same ones every call).

    >>> from zoomsig import CredentialType
    >>> fake_credentials(CredentialType.SERVER_TO_SERVER_OAUTH)
    FakeCredentials(credential_type=<CredentialType.SERVER_TO_SERVER_OAUTH: \
'SERVER_TO_SERVER_OAUTH'>, key='FAKEs2sOAuthClientId00')
    >>> fake_credentials().can_sign_meeting_sdk
    True
    """
    kind = CredentialType(credential_type)
    key, secret = _FAKES[kind]
    return FakeCredentials(kind, key, secret)
