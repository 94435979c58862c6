# A short fuzz run (fuzz/README.md): byte mutations of decode_and_validate over the seed
# corpus, tokens built from random claims (fuzz/claims.py), then the targets of issue 23:
# request bodies through the signature endpoint (fuzz/endpoint_cases.py), headers and bodies
# through the webhook functions (fuzz/webhook_cases.py) and argv through `zoomsig`
# (fuzz/cli_cases.py; known defects are counted, not failures). In CI the built-in engines
# run (atheris is not installed there); longer, coverage-guided runs are
# `python fuzz/fuzz_<name>.py --seconds 600`.
set -euo pipefail

seed="${GITHUB_RUN_ID:-0}"
python fuzz/fuzz_decode.py --engine builtin --seconds 8 --seed "$seed"
python fuzz/fuzz_claims.py --engine builtin --seconds 7 --seed "$seed"
python fuzz/fuzz_endpoint.py --engine builtin --seconds 8 --seed "$seed"
python fuzz/fuzz_webhook.py --engine builtin --seconds 8 --seed "$seed"
python fuzz/fuzz_cli.py --engine builtin --seconds 8 --seed "$seed"
