# A short fuzz run of decode_and_validate over the seed corpus (fuzz/README.md). In CI the
# built-in mutation fuzzer runs (atheris is not installed there); a longer, coverage-guided
# run is `python fuzz/fuzz_decode.py --seconds 600` with atheris.
set -euo pipefail

python fuzz/fuzz_decode.py --engine builtin --seconds 15 --seed "${GITHUB_RUN_ID:-0}"
