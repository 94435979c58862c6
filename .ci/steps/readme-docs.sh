# The README's command that builds the documentation, run as written in a fresh virtualenv
# (issue 19: in the CI venv, which has the test extra, it passed while a newcomer's fresh
# venv lacked hypothesis and the frameworks that autodoc imports). Run by .ci/run from the
# CI copy of the repository; by hand: bash .ci/steps/readme-docs.sh
set -euo pipefail
# shellcheck source=../lib/readme-command.sh
. .ci/lib/readme-command.sh
run_readme_command docs-command
