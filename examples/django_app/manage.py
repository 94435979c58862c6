#!/usr/bin/env python
"""Django's command-line utility: ``python manage.py runserver``."""

from __future__ import annotations

import os
import sys
from pathlib import Path

# zoom_auth_endpoint.py (shared with the FastAPI recipe) lives in examples/, one folder up.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zoom_auth_site.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
