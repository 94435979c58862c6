"""Thin framework integrations over :mod:`zoomsig.endpoint`, each behind its own extra.

- :mod:`zoomsig.contrib.django` (``pip install "zoomsig[django]"``): views and an app
  config that checks the settings at start-up.
- :mod:`zoomsig.contrib.fastapi` (``pip install "zoomsig[fastapi]"``): routers with
  Pydantic models for the OpenAPI schema.
- :mod:`zoomsig.contrib.flask` (``pip install "zoomsig[flask]"``): blueprints.

Importing ``zoomsig`` or this package imports no framework; only importing one of the
modules above imports its framework.
"""

from __future__ import annotations

__all__: list[str] = []
