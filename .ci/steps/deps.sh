# Dependencies: deptry fails on an import of the package that no dependency declares and on
# a declared runtime dependency that the package never imports (settings in pyproject.toml
# [tool.deptry]). Run by .ci/run inside the CI venv; by hand: bash .ci/steps/deps.sh
set -euo pipefail

python -m pip install -q -e ".[release]"
# deptry needs the distributions installed to know which modules each one provides.
deptry zoomsig
