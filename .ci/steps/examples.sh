# The Django and FastAPI example endpoints (examples/) and the docs' Flask recipe,, tested with Django's test client and
# FastAPI's TestClient. Run by .ci/run inside the CI venv, from the CI copy of the
# repository; by hand the same way: bash .ci/steps/examples.sh
set -euo pipefail

python -m pip install -q -e ".[examples]"
python -m pytest examples/tests -p no:cacheprovider
# The Flask recipe lives in docs/recipes.md; its test skips where Flask is not installed.
flask_log=$(python -m pytest tests/test_docs.py -k flask -p no:cacheprovider -rs)
printf '%s\n' "$flask_log"
grep -q "1 passed" <<<"$flask_log"
