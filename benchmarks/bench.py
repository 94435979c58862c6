#!/usr/bin/env python
"""zoomsig benchmarks: one run, side by side with PyJWT and a standard-library baseline.

Usage (from the repository root, in the dev virtualenv)::

    python benchmarks/bench.py            # full run, a few minutes
    python benchmarks/bench.py --quick    # fewer repeats, about a minute
    python benchmarks/bench.py --json PATH --reference --strict --profile

What it measures, each as the minimum over repeats of ``timeit`` loops (per call):

* signing: ``sign_meeting_sdk`` vs ``jwt.encode`` of the same payload vs a stdlib
  ``json`` + ``base64`` + ``hmac.digest`` baseline;
* diagnosis: ``decode_and_validate(token, secret=...)`` vs ``jwt.decode`` for a valid token
  and for typical broken ones (PyJWT's exception is part of its time);
* imports: ``import zoomsig`` (+ first signature) vs ``import jwt`` (+ first ``jwt.encode``)
  in fresh interpreters of a virtualenv that
  holds only the runtime dependencies (PyJWT without ``cryptography``, typing-extensions),
  with bytecode cached in a private ``pycache_prefix``;
* ``zoomsig --version`` cold start (wall time of the console script, as a ratio to
  ``python -c pass``);
* the refusal of a 1 MB input (``TOO_LONG``) and how time grows with input size up to
  ``MAX_SIGNATURE_LENGTH`` for adversarial input families.

It prints a table with the ratios and PASS/MISS per target and writes JSON
(``benchmarks/results/latest.json`` by default; ``--reference`` also writes the tracked copy
``benchmarks/reference.json`` that docs/performance.md quotes). Exit status 0 unless
``--strict`` is given and a target is missed.
"""

from __future__ import annotations

import argparse
import base64
import cProfile
import datetime as dt
import hmac
import io
import json
import math
import os
import platform
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import timeit
import warnings
from pathlib import Path
from typing import Any, Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
REFERENCE = ROOT / "benchmarks" / "reference.json"
DEFAULT_RUNTIME_VENV = RESULTS / "runtime-venv"  # benchmarks/results/ is git-ignored

sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import jwt  # noqa: E402
from _support import NOW, SDK_KEY, SDK_SECRET  # noqa: E402

import zoomsig  # noqa: E402
from zoomsig import (  # noqa: E402
    MAX_SIGNATURE_LENGTH,
    decode_and_validate,
    sign_meeting_sdk,
    sign_video_sdk,
)

MEETING = "85746065432"
WRONG_SECRET = "Wr0ngSecretWr0ngSecretWr0ngSecr3"  # 32 characters, like a real one
Json = dict[str, Any]


# --------------------------------------------------------------------------------------
# Timing helpers


class Settings:
    def __init__(self, quick: bool) -> None:
        self.quick = quick
        # Many short samples, not a few long ones: on a shared machine load comes in bursts,
        # and the minimum of many samples is the one a burst did not touch.
        self.min_time = 0.02 if quick else 0.05  # seconds per timeit sample
        self.repeat = 11 if quick else 31
        self.process_runs = 10 if quick else 40  # fresh interpreters per import measure


def time_call(fn: Callable[[], object], settings: Settings) -> Json:
    """Per-call seconds of ``fn``: best and median of ``repeat`` samples."""
    timer = timeit.Timer(fn)
    number, _ = timer.autorange()
    number = max(1, math.ceil(number * settings.min_time / 0.2))
    samples = [t / number for t in timer.repeat(repeat=settings.repeat, number=number)]
    return {"best": min(samples), "median": statistics.median(samples), "loops": number}


def time_calls(fns: dict[str, Callable[[], object]], settings: Settings) -> dict[str, Json]:
    """Like :func:`time_call` for several functions, their samples interleaved.

    A ratio compares functions timed in turns (A, B, A, B, ...), so that a burst of load
    on a shared machine slows both sides rather than one of them.
    """
    timers = {name: timeit.Timer(fn) for name, fn in fns.items()}
    numbers = {
        name: max(1, math.ceil(timer.autorange()[0] * settings.min_time / 0.2))
        for name, timer in timers.items()
    }
    samples: dict[str, list[float]] = {name: [] for name in fns}
    for _ in range(settings.repeat):
        for name, timer in timers.items():
            samples[name].append(timer.timeit(number=numbers[name]) / numbers[name])
    return {
        name: {"best": min(v), "median": statistics.median(v), "loops": numbers[name]}
        for name, v in samples.items()
    }


def swallow(fn: Callable[[], object]) -> Callable[[], object]:
    """``fn`` with any exception caught: PyJWT signals a broken token by raising."""

    def call() -> object:
        try:
            return fn()
        except Exception as exc:
            return exc

    return call


def outcome(fn: Callable[[], object]) -> str:
    try:
        result = fn()
    except Exception as exc:
        return f"raises {type(exc).__name__}"
    if isinstance(result, zoomsig.Report):
        codes = ",".join(sorted(c.value for c in result.codes)) or "-"
        return f"{'ok' if result.ok else 'not ok'} [{codes}]"
    return "accepts"


def engine_ready() -> bool:
    try:
        decode_and_validate("a.b.c")
    except NotImplementedError:
        return False
    return True


def fmt_time(seconds: Optional[float]) -> str:
    if seconds is None:
        return "n/a"
    if seconds < 1e-3:
        return f"{seconds * 1e6:8.2f} µs"
    return f"{seconds * 1e3:8.2f} ms"


