# examples/django_app/zoom_auth_site/settings.py (Django)
"""Settings: everything from environment variables, nothing secret in the source."""

import os

# A Meeting SDK app's Client ID and Client secret. The view checks them when the URLconf is
# imported: a broken one stops the server before the first request. A missing one lets a
# build step (migrate, collectstatic) run; `manage.py check --deploy` fails on it.
ZOOM_SDK_KEY = os.environ.get("ZOOM_SDK_KEY", "")
ZOOM_SDK_SECRET = os.environ.get("ZOOM_SDK_SECRET", "")
INSTALLED_APPS = ["zoomsig.contrib.django.ZoomSigConfig"]

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "example-only-set-DJANGO_SECRET_KEY")
DEBUG = os.environ.get("DJANGO_DEBUG", "") == "1"
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",")
ROOT_URLCONF = "zoom_auth_site.urls"
WSGI_APPLICATION = "zoom_auth_site.wsgi.application"
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
DATABASES: dict[str, dict[str, str]] = {}
USE_TZ = True
