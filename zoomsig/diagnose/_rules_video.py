"""Rules for the claims of a Video SDK token (zoom-rules.md §4).

One small rule per claim (PyJWT's ``_validate_<claim>``), each writing into a
:class:`~zoomsig.diagnose._findings.Findings`; the generic ones (0/1 switches, text limits,
unknown claims) come from the registry rows in :mod:`._rules_fields`. Zoom's limits are read
from :mod:`zoomsig._registry` only.
"""

from __future__ import annotations

from collections.abc import Mapping

from zoomsig._registry import (
    GEO_REGIONS,
    VIDEO_SDK_CLAIMS,
    flags,
    length_note,
    text_length,
    texts,
)
from zoomsig.diagnose._context import Context, is_int, validate_key_match, validate_key_types
from zoomsig.diagnose._findings import Findings
from zoomsig.diagnose._kind import VIDEO_CLAIMS
from zoomsig.diagnose._rules_fields import (
    code_of,
    flag_rules,
    null_rules,
    text_rules,
    validate_unknown_claims,
)
from zoomsig.diagnose._rules_meeting import role_as_read
from zoomsig.diagnose._text import json_type, nan_hint, show
from zoomsig.diagnose.codes import FindingCode

__all__ = ["video_rules"]

_C = FindingCode
_TOPIC = VIDEO_SDK_CLAIMS["tpc"]
_TEXTS = texts(VIDEO_SDK_CLAIMS.values())
_FLAGS = flags(VIDEO_SDK_CLAIMS.values())
_APP_KEY = ("app_key",)


def video_rules(claims: Mapping[str, object], context: Context, found: Findings) -> None:
    """Every Video SDK claim rule except the time rules."""
    _validate_app_key(claims, context, found)
    _validate_tpc(claims, context, found)
    _validate_role_type(claims, context, found)
    _validate_version(claims, found)
    text_rules(claims, _TEXTS, found)
    null_rules(claims, VIDEO_SDK_CLAIMS.values(), found)
    _validate_geo_regions(claims, found)
    flag_rules(claims, _FLAGS, found)
    validate_unknown_claims(claims, VIDEO_CLAIMS, "Video SDK", found)


def _validate_app_key(claims: Mapping[str, object], context: Context, found: Findings) -> None:
    app_key = claims.get("app_key")
    validate_key_types(claims, _APP_KEY, found)
    if not app_key:
        other = next((name for name in ("appKey", "sdkKey", "apiKey") if name in claims), None)
        where = f" (it has {other}: the Video SDK reads app_key)" if other else ""
        found.add(_C.APP_KEY_MISSING, f"the token has no app_key{where}", "app_key")
        return
    validate_key_match(claims, context, found, padded=_APP_KEY, expected=_APP_KEY)


def _validate_tpc(claims: Mapping[str, object], context: Context, found: Findings) -> None:
    tpc = claims.get("tpc")
    if not isinstance(tpc, str) or not tpc:
        what = "no tpc claim" if tpc is None else f"tpc {show(tpc)}"
        found.add(_C.TOPIC_MISSING, f"the token has {what}", "tpc")
        return
    length = text_length(tpc)
    if _TOPIC.limit is not None and length > _TOPIC.limit:
        found.add(
            code_of(_TOPIC),
            f"tpc is {length} characters long{length_note(tpc)} ({show(tpc)})",
            "tpc",
        )
    # Zoom lower-cases session names (the 2.x client calls toLowerCase()): str.lower(), not
    # casefold(), which would also make "Straße" equal "STRASSE".
    if context.topic is not None and tpc.lower() != context.topic.lower():
        found.add(
            _C.TOPIC_MISMATCH,
            f"tpc is {show(tpc)} but the session being joined is {show(context.topic)}",
            "tpc",
        )


def _validate_role_type(claims: Mapping[str, object], context: Context, found: Findings) -> None:
    if "role_type" not in claims:
        hint = " (it has role: the Video SDK reads role_type)" if "role" in claims else ""
        found.add(_C.ROLE_TYPE_MISSING, f"the token has no role_type{hint}", "role_type")
        return
    role = claims["role_type"]
    if not (is_int(role) and role in (0, 1)):
        found.add(
            _C.ROLE_TYPE_INVALID,
            f"role_type is {show(role)}, {json_type(role)}; Zoom accepts 0 or 1{nan_hint(role)}",
            "role_type",
        )
    if context.role is not None and role_as_read(role) != context.role:
        found.add(
            _C.ROLE_MISMATCH,
            f"role_type is {show(role)} but you expect {context.role}",
            "role_type",
        )


def _validate_version(claims: Mapping[str, object], found: Findings) -> None:
    version = claims.get("version")
    if not (is_int(version) and version == 1):
        what = "missing" if version is None else f"{show(version)}"
        found.add(_C.VERSION_INVALID, f"version is {what}", "version")


def _validate_geo_regions(claims: Mapping[str, object], found: Findings) -> None:
    regions = claims.get("geo_regions")
    if regions is None:
        return
    codes = regions.split(",") if isinstance(regions, str) else None
    if codes is None or not all(code in GEO_REGIONS for code in codes):
        shape = "" if isinstance(regions, str) else f", {json_type(regions)}"
        found.add(_C.GEO_REGIONS_INVALID, f"geo_regions is {show(regions)}{shape}", "geo_regions")