# --------------------------------------------------------------------------------------
# Token builders


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def stdlib_sign(payload: dict[str, object], key: bytes) -> str:
    """The least a correct HS256 signer has to do: the baseline."""
    body = json.dumps(payload, separators=(",", ":")).encode()
    message = b"eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + base64.urlsafe_b64encode(body).rstrip(b"=")
    mac = hmac.digest(key, message, "sha256")
    return (message + b"." + base64.urlsafe_b64encode(mac).rstrip(b"=")).decode("ascii")


def raw_token(payload_json: bytes, secret: str = SDK_SECRET) -> str:
    """A token over exact payload bytes (for payloads ``json.dumps`` would not produce)."""
    message = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + b64url(payload_json)
    mac = hmac.digest(secret.encode(), message.encode(), "sha256")
    return message + "." + b64url(mac)


def payload_of(token: str) -> dict[str, object]:
    part = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(part + "=" * (-len(part) % 4)))  # type: ignore[no-any-return]


def standard_base64(token: str) -> str:
    """Each part re-encoded with the standard alphabet and '=' padding (``btoa`` style)."""
    parts = [base64.urlsafe_b64decode(p + "=" * (-len(p) % 4)) for p in token.split(".")]
    return ".".join(base64.b64encode(p).decode("ascii") for p in parts)


def meeting_token(now: Optional[float]) -> str:
    return sign_meeting_sdk(
        sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number=MEETING, role=0, now=now
    )


# --------------------------------------------------------------------------------------
# Sections


def bench_sign(settings: Settings) -> Json:
    token = meeting_token(NOW)
    payload = payload_of(token)
    key = SDK_SECRET.encode()
    cases = {
        "sign_meeting_sdk": lambda: sign_meeting_sdk(
            sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number=MEETING, role=0, now=NOW
        ),
        "jwt.encode": lambda: jwt.encode(payload, SDK_SECRET, algorithm="HS256"),
        "stdlib baseline": lambda: stdlib_sign(payload, key),
    }
    video = sign_video_sdk(
        sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, topic="Weekly sync", role=1, now=NOW
    )
    video_payload = payload_of(video)
    video_cases = {
        "sign_video_sdk": lambda: sign_video_sdk(
            sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, topic="Weekly sync", role=1, now=NOW
        ),
        "jwt.encode (video payload)": lambda: jwt.encode(
            video_payload, SDK_SECRET, algorithm="HS256"
        ),
    }
    result: Json = {**time_calls(cases, settings), **time_calls(video_cases, settings)}
    result["identical_output"] = (
        jwt.encode(payload, SDK_SECRET, algorithm="HS256") == token == stdlib_sign(payload, key)
    )
    return result


def bench_decode(settings: Settings) -> Json:
    """Valid and broken tokens: zoomsig's diagnosis vs PyJWT's decode (raising or not)."""
    valid = meeting_token(None)  # signed now, so PyJWT's exp/iat checks pass
    no_role = stdlib_sign(
        {k: v for k, v in payload_of(valid).items() if k != "role"}, SDK_SECRET.encode()
    )
    cases = {
        "valid": (valid, SDK_SECRET),
        "standard base64 + padding": (standard_base64(valid), SDK_SECRET),
        "role missing": (no_role, SDK_SECRET),
        "wrong secret": (valid, WRONG_SECRET),
        "expired": (meeting_token(NOW - 10 * 86400), SDK_SECRET),
    }
    result: Json = {}
    for name, (token, secret) in cases.items():

        def zs(token: str = token, secret: str = secret) -> object:
            return decode_and_validate(token, secret=secret)

        def pj(token: str = token, secret: str = secret) -> object:
            return jwt.decode(token, secret, algorithms=["HS256"])

        timed = time_calls({"zoomsig": zs, "pyjwt": swallow(pj)}, settings)
        result[name] = {
            **timed,
            "zoomsig_outcome": outcome(zs),
            "pyjwt_outcome": outcome(pj),
        }
    result["valid, no secret"] = {
        "zoomsig": time_call(lambda: decode_and_validate(valid), settings),
        "zoomsig_outcome": outcome(lambda: decode_and_validate(valid)),
    }
    return result


def bench_too_long(settings: Settings) -> Json:
    huge = "eyJ" + "A" * (1_000_000 - 3)
    huge_bytes = huge.encode()
    report = decode_and_validate(huge, secret=SDK_SECRET)
    return {
        "str": time_call(lambda: decode_and_validate(huge, secret=SDK_SECRET), settings),
        "bytes": time_call(lambda: decode_and_validate(huge_bytes, secret=SDK_SECRET), settings),
        "codes": sorted(c.value for c in report.codes),
        "refused": zoomsig.FindingCode.TOO_LONG in report.codes,
    }


