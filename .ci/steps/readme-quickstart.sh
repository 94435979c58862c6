# The README's two-command quick start (install from the checkout, then the demo), run as
# written in a fresh virtualenv (issue 19: `pip install zoomsig` finds nothing until the
# first release is on PyPI). Run by .ci/run from the CI copy of the repository; by hand:
# bash .ci/steps/readme-quickstart.sh
set -euo pipefail
# shellcheck source=../lib/readme-command.sh
. .ci/lib/readme-command.sh
out=$(mktemp)
trap 'rm -f "$out"' EXIT
run_readme_command try-command | tee "$out"
# The demo ran (its output names the tokens it made and diagnosed), not only the install.
grep -q "^zoomsig demo: signing and checking" "$out" || {
  echo "the quick start printed no demo output" >&2
  exit 1
}
