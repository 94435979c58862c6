# The example apps (examples/, each with its framework's test client) and the type check
# of zoomsig.contrib against the installed frameworks. Run by .ci/run inside the CI venv,
# from the CI copy of the repository; by hand the same way: bash .ci/steps/examples.sh
set -euo pipefail

python -m pip install -q -e ".[examples,lint]"
python -m pytest examples/tests
# Django 5 and pydantic 2.12 no longer parse as Python 3.9, the package's mypy target:
# check contrib with the running interpreter's version (pyproject excludes it otherwise).
# pyproject.toml skips the frameworks' sources for that 3.9 check of the rest of the package
# (and of tests/); here they are read, so that contrib is checked against their real types.
version=$(python -c 'import sys; print("%d.%d" % sys.version_info[:2])')
config=$(mktemp --suffix=.toml)
trap 'rm -f "$config"' EXIT
python - "$config" <<'PY'
import sys
from pathlib import Path

blocks = Path("pyproject.toml").read_text(encoding="utf-8").split("[[tool.mypy.overrides]]")
kept = [blocks[0], *(block for block in blocks[1:] if '"pydantic"' not in block)]
Path(sys.argv[1]).write_text("[[tool.mypy.overrides]]".join(kept), encoding="utf-8")
PY
mypy --config-file "$config" --strict --python-version "$version" zoomsig/contrib/*.py
