# The GitHub Actions workflows and the Read the Docs configuration, validated against their
# JSON schemas (check-jsonschema's built-in copies: no network). Run by .ci/run inside the
# CI venv; by hand: bash .ci/steps/workflows.sh
set -euo pipefail

python -m pip install -q "check-jsonschema>=0.28"
check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
check-jsonschema --builtin-schema vendor.readthedocs .readthedocs.yaml