def secret_guard_inputs() -> dict[str, str]:
    """A JWT near the size cap with a long claim, without and with pieces of the secret (4 and
    7 characters, none a run of 8) spread over it: the guard's cost must not tell them apart."""
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    pieces = {SDK_SECRET[i : i + 4] for i in range(len(SDK_SECRET) - 3)}
    chars: list[str] = []
    state = 7
    while len(chars) < MAX_SIGNATURE_LENGTH * 3 // 4 - 200:
        state = (state * 1103515245 + 12345) % 2**31
        chars.append(alphabet[state >> 16 & 63])
        if "".join(chars[-4:]) in pieces:
            chars[-1] = "~"
    spread = chars[:]
    for number, position in enumerate(range(1, len(spread) - 9, 20)):
        size = 7 if number % 2 else 4
        start = (number * 3) % (len(SDK_SECRET) - size)
        spread[position : position + size] = SDK_SECRET[start : start + size]
        spread[position - 1] = spread[position + size] = "~"  # never a run of 8

    def token(claim: list[str]) -> str:  # a claim of ~6 KB, not signed with the secret
        payload = json.dumps({"x": "".join(claim)}).encode()
        return raw_token(payload, secret="another secret of 32 characters.")

    return {"without the secret's pieces": token(chars), "with them spread": token(spread)}


def bench_secret_guard(settings: Settings) -> Json:
    def diagnose(text: str) -> Callable[[], object]:
        return lambda: decode_and_validate(text, secret=SDK_SECRET)

    timings = time_calls(
        {name: diagnose(text) for name, text in secret_guard_inputs().items()}, settings
    )
    result: Json = dict(timings)
    result["ratio"] = ratio(
        timings["with them spread"]["best"], timings["without the secret's pieces"]["best"]
    )
    return result


