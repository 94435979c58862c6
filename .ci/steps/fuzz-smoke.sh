# A short fuzz run of decode_and_validate (fuzz/README.md): byte mutations over the seed
# corpus, then tokens built from random claims (fuzz/claims.py). In CI the built-in engines
# run (atheris is not installed there); longer, coverage-guided runs are
# `python fuzz/fuzz_decode.py --seconds 600` and `python fuzz/fuzz_claims.py --seconds 600`.
set -euo pipefail

python fuzz/fuzz_decode.py --engine builtin --seconds 8 --seed "${GITHUB_RUN_ID:-0}"
python fuzz/fuzz_claims.py --engine builtin --seconds 7 --seed "${GITHUB_RUN_ID:-0}"
