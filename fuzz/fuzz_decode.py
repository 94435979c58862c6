#!/usr/bin/env python
"""Fuzz ``zoomsig.decode_and_validate``: coverage-guided with atheris, or a built-in
mutation fuzzer when atheris is not installed.

One command (from the repository root)::

    python fuzz/fuzz_decode.py --seconds 60

Other uses::

    python fuzz/fuzz_decode.py --make-corpus          # rewrite the seeds in fuzz/corpus/
    python fuzz/fuzz_decode.py --engine builtin       # force the fallback fuzzer
    python fuzz/fuzz_decode.py --seconds 600 -- -jobs=2 -workers=2   # extra libFuzzer flags
    python fuzz/fuzz_decode.py --replay fuzz/corpus-run/crashes/crash-…   # re-run one input

Each input is diagnosed as bytes and as text (undecodable bytes become lone surrogates),
with and without a secret. A crash is any exception, or a broken invariant:

* the result is a ``Report`` whose ``to_dict()`` is strict JSON and whose ``str`` works;
* without a secret ``signature_verified`` is ``None``; with one, ``ok`` implies ``True``;
* input over ``MAX_SIGNATURE_LENGTH`` gets exactly ``TOO_LONG``;
* no finding message is longer than 600 characters (long values are cut);
* the secret used for checking never appears in the report.

New interesting inputs go to ``fuzz/corpus-run/`` and crashes to
``fuzz/corpus-run/crashes/crash-<sha1>`` (both git-ignored).
"""

# The target imports zoomsig lazily (atheris must instrument it first), checks invariants
# with assert, and mutates with a seeded, non-cryptographic random generator.
# ruff: noqa: S101, S311, PLC0415

from __future__ import annotations

import base64
import hashlib
import json
import random
import sys
import time
from pathlib import Path
from typing import Callable, Optional

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = HERE / "corpus"
CORPUS_RUN = HERE / "corpus-run"
CRASHES = CORPUS_RUN / "crashes"  # git-ignored with corpus-run/
DICTIONARY = HERE / "tokens.dict"
VECTORS = ROOT / "tests" / "vectors" / "official-samples.json"
sys.path.insert(0, str(HERE))
sys.path.append(str(ROOT))  # an installed (e.g. editable) zoomsig comes first

from _engine import arguments, fuzz  # noqa: E402

SECRET = "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1HgFeD"  # the official vectors' (fake) secret
SDK_KEY = "aBcDeFgHiJkLmNoPqRsT12"
NOW = 1763900000
MAX_MESSAGE = 600


# -- The target ----------------------------------------------------------------------------


def check_one(data: bytes) -> None:
    """Diagnose ``data`` every way; raise AssertionError when an invariant breaks."""
    import zoomsig

    text = data.decode("utf-8", "surrogateescape")
    # The first byte picks the caller's expectations, so the mismatch rules run too.
    selector = data[0] if data else 0
    extra: dict[str, object] = {}
    if selector & 1:
        extra["sdk_key"] = SDK_KEY
    if selector & 2:
        extra["meeting_number"] = "85746065432"
    if selector & 4:
        extra["role"] = (selector >> 3) & 1
    if selector & 16:
        extra["topic"] = "Weekly sync"
    for value in (data, text):
        for secret in (None, SECRET):
            report = zoomsig.decode_and_validate(value, secret=secret, now=NOW, **extra)  # type: ignore[arg-type]
            check_report(report, value, secret)


def check_report(report: object, value: object, secret: Optional[str]) -> None:
    import zoomsig

    assert isinstance(report, zoomsig.Report), type(report)
    rendered = json.dumps(report.to_dict(), allow_nan=False)
    text = str(report)
    if secret is None:
        assert report.signature_verified is None, "verified without a secret"
    else:
        if report.ok:
            assert report.signature_verified is True, "ok with a secret but HMAC not verified"
        # The redaction rule (docs/security.md): no run of 8 characters of the secret.
        shown = f"{rendered}\n{text}\n{report!r}"
        for start in range(len(secret) - 7):
            assert secret[start : start + 8] not in shown, "a run of the secret leaked"
    too_long = len(value) > zoomsig.MAX_SIGNATURE_LENGTH  # type: ignore[arg-type]
    assert (zoomsig.FindingCode.TOO_LONG in report.codes) == too_long, "TOO_LONG mismatch"
    for finding in report.findings:
        assert len(finding.message) <= MAX_MESSAGE, f"{finding.code.value} message unbounded"


