# The sdist's own test suite, as a distribution packager runs it (issue 19): build the sdist,
# unpack it in a temp dir, install it with its test extra into a fresh virtualenv and run
# its suite there. Tests that need the repository's examples/, noxfile.py or .ci/ skip in
# an sdist with the reason (tests/_sdist.py); everything else must pass. Run by .ci/run
# inside the CI venv, from the CI copy of the repository; by hand: bash .ci/steps/sdist.sh
set -euo pipefail

python -m pip install -q "build>=1.2"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/zoomsig-sdist.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

python -m build --sdist --outdir "$tmp/dist" .
sdists=("$tmp"/dist/zoomsig-*.tar.gz)
if [ ${#sdists[@]} -ne 1 ] || [ ! -f "${sdists[0]}" ]; then
  echo "expected one sdist, got: $(ls "$tmp/dist")" >&2
  exit 1
fi
mkdir "$tmp/unpacked"
tar -xzf "${sdists[0]}" -C "$tmp/unpacked"
src=$(echo "$tmp"/unpacked/zoomsig-*)

python -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q "$src[test]"
cd "$src"
log="$tmp/pytest.log"
status=0
"$tmp/venv/bin/python" -m pytest -p no:cacheprovider -q -rs >"$log" 2>&1 || status=$?
tail -n 40 "$log"
if [ "$status" -ne 0 ]; then
  echo "the sdist's test suite failed (exit status $status)" >&2
  exit 1
fi
# Only the repository-only tests may skip, each saying what the sdist does not ship.
python - "$log" <<'PY'
import re
import sys
from pathlib import Path

log = Path(sys.argv[1]).read_text(encoding="utf-8")
skips = re.findall(r"^SKIPPED \[\d+\] ([^:]+):\d+: (.*)$", log, re.MULTILINE)
other = [(where, why) for where, why in skips if not why.startswith("repository only: ")]
if other:
    sys.exit("sdist: tests skipped for another reason than a repository-only file: "
             + "; ".join(f"{where}: {why}" for where, why in other))
print(f"sdist: suite passed; {len(skips)} repository-only skip line(s)")
PY
