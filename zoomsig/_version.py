"""The version of zoomsig: the one place it is written.

``pyproject.toml`` reads it from here (``[tool.hatch.version]``), so the package metadata and
``zoomsig.__version__`` cannot disagree, and ``zoomsig --version`` needs no
``importlib.metadata`` (about 20 ms of imports) to print it.
"""

__version__ = "0.1.0"