# -- Seeds ----------------------------------------------------------------------------------


def seeds() -> dict[str, bytes]:
    """Valid tokens from the signers and Zoom's official vectors, and classic breakages."""
    import zoomsig

    found: dict[str, bytes] = {}
    vectors = json.loads(VECTORS.read_text(encoding="utf-8"))
    for kind in ("meeting_sdk", "video_sdk", "legacy_web_sdk"):
        for index, vector in enumerate(vectors.get(kind, [])):
            for field in ("signature", "signature_standard", "signature_url_safe"):
                if field in vector:
                    found[f"vector-{kind}-{index}-{field}"] = vector[field].encode()
    meeting = zoomsig.sign_meeting_sdk(
        sdk_key=SDK_KEY,
        sdk_secret=SECRET,
        meeting_number="85746065432",
        role=1,
        now=NOW,
        video_webrtc_mode=1,
    )
    native = zoomsig.sign_meeting_sdk(sdk_key=SDK_KEY, sdk_secret=SECRET, now=NOW)
    video = zoomsig.sign_video_sdk(
        sdk_key=SDK_KEY,
        sdk_secret=SECRET,
        topic="Weekly sync",
        role=1,
        now=NOW,
        user_identity="user-1",
        session_key="s-1",
        geo_regions=["US", "DE"],
        cloud_recording_option=1,
        cloud_recording_election=0,
        video_webrtc_mode=1,
        audio_webrtc_mode=0,
    )
    legacy = zoomsig.sign_legacy_web_sdk(
        api_key=SDK_KEY,
        api_secret=SECRET,
        meeting_number="85746065432",
        role=0,
        now=NOW,
    )
    legacy_std = zoomsig.sign_legacy_web_sdk(
        api_key=SDK_KEY,
        api_secret=SECRET,
        meeting_number="85746065432",
        role=0,
        now=NOW,
        encoding=zoomsig.LegacyEncoding.STANDARD,
    )
    head, body, mac = meeting.split(".")
    raw_mac = base64.urlsafe_b64decode(mac + "=")
    standard = ".".join(
        base64.b64encode(base64.urlsafe_b64decode(p + "=" * (-len(p) % 4))).decode()
        for p in (head, body, mac)
    )
    shapes = {
        "meeting": meeting,
        "native": native,
        "video": video,
        "legacy": legacy,
        "legacy-standard": legacy_std,
        "quoted": f'"{meeting}"',
        "html-quoted": f"&quot;{meeting}&quot;",
        "bearer": f"Bearer {meeting}",
        "response-object": json.dumps({"signature": meeting}),
        "standard-base64": standard,
        "url-encoded": standard.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D"),
        "spaces-for-plus": standard.replace("+", " "),
        "line-breaks": "\n".join(standard[i : i + 76] for i in range(0, len(standard), 76)),
        "hex-signature": f"{head}.{body}.{raw_mac.hex()}",
        "signature-only": base64.b64encode(raw_mac).decode(),
        "cut": meeting[:200],
        "whitespace": f"  {meeting}\n",
        "alg-none": f"eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.{body}.",
        "empty": "",
    }
    for name, value in shapes.items():
        found[name] = value.encode()
    return found


def make_corpus() -> None:
    CORPUS.mkdir(exist_ok=True)
    for old in CORPUS.glob("seed-*"):
        old.unlink()
    for name, data in seeds().items():
        (CORPUS / f"seed-{name}").write_bytes(data)
    print(f"wrote {len(list(CORPUS.glob('seed-*')))} seeds to {CORPUS.relative_to(ROOT)}")


def corpus_inputs() -> list[bytes]:
    paths = [*sorted(CORPUS.glob("*")), *sorted(CORPUS_RUN.glob("*"))]
    inputs = [p.read_bytes() for p in paths if p.is_file()]
    return inputs or list(seeds().values())


