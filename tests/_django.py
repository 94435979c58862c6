"""Django settings for the tests that use Django's test client (configured once)."""

from __future__ import annotations

import django
from django.conf import settings

KEY = "DJANGOkey0123"
SECRET = "django-secret-sentinel-0123456789abcd"
VIDEO_KEY = "DJANGOvideoKey"
VIDEO_SECRET = "django-video-secret-0123456789abcdef"

if not settings.configured:
    settings.configure(
        DEBUG=False,
        SECRET_KEY="tests-only-not-secret",
        ALLOWED_HOSTS=["testserver"],
        ROOT_URLCONF="test_contrib_django",
        INSTALLED_APPS=["zoomsig.contrib.django.ZoomSigConfig"],
        MIDDLEWARE=[
            "django.middleware.common.CommonMiddleware",
            "django.middleware.csrf.CsrfViewMiddleware",
        ],
        DATABASES={},
        USE_TZ=True,
        ZOOM_SDK_KEY=KEY,
        ZOOM_SDK_SECRET=SECRET,
        ZOOM_VIDEO_SDK_KEY=VIDEO_KEY,
        ZOOM_VIDEO_SDK_SECRET=VIDEO_SECRET,
    )
    django.setup()
