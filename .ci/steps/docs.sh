# Build the documentation with warnings as errors (Sphinx + MyST, see docs/conf.py).
# Runs from the CI copy of the repository with the CI virtualenv active. The pages' code
# examples run as doctests in the README test command (pytest collects docs/*.md).
python -m pip install -q -e ".[docs]"
python -m sphinx -W --keep-going -b html docs "$(mktemp -d)/html"
