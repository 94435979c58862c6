"""The zoomsig pytest plugin: registered by entry point, inert, fake credentials per app type.

Tested with pytest's own ``pytester``, in-process and, for what happens at start-up, in a
subprocess.
"""

from __future__ import annotations

import sys
from importlib.metadata import distribution
from typing import TypedDict

import pytest

import zoomsig.testing.plugin
from zoomsig import CredentialType, UnsupportedCredentialError, sign_meeting_sdk, sign_video_sdk
from zoomsig.testing import FAKE_NOW, FakeCredentials, fake_credentials

pytest_plugins = ["pytester"]


def test_entry_point_is_registered() -> None:
    # distribution().entry_points is a list on Python 3.9 too (entry_points().select is 3.10+).
    found = {
        ep.name: ep.value for ep in distribution("zoomsig").entry_points if ep.group == "pytest11"
    }
    assert found.get("zoomsig") == "zoomsig.testing.plugin"


def test_the_plugin_defines_no_hooks() -> None:
    hooks = [name for name in vars(zoomsig.testing.plugin) if name.startswith("pytest_")]
    assert hooks == []


@pytest.mark.parametrize("kind", list(CredentialType))
def test_fake_credentials_are_clearly_fake(kind: CredentialType) -> None:
    creds = fake_credentials(kind)
    assert creds.credential_type is kind
    assert creds.key.startswith("FAKE")
    assert creds.secret.startswith("Fake")
    assert "NotReal" in creds.secret
    assert len(creds.secret) == 32
    assert creds.secret not in repr(creds)
    assert creds == fake_credentials(kind)


def test_fake_credentials_are_all_different() -> None:
    creds = [fake_credentials(kind) for kind in CredentialType]
    assert len({c.key for c in creds}) == len({c.secret for c in creds}) == len(creds)


class _SignWith(TypedDict):
    sdk_key: str
    sdk_secret: str
    credential_type: CredentialType


@pytest.mark.parametrize("kind", list(CredentialType))
def test_what_each_kind_can_sign(kind: CredentialType) -> None:
    creds = fake_credentials(kind)
    kw: _SignWith = {"sdk_key": creds.key, "sdk_secret": creds.secret, "credential_type": kind}
    if creds.can_sign_meeting_sdk:
        assert sign_meeting_sdk(meeting_number="85746065432", role=0, now=FAKE_NOW, **kw)
    else:
        with pytest.raises(UnsupportedCredentialError):
            sign_meeting_sdk(meeting_number="85746065432", role=0, now=FAKE_NOW, **kw)
    if creds.can_sign_video_sdk:
        assert sign_video_sdk(topic="t", role=0, now=FAKE_NOW, **kw)
    else:
        with pytest.raises(UnsupportedCredentialError):
            sign_video_sdk(topic="t", role=0, now=FAKE_NOW, **kw)


FIXTURES = {
    "zoom_meeting_sdk_credentials": CredentialType.MEETING_SDK,
    "zoom_general_app_credentials": CredentialType.GENERAL_APP,
    "zoom_video_sdk_credentials": CredentialType.VIDEO_SDK,
    "zoom_jwt_app_credentials": CredentialType.JWT_APP,
    "zoom_server_to_server_oauth_credentials": CredentialType.SERVER_TO_SERVER_OAUTH,
    "zoom_oauth_credentials": CredentialType.OAUTH,
}


def test_fixtures_in_a_pytest_run(pytester: pytest.Pytester) -> None:
    tests = [
        f"def test_{name}({name}):\n"
        f"    assert {name}.credential_type.value == {kind.value!r}\n"
        f"    assert {name}.key.startswith('FAKE')\n"
        for name, kind in FIXTURES.items()
    ]
    tests.append(
        "def test_all(zoom_credentials, zoom_meeting_sdk_credentials, zoom_now):\n"
        "    from zoomsig import CredentialType\n"
        "    assert len(zoom_credentials) == 6\n"
        "    assert zoom_credentials[CredentialType.MEETING_SDK] == zoom_meeting_sdk_credentials\n"
        "    import time\n"
        "    assert zoom_now <= time.time() < zoom_now + 60  # the clock's time, not FAKE_NOW\n"
    )
    pytester.makepyfile(test_fixtures="\n\n".join(tests))
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=len(FIXTURES) + 1)


def test_fixtures_are_listed(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_nothing="def test_nothing():\n    pass\n")
    result = pytester.runpytest("--fixtures", "-p", "no:cacheprovider")
    for name in [*FIXTURES, "zoom_credentials", "zoom_now"]:
        result.stdout.fnmatch_lines([f"{name}*"])


def test_inert_in_a_fresh_process(pytester: pytest.Pytester) -> None:
    # In a subprocess: the plugin is loaded from the entry point at start-up and must
    # import neither hypothesis nor the helpers nor the catalogue until a test does.
    pytester.makepyfile(
        test_inert="""
        import sys

        def test_nothing_imported():
            assert "zoomsig.testing.plugin" in sys.modules
            for name in ("hypothesis", "zoomsig.testing._assertions",
                         "zoomsig.testing.mistakes", "zoomsig.testing.strategies"):
                assert name not in sys.modules, name
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:hypothesispytest")
    result.assert_outcomes(passed=1)


def test_helpers_are_registered_for_assertion_rewriting(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(
        test_rewrite="""
        import sys

        def test_rewritten():
            from _pytest.assertion.rewrite import AssertionRewritingHook
            import zoomsig.testing.mistakes
            from zoomsig.testing import assert_valid_signature
            for name in ("zoomsig.testing._assertions", "zoomsig.testing.mistakes"):
                assert isinstance(sys.modules[name].__loader__, AssertionRewritingHook), name
        """
    )
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:hypothesispytest")
    result.assert_outcomes(passed=1)


def test_disabled_with_p_no_zoomsig(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_off="def test_off(zoom_now):\n    pass\n")
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-p", "no:zoomsig")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*fixture 'zoom_now' not found*"])


def test_fake_credentials_default_is_meeting_sdk() -> None:
    assert fake_credentials() == fake_credentials(CredentialType.MEETING_SDK)
    assert isinstance(fake_credentials("VIDEO_SDK"), FakeCredentials)  # type: ignore[arg-type]
    assert "zoomsig.testing" in sys.modules


def test_testing_package_exports() -> None:
    from zoomsig import testing

    for name in testing.__all__:
        assert getattr(testing, name) is not None
        assert name in dir(testing)
    with pytest.raises(AttributeError, match="no attribute 'nope'"):
        testing.nope  # type: ignore[attr-defined]  # noqa: B018
