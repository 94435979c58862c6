# The end-to-end suite (tests/e2e, docs/e2e.md): the official Zoom Web SDKs from npm in a
# headless Chromium, against zoomsig's Django, FastAPI and Flask integrations under their
# real servers on 127.0.0.1, and Zoom's webhook deliveries over HTTP. Every request to Zoom
# is intercepted: nothing leaves the machine. Installs what it needs on a fresh machine
# (Debian's chromium and chromium-driver, as root; the pinned npm SDKs; the e2e extra) and
# fails, instead of skipping, when any of it is missing (ZOOMSIG_E2E_REQUIRED=1).
# Screenshots and the console record go to $ZOOMSIG_CI_ARTIFACTS/e2e (.ci/run sets it; CI
# uploads it). By hand: bash .ci/steps/e2e.sh [PYTEST ARGS, e.g. -k webhooks]
set -euo pipefail

if [ -z "${ZOOMSIG_E2E_CHROMIUM:-}" ]; then
  for candidate in chromium google-chrome; do  # GitHub's Ubuntu runners ship Google Chrome
    if command -v "$candidate" >/dev/null; then
      ZOOMSIG_E2E_CHROMIUM=$(command -v "$candidate")
      break
    fi
  done
fi
if [ -z "${ZOOMSIG_E2E_CHROMIUM:-}" ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo -n"
  $sudo apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium chromium-driver
  ZOOMSIG_E2E_CHROMIUM=$(command -v chromium)
fi
export ZOOMSIG_E2E_CHROMIUM
"$ZOOMSIG_E2E_CHROMIUM" --version

python -m pip install -q -e ".[e2e]"
# The SDKs exactly as package-lock.json pins them; no install scripts (the meeting SDK's
# postinstall only prints), no browser download.
(cd tests/e2e/web && npm ci --ignore-scripts --no-audit --no-fund)
if [ -n "${ZOOMSIG_CI_ARTIFACTS:-}" ]; then
  # Under .ci/run: leave the CI copy as it was, or the packaging step would find the SDKs
  # in tests/ (which the sdist ships) but not in the sdist (they are git-ignored).
  trap 'rm -rf tests/e2e/web/node_modules' EXIT
fi

export ZOOMSIG_E2E_REQUIRED=1
export ZOOMSIG_E2E_ARTIFACTS="${ZOOMSIG_CI_ARTIFACTS:-$PWD/.ci-artifacts}/e2e"
status=0
python -m pytest -p no:cacheprovider -m e2e tests/e2e "$@" || status=$?
echo "e2e screenshots and console record: $ZOOMSIG_E2E_ARTIFACTS"
ls "$ZOOMSIG_E2E_ARTIFACTS" 2>/dev/null || true
exit "$status"