# -- The built-in fallback fuzzer -------------------------------------------------------


def dictionary_tokens() -> list[bytes]:
    tokens = []
    for raw_line in DICTIONARY.read_text(encoding="utf-8").splitlines():
        line = raw_line.strip()
        if line.startswith('"') and line.endswith('"'):
            tokens.append(line[1:-1].encode().decode("unicode_escape").encode("latin-1"))
    return tokens


def mutate(data: bytes, rng: random.Random, pool: list[bytes], tokens: list[bytes]) -> bytes:
    buf = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        choice = rng.randrange(8)
        at = rng.randint(0, len(buf))
        if choice == 0 and buf:  # flip a byte
            buf[min(at, len(buf) - 1)] = rng.randrange(256)
        elif choice == 1:  # insert a dictionary token
            buf[at:at] = rng.choice(tokens)
        elif choice == 2 and buf:  # delete a range
            del buf[at : at + rng.randint(1, 8)]
        elif choice == 3:  # truncate
            del buf[at:]
        elif choice == 4:  # splice with another input
            other = rng.choice(pool)
            cut = rng.randint(0, len(other))
            buf = buf[:at] + bytearray(other[cut:])
        elif choice == 5 and buf:  # change case of a range
            end = min(len(buf), at + rng.randint(1, 16))
            buf[at:end] = bytes(buf[at:end]).swapcase()
        elif choice == 6:  # repeat a range (nesting, long inputs)
            end = min(len(buf), at + rng.randint(1, 32))
            buf[at:at] = bytes(buf[at:end]) * rng.randint(2, 300)
        elif buf:  # replace with a base64url character
            buf[min(at, len(buf) - 1)] = rng.choice(
                b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=."
            )
    return bytes(buf[:20000])


def builtin_fuzz(seconds: float, seed: Optional[int]) -> int:
    seed = random.randrange(2**32) if seed is None else seed
    rng = random.Random(seed)
    pool = corpus_inputs()
    tokens = dictionary_tokens()
    deadline = time.monotonic() + seconds
    runs = 0
    print(f"built-in mutation fuzzer: seed {seed}, {len(pool)} corpus inputs, {seconds:g} s")
    while time.monotonic() < deadline:
        data = mutate(rng.choice(pool), rng, pool, tokens)
        runs += 1
        try:
            check_one(data)
        except Exception:
            CRASHES.mkdir(parents=True, exist_ok=True)
            path = CRASHES / f"crash-{hashlib.sha1(data).hexdigest()}"  # noqa: S324
            path.write_bytes(data)
            print(f"CRASH after {runs} runs; input saved to {path}", file=sys.stderr)
            raise
        if runs % 5000 == 0 and len(pool) < 5000:
            pool.append(data)  # keep some variety; no coverage feedback here
    print(f"done: {runs} runs in {seconds:g} s, no crash (seed {seed})")
    return 0


# -- Entry point ----------------------------------------------------------------------------


def run_atheris(seconds: float, extra: list[str]) -> None:
    import atheris

    with atheris.instrument_imports(include=["zoomsig"]):
        import zoomsig  # noqa: F401

    CRASHES.mkdir(parents=True, exist_ok=True)
    if not any(CORPUS.glob("seed-*")):
        make_corpus()
    argv = [
        sys.argv[0],
        str(CORPUS_RUN),
        str(CORPUS),
        f"-max_total_time={int(seconds)}",
        "-max_len=12000",
        "-timeout=10",
        f"-dict={DICTIONARY}",
        f"-artifact_prefix={CRASHES}/",
        "-print_final_stats=1",
        *extra,
    ]
    atheris.Setup(argv, check_one)
    atheris.Fuzz()


def main() -> int:
    parser = arguments(__doc__.split("\n\n")[0])
    parser.add_argument("--make-corpus", action="store_true", help="rewrite fuzz/corpus/ seeds")
    args = parser.parse_args()
    if args.make_corpus:
        make_corpus()
        return 0
    return fuzz(args, check=check_one, atheris=run_atheris, builtin=builtin_fuzz)


if __name__ == "__main__":
    runner: Callable[[], int] = main
    sys.exit(runner())
