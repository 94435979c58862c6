# Packaging: build the sdist and the wheel, check their metadata, check what the wheel holds,
# then install the wheel into a fresh virtualenv and run it from outside the source tree.
# Run by .ci/run inside the CI venv, from the CI copy of the repository; by hand the same
# way: bash .ci/steps/package.sh
set -euo pipefail

python -m pip install -q -e ".[release]"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/zoomsig-package.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

python -m build --outdir "$tmp/dist" .
python -m twine check --strict "$tmp/dist"/*

wheels=("$tmp"/dist/zoomsig-*.whl)
sdists=("$tmp"/dist/zoomsig-*.tar.gz)
if [ ${#wheels[@]} -ne 1 ] || [ ! -f "${wheels[0]}" ] || [ ${#sdists[@]} -ne 1 ] || [ ! -f "${sdists[0]}" ]; then
  echo "expected one wheel and one sdist in $tmp/dist, got: $(ls "$tmp/dist")" >&2
  exit 1
fi
wheel=${wheels[0]}

python - "$wheel" <<'PY'
import sys
import zipfile

names = zipfile.ZipFile(sys.argv[1]).namelist()
dist_info = [n for n in names if n.split("/")[0].endswith(".dist-info")]
strays = [n for n in names if not n.startswith("zoomsig/") and n not in dist_info]
problems = []
if strays:
    problems.append(f"files outside zoomsig/ and the .dist-info: {strays}")
for needed in ("zoomsig/py.typed", "zoomsig/__init__.py", "zoomsig/cli/__init__.py", "zoomsig/__main__.py"):
    if needed not in names:
        problems.append(f"{needed} is missing")
if not any(n.endswith(".dist-info/entry_points.txt") for n in dist_info):
    problems.append("no entry_points.txt: the zoomsig command would not be installed")
caches = [n for n in names if "__pycache__" in n or n.endswith((".pyc", ".pyo"))]
if caches:
    problems.append(f"compiled files in the wheel: {caches}")
print(f"{sys.argv[1].rsplit('/', 1)[-1]}: {len(names)} files")
if problems:
    sys.exit("wheel contents:\n  " + "\n  ".join(problems))
PY

# A fresh virtualenv with only the wheel and its dependencies, used from an empty directory
# so that the source tree cannot be imported by accident.
python -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q "$wheel"
mkdir "$tmp/elsewhere"
cd "$tmp/elsewhere"
version=$("$tmp/venv/bin/zoomsig" --version)
echo "$version"
expected="zoomsig $("$tmp/venv/bin/python" -c 'from importlib.metadata import version; print(version("zoomsig"))')"
if [ "$version" != "$expected" ]; then
  echo "zoomsig --version said '$version', expected '$expected'" >&2
  exit 1
fi
"$tmp/venv/bin/python" - "$tmp/venv" <<'PY'
import sys
from pathlib import Path

import zoomsig

location = Path(zoomsig.__file__).resolve()
if Path(sys.argv[1]).resolve() not in location.parents:
    sys.exit(f"imported zoomsig from {location}, not from the installed wheel")
print(f"import zoomsig {zoomsig.__version__} from {location.parent}")
PY
"$tmp/venv/bin/python" -m zoomsig demo >/dev/null
echo "python -m zoomsig demo: ok"
