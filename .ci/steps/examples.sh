# The Django and FastAPI example endpoints (examples/), tested with Django's test client and
# FastAPI's TestClient. Run by .ci/run inside the CI venv, from the CI copy of the
# repository; by hand the same way: bash .ci/steps/examples.sh
set -euo pipefail

python -m pip install -q -e ".[examples]"
python -m pytest examples/tests -p no:cacheprovider
