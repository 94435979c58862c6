# Packaging: build the sdist and the wheel, check their metadata (twine, with the Markdown
# renderer), check what both archives hold (.ci/lib/check_dist.py),
# then install the wheel into a fresh virtualenv and run it from outside the source tree.
# Run by .ci/run inside the CI venv, from the CI copy of the repository; by hand the same
# way: bash .ci/steps/package.sh
set -euo pipefail

python -m pip install -q -e ".[release]"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/zoomsig-package.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

dist=${ZOOMSIG_DIST_DIR:-$tmp/dist}  # the release workflow keeps the archives it checked
python -m build --outdir "$dist" .
# twine renders the Markdown README only when readme_renderer's Markdown support is there;
# without it `twine check --strict` passes without rendering anything.
python -c "import readme_renderer.markdown" || {
  echo "readme_renderer[md] is not installed: twine check would not render the README" >&2
  exit 1
}
python -m twine check --strict "$dist"/*

wheels=("$dist"/zoomsig-*.whl)
sdists=("$dist"/zoomsig-*.tar.gz)
if [ ${#wheels[@]} -ne 1 ] || [ ! -f "${wheels[0]}" ] || [ ${#sdists[@]} -ne 1 ] || [ ! -f "${sdists[0]}" ]; then
  echo "expected one wheel and one sdist in $dist, got: $(ls "$dist")" >&2
  exit 1
fi
wheel=${wheels[0]}

# Contents: no file missing, no stray file (expected lists come from the source tree).
python .ci/lib/check_dist.py "$wheel" "${sdists[0]}" .

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
