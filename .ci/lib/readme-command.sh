# readme_command MARKER: the first ```bash block after <!-- MARKER --> in README.md, as
# .ci/run reads the test command. Sourced by the .ci/steps that run a README command as written.
readme_command() {
  awk -v marker="<!-- $1 -->" '
    $0 == marker { found = 1; next }
    found && /^```bash/ { inside = 1; next }
    inside && /^```/ { exit }
    inside { print }' README.md
}

# run_readme_command MARKER: that block, as written, in a fresh virtualenv (made outside the
# tree and activated as a newcomer would), from the repository root.
run_readme_command() {
  local command venv status=0
  command=$(readme_command "$1")
  if [ -z "$command" ]; then
    echo "README.md has no bash block after <!-- $1 -->" >&2
    return 1
  fi
  venv=$(mktemp -d "${TMPDIR:-/tmp}/zoomsig-readme-venv.XXXXXX")
  python3 -m venv "$venv"
  printf '+ %s\n' "$command"
  # shellcheck disable=SC1091
  (. "$venv/bin/activate" && bash -euo pipefail -c "$command") || status=$?
  rm -rf "$venv"
  return "$status"
}
