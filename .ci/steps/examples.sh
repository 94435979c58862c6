# The example apps (examples/, each with its framework's test client) and the type check
# of zoomsig.contrib against the installed frameworks. Run by .ci/run inside the CI venv,
# from the CI copy of the repository; by hand the same way: bash .ci/steps/examples.sh
set -euo pipefail

python -m pip install -q -e ".[examples,lint]"
python -m pytest examples/tests
# Django 5 and pydantic 2.12 no longer parse as Python 3.9, the package's mypy target:
# check contrib with the running interpreter's version (pyproject excludes it otherwise).
version=$(python -c 'import sys; print("%d.%d" % sys.version_info[:2])')
mypy --strict --python-version "$version" zoomsig/contrib/*.py
