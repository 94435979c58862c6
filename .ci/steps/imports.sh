# Layer contracts: lint-imports checks the [tool.importlinter] contracts of pyproject.toml
# (the layers of docs/architecture.md: the core imports nothing above it, the diagnosis does
# not import the signers, a private module is imported only inside its own package, no
# cycles). Run by .ci/run inside the CI venv, from the repository root; by hand the same
# way: bash .ci/steps/imports.sh
set -euo pipefail

python -m pip install -q -e ".[lint]"
# --no-cache: the check of a clean checkout never trusts a cache from another tree.
lint-imports --no-cache
