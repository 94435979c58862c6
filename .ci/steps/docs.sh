# Build the documentation with warnings as errors (Sphinx + MyST, see docs/conf.py).
# Runs from the CI copy of the repository with the CI virtualenv active. The pages' code
# examples run as doctests in the README test command (pytest collects docs/*.md).
# Then: the rendered API names only public paths (no `zoomsig._enums.Role` in a signature,
# a link or its tooltip); the architecture page and the changelog name modules on purpose.
python -m pip install -q -e ".[docs]"
html="$(mktemp -d)/html"
python -m sphinx -W --keep-going -b html docs "$html" || exit 1
private='zoomsig\.(_[a-z]+|diagnose\.(report|codes|_[a-z]+)|webhook\._[a-z]+)\.[A-Za-z]'
if grep -lE "$private" "$html"/*.html | grep -vE '/(architecture|changelog)\.html$'; then
  echo "the pages above show a private module path in the rendered API" >&2
  grep -ohE ".{0,60}$private[A-Za-z_]*" "$html"/*.html | sort -u | head -20 >&2
  exit 1
fi
