# pyright: type completeness of the public API (100 % required) and strict checking of the
# package (settings in pyproject.toml [tool.pyright]). Run by .ci/run inside the CI venv,
# from the repository root; runnable by hand the same way: bash .ci/steps/pyright.sh
set -euo pipefail

python -m pip install -q -e ".[lint]"
# The PyPI wrapper fetches pyright's node build from npm on first use. If there is no node
# and that fails, the bundled-node extra is the fallback.
if ! pyright --version >/dev/null 2>&1; then
  python -m pip install -q "pyright[nodejs]"
fi
pyright --version

report=$(mktemp "${TMPDIR:-/tmp}/pyright-verifytypes.XXXXXX")
trap 'rm -f "$report"' EXIT
status=0
pyright --verifytypes zoomsig --ignoreexternal --outputjson >"$report" || status=$?
python - "$report" "$status" <<'PY'
import json
import sys

path, status = sys.argv[1], int(sys.argv[2])
try:
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
except ValueError:
    print(open(path, encoding="utf-8").read())
    sys.exit(f"pyright --verifytypes gave no JSON report (exit status {status})")
completeness = data["typeCompleteness"]
score = completeness["completenessScore"]
problems = [
    d for d in data.get("generalDiagnostics", []) if d.get("severity") in ("error", "warning")
]
for symbol in completeness.get("symbols", []):
    for diagnostic in symbol.get("diagnostics", []):
        if diagnostic.get("severity") == "error":
            problems.append(diagnostic)
            print(f"{symbol['name']}: {diagnostic['message']}")
for diagnostic in data.get("generalDiagnostics", []):
    print(f"{diagnostic.get('file', '')}: {diagnostic['message']}")
print(
    f"type completeness: {score:.1%} "
    f"({completeness['exportedSymbolCounts']['withKnownType']} of "
    f"{sum(completeness['exportedSymbolCounts'].values())} exported symbols with known type)"
)
if score < 1.0 or problems or status not in (0, 1):
    sys.exit("pyright --verifytypes: the public API must be 100 % typed")
PY

# Strict checking of the package (include = ["zoomsig"], typeCheckingMode = "strict").
pyright
