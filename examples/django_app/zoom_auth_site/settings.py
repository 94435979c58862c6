"""Settings: everything from environment variables, nothing secret in the source.

The Zoom credentials are those of a Meeting SDK app (or a General app with "Meeting SDK
(Embed)" enabled): its Client ID and Client secret.
"""

from __future__ import annotations

import os

ZOOM_SDK_KEY = os.environ.get("ZOOM_SDK_KEY", "")
ZOOM_SDK_SECRET = os.environ.get("ZOOM_SDK_SECRET", "")

# This project has no sessions, forms or database, so Django's own key signs nothing here;
# set DJANGO_SECRET_KEY anyway before you add anything that uses it.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "example-only-set-DJANGO_SECRET_KEY")
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",")

ROOT_URLCONF = "zoom_auth_site.urls"
WSGI_APPLICATION = "zoom_auth_site.wsgi.application"
INSTALLED_APPS: list[str] = []
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]
DATABASES: dict[str, dict[str, str]] = {}
USE_TZ = True
