# zoomsig.testing as a service uses it: examples/service_tests is a service's own pytest
# suite (its own PyJWT signer, one right, one with a planted mistake) using the zoomsig
# fixtures, assertion helpers, mistake catalogue and hypothesis strategies. Exactly the
# planted test must fail, at its own line, listing every mistake with its fix; all the
# others must pass. Run by .ci/run inside the CI venv; by hand: bash .ci/steps/testing-helpers.sh
set -euo pipefail

python -m pip install -q -e ".[hypothesis]"
log_file=$(mktemp)
trap 'rm -f "$log_file"' EXIT
status=0
(cd examples/service_tests && python -m pytest) >"$log_file" 2>&1 || status=$?
cat "$log_file"
if [ "$status" -ne 1 ]; then
  echo "expected pytest to exit 1 (the planted test fails), got $status" >&2
  exit 1
fi
python - "$log_file" <<'PY'
import re
import sys
from pathlib import Path

from zoomsig import FindingCode
from zoomsig.diagnose.codes import CODE_INFO

log = Path(sys.argv[1]).read_text(encoding="utf-8")
source = Path("examples/service_tests/test_service.py").read_text(encoding="utf-8").splitlines()
planted = "test_v1_signer_makes_valid_signatures"
problems = []

failed = re.findall(r"^FAILED (\S+)", log, re.MULTILINE)
if failed != [f"test_service.py::{planted}"]:
    problems.append(f"expected only the planted test to fail, got {failed}")
if not re.search(r"^=+ 1 failed, \d+ passed in ", log, re.MULTILINE):
    problems.append("the summary is not '1 failed, N passed'")

# The failure is reported at the planted test's own line: its assert_valid_signature call.
start = next(i for i, line in enumerate(source) if f"def {planted}(" in line)
call = next(i for i in range(start, len(source)) if "assert_valid_signature(" in source[i]) + 1
section = log.split(f" {planted} ", 1)[-1]
if f"test_service.py:{call}: AssertionError" not in section:
    problems.append(f"the failure is not reported at test_service.py:{call}")
if re.search(r"zoomsig[/\\]", section):
    problems.append("a zoomsig frame or path in the failure")

for code in (FindingCode.ROLE_MISSING, FindingCode.IAT_IN_MILLISECONDS, FindingCode.EXP_IN_MILLISECONDS):
    if f"error {code.value} " not in section:
        problems.append(f"{code.value} is not listed")
    if f"fix: {CODE_INFO[code].fix}" not in section:
        problems.append(f"the fix for {code.value} is not shown")
if "FakeMeetingSdkSecretNotReal00001"[:8] in log:
    problems.append("the secret is in the output")

if problems:
    sys.exit("testing-helpers: " + "; ".join(problems))
print("testing-helpers: only the planted test failed, at its own line, with every mistake and its fix")
PY