def linearity_families() -> dict[str, Callable[[int], object]]:
    """Adversarial input shapes, each built to about ``n`` characters."""
    header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."

    def long_claim(n: int) -> str:
        base = len(raw_token(b'{"x":""}'))
        return raw_token(json.dumps({"x": "a" * max(0, (n - base - 3) * 3 // 4)}).encode())

    def deep_array(n: int) -> str:
        depth = max(1, ((n - len(header) - 44) * 3 // 4 - 6) // 2)
        return raw_token(b'{"a":' + b"[" * depth + b"]" * depth + b"}")

    def line_breaks(n: int) -> str:
        token = long_claim(n * 3 // 4)
        return "\n".join(token[i : i + 3] for i in range(0, len(token), 3))[:n]

    return {
        "valid JWT, long claim": long_claim,
        "JWT, nested [[[...]]] payload": deep_array,
        "line breaks every 3 chars": line_breaks,
        "many dots": lambda n: "a." * (n // 2),
        "spaces": lambda n: "a " * (n // 2),
        "URL-encoding layers %2525…": lambda n: "%25" * ((n - 2) // 3) + "41",
        "nested quotes": lambda n: '"' * ((n - 40) // 2) + "eyJ" + "a" * 37 + '"' * ((n - 40) // 2),
        'nested {"signature": …}': lambda n: (
            '{"signature":' * ((n - 3) // 14) + '"x"' + "}" * ((n - 3) // 14)
        ),
        "bytes, invalid UTF-8": lambda n: b"\xff" * n,
    }


def bench_linearity(settings: Settings) -> Json:
    sizes = [s for s in (256, 512, 1024, 2048, 4096, 8192, 16384) if s <= MAX_SIGNATURE_LENGTH]
    if sizes[-1] != MAX_SIGNATURE_LENGTH:
        sizes.append(MAX_SIGNATURE_LENGTH)
    result: Json = {"sizes": sizes, "families": {}}
    for name, build in linearity_families().items():
        points = []
        for size in sizes:
            value = build(size)
            assert isinstance(value, (str, bytes))
            length = len(value)
            if length > MAX_SIGNATURE_LENGTH:
                continue

            def call(value: object = value) -> object:
                return decode_and_validate(value, secret=SDK_SECRET)  # type: ignore[arg-type]

            timing = time_call(call, settings)
            points.append({"length": length, "best": timing["best"]})
        first, last = points[0], points[-1]
        slope = math.log(last["best"] / first["best"]) / math.log(last["length"] / first["length"])
        result["families"][name] = {"points": points, "slope": slope}
    return result


# --------------------------------------------------------------------------------------
# The signature endpoint (zoomsig.endpoint)

ENDPOINT_BODY = b'{"meetingNumber":"85746065432","role":0}'
ENDPOINT_SIZES = (1024, 2048, 4096, 8192, 16384)


def endpoint_body_families() -> dict[str, Callable[[int], bytes]]:
    """Hostile request bodies of exactly ``n`` bytes, for the nesting check and the parser."""
    from zoomsig.endpoint import MAX_JSON_DEPTH

    opened = b"[" * (MAX_JSON_DEPTH + 1)

    def fill(head: bytes, unit: bytes, tail: bytes, n: int) -> bytes:
        body = head + unit * ((n - len(head) - len(tail)) // len(unit))
        return (body + b" " * (n - len(body) - len(tail)) + tail)[:n]

    return {
        'one open string "\\"\\"…': lambda n: fill(b'"', b'\\"', b"", n),
        "open string, then [[[…": lambda n: fill(b'"', b'\\"', opened, n),
        "[[[…, then open string": lambda n: fill(opened + b'"', b'\\"', b"", n),
        'empty strings "" "" …': lambda n: fill(opened, b'""', b"", n),
        "brackets [][][]…": lambda n: fill(opened, b"[]", b"", n),
        "nested [[[…]]]": lambda n: b"[" * (n // 2) + b"]" * (n - n // 2),
        'escapes "\\\\\\\\…"': lambda n: fill(opened + b'"', b"\\\\", b'"', n),
    }


def bench_endpoint(settings: Settings) -> Json:
    """``meeting_sdk_response``: a small valid body against signing alone, and hostile bodies
    from 1 KiB to the 16 KiB cap (issue 23: the old nesting check was quadratic)."""
    from zoomsig.endpoint import MAX_BODY_SIZE, meeting_sdk_response

    def respond(body: bytes) -> object:
        return meeting_sdk_response(body, sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, now=NOW)

    def sign() -> str:
        return sign_meeting_sdk(
            sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number=MEETING, role=0, now=NOW
        )

    answer = meeting_sdk_response(ENDPOINT_BODY, sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, now=NOW)
    small: Json = time_calls(
        {"meeting_sdk_response": lambda: respond(ENDPOINT_BODY), "sign_meeting_sdk": sign},
        settings,
    )
    small["identical_output"] = answer.ok and answer.body["signature"] == sign()
    families: Json = {}
    for name, build in endpoint_body_families().items():
        points = []
        for size in ENDPOINT_SIZES:
            body = build(min(size, MAX_BODY_SIZE))
            timing = time_call(lambda body=body: respond(body), settings)
            points.append({"length": len(body), "best": timing["best"]})
        first, last = points[0], points[-1]
        slope = math.log(last["best"] / first["best"]) / math.log(last["length"] / first["length"])
        families[name] = {
            "points": points,
            "slope": slope,
            "status": getattr(respond(build(MAX_BODY_SIZE)), "status", None),
        }
    return {"small body": small, "families": families}


def endpoint_target_rows(results: Json) -> list[Json]:
    """The endpoint's targets: signing overhead, worst body at the cap, linearity."""
    endpoint = results.get("endpoint")
    if not endpoint:
        return []
    small, families = endpoint["small body"], endpoint["families"]
    worst_at_cap = max(families.items(), key=lambda item: item[1]["points"][-1]["best"])
    steepest = max(families.items(), key=lambda item: item[1]["slope"])
    rows = [
        (
            "meeting_sdk_response(small valid body) / sign_meeting_sdk",
            ratio(small["meeting_sdk_response"]["best"], small["sign_meeting_sdk"]["best"]),
            1.3,
            "x",
        ),
        (
            f"endpoint: worst 16 KiB body ({worst_at_cap[0]})",
            worst_at_cap[1]["points"][-1]["best"] * 1e3,
            5.0,
            "ms",
        ),
        (f"endpoint: worst log-log slope, 1-16 KiB ({steepest[0]})", steepest[1]["slope"], 1.1, ""),
    ]
    return [
        {
            "target": name,
            "value": value,
            "limit": limit,
            "unit": unit,
            "stretch": False,
            "met": None if value is None else value <= limit,
        }
        for name, value, limit, unit in rows
    ]


def print_endpoint(results: Json) -> None:
    endpoint = results.get("endpoint")
    if not endpoint:
        return
    small = endpoint["small body"]
    print("\nSignature endpoint (meeting_sdk_response, best per call)")
    for name in ("meeting_sdk_response", "sign_meeting_sdk"):
        print(f"  {name:30} {fmt_time(small[name]['best'])}")
    print(f"  identical signatures: {small['identical_output']}")
    for name, fam in endpoint["families"].items():
        pts = "  ".join(f"{pt['length']}:{fmt_time(pt['best']).strip()}" for pt in fam["points"])
        print(f"  {name:32} slope {fam['slope']:5.2f}  -> {fam['status']}  {pts}")


# --------------------------------------------------------------------------------------
# Fresh-interpreter measurements in a runtime-only virtualenv


def run(cmd: list[str], **kwargs: Any) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, check=False, capture_output=True, text=True, **kwargs)


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def prepare_runtime_venv(venv: Path, log: Callable[[str], None]) -> Path:
    """A virtualenv with zoomsig (non-editable, from this checkout) and its runtime deps only."""
    python = venv_python(venv)
    fresh = not python.exists()
    if fresh:
        log(f"creating runtime-only virtualenv {venv}")
        made = run([sys.executable, "-m", "venv", str(venv)])
        if made.returncode:
            raise RuntimeError(made.stderr)
    with tempfile.TemporaryDirectory() as wheels:
        try:
            import hatchling  # noqa: F401

            isolation = ["--no-build-isolation"]
        except ImportError:
            isolation = []
        built = run(
            [
                sys.executable,
                "-m",
                "pip",
                "wheel",
                "-q",
                "--no-deps",
                *isolation,
                "-w",
                wheels,
                str(ROOT),
            ]
        )
        if built.returncode:
            raise RuntimeError(f"building the wheel failed:\n{built.stderr}")
        wheel = next(Path(wheels).glob("zoomsig-*.whl"))
        # The first install brings PyJWT and typing-extensions; later ones only zoomsig.
        flags = [] if fresh else ["--force-reinstall", "--no-deps"]
        installed = run([str(python), "-m", "pip", "install", "-q", *flags, str(wheel)])
        if installed.returncode:
            raise RuntimeError(f"installing into {venv} failed:\n{installed.stderr}")
    # PyJWT imports cryptography when it is installed; the runtime deps do not include it.
    has_crypto = run([str(python), "-c", "import cryptography"]).returncode == 0
    if has_crypto:
        run([str(python), "-m", "pip", "uninstall", "-q", "-y", "cryptography"])
    return python


def fresh_interpreter_times(python: Path, settings: Settings, log: Callable[[str], None]) -> Json:
    cache = Path(tempfile.mkdtemp(prefix="zoomsig-pycache-"))
    workdir = Path(tempfile.mkdtemp(prefix="zoomsig-cwd-"))  # so ./zoomsig cannot shadow it
    base = [str(python), "-E", "-s", "-X", f"pycache_prefix={cache}"]
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(cache)
    probe = (
        "import time, sys; t = time.perf_counter(); import {m}; t = time.perf_counter() - t; "
        "print(t, 'cryptography' in sys.modules)"
    )
    # Import plus the first token, the cost a short-lived process (a Lambda, a CLI) pays:
    # zoomsig's signer vs a bare jwt.encode of the very payload it signs.
    first_sign = (
        "import time, sys; t = time.perf_counter(); import zoomsig; "
        f"zoomsig.sign_meeting_sdk(sdk_key={SDK_KEY!r}, sdk_secret={SDK_SECRET!r}, "
        f"meeting_number={MEETING!r}, role=0, now={NOW}); t = time.perf_counter() - t; "
        "print(t, 'cryptography' in sys.modules)"
    )
    first_encode = (
        "import time, sys; t = time.perf_counter(); import jwt; "
        f"jwt.encode({payload_of(meeting_token(NOW))!r}, {SDK_SECRET!r}, algorithm='HS256'); "
        "t = time.perf_counter() - t; print(t, 'cryptography' in sys.modules)"
    )
    script = python.parent / ("zoomsig.exe" if os.name == "nt" else "zoomsig")
    programs: dict[str, list[str]] = {
        "python -c pass": [*base, "-c", "pass"],
        "import zoomsig": [*base, "-c", probe.format(m="zoomsig")],
        "import jwt": [*base, "-c", probe.format(m="jwt")],
        "import zoomsig + first signature": [*base, "-c", first_sign],
        "import jwt + first jwt.encode": [*base, "-c", first_encode],
        "zoomsig --version": [str(script), "--version"],
    }
    try:
        for _ in range(2):  # warm the bytecode cache
            for cmd in programs.values():
                run(cmd, cwd=workdir, env=env)
        versions = run(
            [
                *base,
                "-c",
                "import jwt, typing_extensions, importlib.metadata as m; "
                "print(jwt.__version__, m.version('typing_extensions'))",
            ],
            cwd=workdir,
            env=env,
        ).stdout.split()
        cli_check = run(programs["zoomsig --version"], cwd=workdir, env=env)
        wall: dict[str, list[float]] = {name: [] for name in programs}
        inproc: dict[str, list[float]] = {
            name: [] for name in programs if name.startswith("import ")
        }
        crypto_loaded = False
        log(f"  {settings.process_runs} fresh interpreters per program ...")
        for _ in range(settings.process_runs):
            for name, cmd in programs.items():
                if name == "zoomsig --version" and cli_check.returncode:
                    continue
                start = timeit.default_timer()
                done = run(cmd, cwd=workdir, env=env)
                wall[name].append(timeit.default_timer() - start)
                if name in inproc:
                    seconds, crypto = done.stdout.split()
                    inproc[name].append(float(seconds))
                    crypto_loaded |= crypto == "True"
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(workdir, ignore_errors=True)

    def summary(values: list[float]) -> Optional[Json]:
        if not values:
            return None
        return {"min": min(values), "median": statistics.median(values), "runs": len(values)}

    return {
        "python": str(python),
        "pyjwt": versions[0] if versions else None,
        "typing_extensions": versions[1] if len(versions) > 1 else None,
        "cryptography_loaded": crypto_loaded,
        "import_in_process": {name: summary(v) for name, v in inproc.items()},
        "process_wall": {name: summary(v) for name, v in wall.items()},
        "cli_error": (cli_check.stderr.strip().splitlines() or ["failed"])[-1]
        if cli_check.returncode
        else None,
        "cli_output": cli_check.stdout.strip(),
    }


def importtime_top(python: Path, limit: int = 15) -> list[tuple[int, int, str]]:
    """``-X importtime`` of ``import zoomsig`` (warm cache): the slowest imports."""
    cache = Path(tempfile.mkdtemp(prefix="zoomsig-pycache-"))
    workdir = tempfile.mkdtemp(prefix="zoomsig-cwd-")
    cmd = [
        str(python),
        "-E",
        "-s",
        "-X",
        f"pycache_prefix={cache}",
        "-X",
        "importtime",
        "-c",
        "import zoomsig",
    ]
    try:
        run(cmd, cwd=workdir)
        rows = []
        for line in run(cmd, cwd=workdir).stderr.splitlines()[1:]:
            _, self_us, cumulative, name = (
                part.strip() for part in line.replace(":", "|", 1).split("|")
            )
            rows.append((int(self_us), int(cumulative), name))
    finally:
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(workdir, ignore_errors=True)
    return sorted(rows, key=lambda row: -row[1])[:limit]


def profile(fn: Callable[[], object], calls: int = 20000, limit: int = 12) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(calls):
        fn()
    profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(limit)
    return out.getvalue()


# --------------------------------------------------------------------------------------
# Webhooks: verify_webhook vs a hand-rolled check; diagnose_webhook's worst bodies


def hand_rolled_webhook_check(headers: dict[str, str], body: bytes, key: bytes) -> object:
    """The least a correct check does: two headers, HMAC-SHA256 hex, compare_digest, JSON."""
    stamp, signature = headers["x-zm-request-timestamp"], headers["x-zm-signature"]
    message = b"v0:" + stamp.encode() + b":" + body
    expected = "v0=" + hmac.new(key, message, "sha256").hexdigest()
    if not hmac.compare_digest(expected.encode(), signature.encode()):
        raise ValueError("signature mismatch")
    return json.loads(body)


def bench_verify_webhook(settings: Settings) -> Json:
    """``verify_webhook`` and the hand-rolled check, a real event and a server's headers."""
    from zoomsig.testing.webhooks import signed_webhook_request

    token = "demoWebhookSecretTok22"
    event = {
        "event": "meeting.started",
        "payload": {"account_id": "AAAAAABBBB", "object": {"id": 85746065432, "topic": "Réunion"}},
        "event_ts": NOW * 1000,
    }
    request = signed_webhook_request(event, secret_token=token, timestamp=NOW)
    body = request.body
    headers = {
        "host": "example.com",
        "user-agent": "Zoom Marketplace/1.0a",
        "content-length": str(len(body)),
        "content-type": "application/json; charset=utf-8",
        "x-zm-request-timestamp": request.headers["x-zm-request-timestamp"],
        "x-zm-signature": request.headers["x-zm-signature"],
        "x-forwarded-for": "203.0.113.7",
        "accept-encoding": "gzip",
    }
    key = token.encode()
    environ: dict[str, object] = {
        "HTTP_" + name.upper().replace("-", "_"): value for name, value in headers.items()
    }
    environ.update({"REQUEST_METHOD": "POST", "wsgi.input": io.BytesIO(body)})
    fns: dict[str, Callable[[], object]] = {
        "verify_webhook": lambda: zoomsig.verify_webhook(
            headers, body, secret_token=token, now=NOW
        ),
        "hand-rolled": lambda: hand_rolled_webhook_check(headers, body, key),
        # The general path: the same headers as a WSGI environ (Django's request.META).
        "verify_webhook, WSGI environ": lambda: zoomsig.verify_webhook(
            environ, body, secret_token=token, now=NOW
        ),
    }
    return time_calls(fns, settings)


def worst_diagnosis_body(cap: int = 16_384) -> bytes:
    """The costliest body under the diagnosis's key-order limit: 4 top-level and 4 payload
    keys (the most orders to try), filled with floats (the slowest JSON to serialise)."""

    def make(n: int) -> bytes:
        event = {
            "event": "meeting.started",
            "payload": {"a": [1.7976931348623157e308] * n, "b": 1, "c": 2, "d": 3},
            "event_ts": NOW * 1000,
            "x": 0,
        }
        return json.dumps(event, separators=(",", ":")).encode()

    n = (cap - len(make(0))) // len("1.7976931348623157e+308,")
    return make(n)


def bench_diagnose_webhook(settings: Settings) -> Json:
    """``diagnose_webhook`` of the worst body at the 16 KiB cap and of an ordinary
    re-serialised body, both with a signature that no variant explains."""
    from zoomsig.testing.webhooks import signed_webhook_request

    token = "demoWebhookSecretTok22"
    event = {
        "event": "meeting.started",
        "payload": {"account_id": "AAAAAABBBB", "object": {"id": 85746065432, "topic": "Réunion"}},
        "event_ts": NOW * 1000,
    }
    ordinary = json.dumps(
        json.loads(signed_webhook_request(event, secret_token=token, timestamp=NOW).body)
    ).encode()
    worst = worst_diagnosis_body()
    headers = zoomsig.sign_webhook(b"{}", secret_token=token, timestamp=NOW)  # explains nothing
    quick = Settings(True)
    quick.repeat = 5 if settings.quick else 11
    times = time_calls(
        {
            "worst body at the cap": lambda: zoomsig.diagnose_webhook(
                headers, worst, secret_token=token, now=NOW
            ),
            "ordinary re-serialised body": lambda: zoomsig.diagnose_webhook(
                headers, ordinary, secret_token=token, now=NOW
            ),
            "ordinary body, timestamp header dropped": lambda: zoomsig.diagnose_webhook(
                {"x-zm-signature": headers["x-zm-signature"]}, ordinary, secret_token=token, now=NOW
            ),
        },
        quick,
    )
    return {"sizes": {"worst": len(worst), "ordinary": len(ordinary)}, "times": times}


def print_webhooks(results: Json) -> None:
    verify = results.get("verify_webhook")
    if verify:
        ours, hand = verify["verify_webhook"]["best"], verify["hand-rolled"]["best"]
        print(
            f"\nWebhooks: verify_webhook {fmt_time(ours)}  hand-rolled check {fmt_time(hand)}  "
            f"{ratio(ours, hand):5.2f}x"
        )
        environ = verify.get("verify_webhook, WSGI environ")
        if environ:
            print(f"  verify_webhook of a WSGI environ (general path): {fmt_time(environ['best'])}")
    diagnosis = results.get("diagnose_webhook")
    if diagnosis:
        for name, row in diagnosis["times"].items():
            size = diagnosis["sizes"]["worst" if "worst" in name else "ordinary"]
            print(f"  diagnose_webhook, {name} ({size} bytes): {fmt_time(row['best'])}")


# --------------------------------------------------------------------------------------
# Targets and output


def ratio(a: Optional[float], b: Optional[float]) -> Optional[float]:
    return None if a is None or b is None or b == 0 else a / b


def targets(results: Json) -> list[Json]:
    rows: list[Json] = []

    def add(
        name: str, value: Optional[float], limit: float, unit: str, stretch: bool = False
    ) -> None:
        rows.append(
            {
                "target": name,
                "value": value,
                "limit": limit,
                "unit": unit,
                "stretch": stretch,
                "met": None if value is None else value <= limit,
            }
        )

    sign = results["sign"]
    add(
        "sign_meeting_sdk / jwt.encode",
        ratio(sign["sign_meeting_sdk"]["best"], sign["jwt.encode"]["best"]),
        1.1,
        "x",
    )
    decode = results.get("decode")
    valid = decode["valid"] if decode else None
    add(
        "decode_and_validate(valid, secret) / jwt.decode",
        ratio(valid["zoomsig"]["best"], valid["pyjwt"]["best"]) if valid else None,
        1.0,
        "x",
    )
    imports = results.get("imports") or {}
    inproc = imports.get("import_in_process") or {}
    zs, pj = (
        inproc.get("import zoomsig + first signature"),
        inproc.get("import jwt + first jwt.encode"),
    )
    add(
        "import zoomsig + first signature / import jwt + first jwt.encode (fresh, min)",
        ratio(zs["min"], pj["min"]) if zs and pj else None,
        1.2,
        "x",
    )
    wall = imports.get("process_wall") or {}
    cli, bare = wall.get("zoomsig --version"), wall.get("python -c pass")
    add(
        "zoomsig --version / python -c pass (cold start, median wall)",
        ratio(cli["median"], bare["median"]) if cli and bare else None,
        4.0,
        "x",
    )
    too_long = results.get("too_long")
    add(
        "1 MB input refused (TOO_LONG)",
        too_long["str"]["best"] * 1e3 if too_long and too_long["refused"] else None,
        1.0,
        "ms",
    )
    guard = results.get("secret_guard")
    add(
        "secret's pieces spread over 8 KiB / none (the guard's timing)",
        guard["ratio"] if guard else None,
        1.1,
        "x",
    )
    linearity = results.get("linearity")
    if linearity:
        worst = max(linearity["families"].items(), key=lambda item: item[1]["slope"])
        add(f"linearity: worst log-log slope ({worst[0]})", worst[1]["slope"], 1.3, "")
    rows.extend(endpoint_target_rows(results))
    verify = results.get("verify_webhook")
    add(
        "verify_webhook / hand-rolled hmac + compare_digest + json.loads",
        ratio(verify["verify_webhook"]["best"], verify["hand-rolled"]["best"]) if verify else None,
        1.3,
        "x",
    )
    diagnosis = results.get("diagnose_webhook")
    worst_time = diagnosis["times"]["worst body at the cap"]["best"] if diagnosis else None
    add(
        "diagnose_webhook, worst body at the 16 KiB cap",
        worst_time and worst_time * 1e3,
        40.0,
        "ms",
    )
    return rows


def print_report(results: Json) -> None:
    p = print
    meta = results["meta"]
    p(
        f"\nzoomsig {meta['zoomsig']} | PyJWT {meta['pyjwt']} | Python {meta['python']} | "
        f"{meta['cpus']} CPUs | {meta['date']}"
    )
    p("\nSigning (per call, best of repeats)")
    sign = results["sign"]
    jwt_best, std_best = sign["jwt.encode"]["best"], sign["stdlib baseline"]["best"]
    for name in (
        "sign_meeting_sdk",
        "jwt.encode",
        "stdlib baseline",
        "sign_video_sdk",
        "jwt.encode (video payload)",
    ):
        ref = sign["jwt.encode (video payload)"]["best"] if "video" in name else jwt_best
        best = sign[name]["best"]
        p(
            f"  {name:30} {fmt_time(best)}   {ratio(best, ref):5.2f}x PyJWT"
            f"   {ratio(best, std_best):5.2f}x stdlib"
        )
    p(f"  identical tokens from all three: {sign['identical_output']}")
    decode = results.get("decode")
    if decode:
        p("\nDiagnosis vs jwt.decode (per call; PyJWT's time includes raising)")
        for name, row in decode.items():
            if "pyjwt" not in row:
                best = fmt_time(row["zoomsig"]["best"])
                p(f"  {name:28} zoomsig {best}  -> {row['zoomsig_outcome']}")
                continue
            r = ratio(row["zoomsig"]["best"], row["pyjwt"]["best"])
            p(
                f"  {name:28} zoomsig {fmt_time(row['zoomsig']['best'])}  PyJWT "
                f"{fmt_time(row['pyjwt']['best'])}  {r:5.2f}x"
            )
            p(f"  {'':28}   zoomsig: {row['zoomsig_outcome']}; PyJWT: {row['pyjwt_outcome']}")
    else:
        p("\nDiagnosis: decode_and_validate is not implemented yet; skipped")
    imports = results.get("imports")
    if imports:
        p(
            f"\nFresh interpreters ({imports['python']}; cryptography loaded: "
            f"{imports['cryptography_loaded']})"
        )
        for group, label in (("import_in_process", "in-process"), ("process_wall", "wall")):
            for name, row in imports[group].items():
                if row:
                    p(
                        f"  {name + f' ({label})':34} min {fmt_time(row['min'])}  "
                        f"median {fmt_time(row['median'])}"
                    )
        if imports["cli_error"]:
            p(f"  zoomsig --version failed: {imports['cli_error']}")
    too_long = results.get("too_long")
    if too_long:
        p(
            f"\n1 MB input: str {fmt_time(too_long['str']['best'])}, bytes "
            f"{fmt_time(too_long['bytes']['best'])}; codes {too_long['codes']}"
        )
    linearity = results.get("linearity")
    if linearity:
        p(
            f"\nLinearity up to MAX_SIGNATURE_LENGTH={MAX_SIGNATURE_LENGTH} "
            "(decode_and_validate with secret, best per call)"
        )
        for name, fam in linearity["families"].items():
            pts = "  ".join(
                f"{pt['length']}:{fmt_time(pt['best']).strip()}" for pt in fam["points"]
            )
            p(f"  {name:32} slope {fam['slope']:5.2f}  {pts}")
    print_endpoint(results)
    print_webhooks(results)
    p("\nTargets")
    for row in results["targets"]:
        value = "n/a" if row["value"] is None else f"{row['value']:.2f}{row['unit']}"
        verdict = "n/a " if row["met"] is None else ("PASS" if row["met"] else "MISS")
        kind = " (stretch)" if row["stretch"] else ""
        p(f"  {verdict}  {row['target']}{kind}: {value} (target <= {row['limit']}{row['unit']})")


def git_commit() -> Optional[str]:
    head = run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"])
    if head.returncode:
        return None
    dirty = run(["git", "-C", str(ROOT), "status", "--porcelain", "--", "zoomsig"]).stdout.strip()
    return head.stdout.strip() + ("+dirty" if dirty else "")


def main(argv: Optional[list[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats and processes")
    parser.add_argument(
        "--json", type=Path, default=RESULTS / "latest.json", help="where to write JSON"
    )
    parser.add_argument(
        "--reference",
        action="store_true",
        help=f"also write {REFERENCE.relative_to(ROOT)} (quoted by the docs)",
    )
    parser.add_argument(
        "--strict", action="store_true", help="exit 1 when a (non-stretch) target is missed"
    )
    parser.add_argument(
        "--profile", action="store_true", help="also print cProfile and -X importtime"
    )
    parser.add_argument(
        "--runtime-venv",
        type=Path,
        default=DEFAULT_RUNTIME_VENV,
        help="virtualenv for the import timings (created if missing)",
    )
    parser.add_argument("--skip-imports", action="store_true", help="no fresh-interpreter timings")
    args = parser.parse_args(argv)
    settings = Settings(args.quick)

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    warnings.simplefilter("ignore")  # PyJWT's key-length warnings are not what is timed
    results: Json = {
        "meta": {
            "date": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
            "zoomsig": zoomsig.__version__,
            "commit": git_commit(),
            "pyjwt": jwt.__version__,
            "python": platform.python_version(),
            "implementation": platform.python_implementation(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "quick": args.quick,
            "method": "timeit, per-call best of repeats (median also kept); imports and CLI in "
            "fresh interpreters of a runtime-only venv, bytecode cached",
        }
    }
    log("signing ...")
    results["sign"] = bench_sign(settings)
    if engine_ready():
        log("diagnosis ...")
        results["decode"] = bench_decode(settings)
        log("1 MB input ...")
        results["too_long"] = bench_too_long(settings)
        log("secret guard ...")
        results["secret_guard"] = bench_secret_guard(settings)
        log("linearity ...")
        results["linearity"] = bench_linearity(settings)
    else:
        log("decode_and_validate is not implemented yet: skipping the diagnosis benchmarks")
    log("signature endpoint ...")
    results["endpoint"] = bench_endpoint(settings)
    log("webhooks ...")
    results["verify_webhook"] = bench_verify_webhook(settings)
    results["diagnose_webhook"] = bench_diagnose_webhook(settings)
    python = None
    if not args.skip_imports:
        log("runtime-only virtualenv and fresh interpreters ...")
        try:
            python = prepare_runtime_venv(args.runtime_venv.resolve(), log)
            results["imports"] = fresh_interpreter_times(python, settings, log)
        except (RuntimeError, OSError, ValueError) as exc:
            log(f"import timings skipped: {exc}")
    results["targets"] = targets(results)
    print_report(results)

    if args.profile:
        token = meeting_token(None)
        print("\ncProfile: sign_meeting_sdk")
        print(
            profile(
                lambda: sign_meeting_sdk(
                    sdk_key=SDK_KEY, sdk_secret=SDK_SECRET, meeting_number=MEETING, role=0, now=NOW
                )
            )
        )
        if "decode" in results:
            print("cProfile: decode_and_validate(valid, secret=...)")
            print(profile(lambda: decode_and_validate(token, secret=SDK_SECRET)))
        if python is not None:
            print("-X importtime of import zoomsig (self µs, cumulative µs), slowest first:")
            for self_us, cumulative, name in importtime_top(python):
                print(f"  {cumulative:8d} {self_us:8d}  {name}")

    args.json.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(results, indent=2, ensure_ascii=False) + "\n"
    args.json.write_text(text, encoding="utf-8")
    log(f"\nwrote {args.json}")
    if args.reference:
        REFERENCE.write_text(text, encoding="utf-8")
        log(f"wrote {REFERENCE}")
    missed = [t for t in results["targets"] if t["met"] is False and not t["stretch"]]
    return 1 if args.strict and missed else 0


if __name__ == "__main__":
    sys.exit(main())
