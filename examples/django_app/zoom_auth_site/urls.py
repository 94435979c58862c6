# examples/django_app/zoom_auth_site/urls.py (Django)
"""``POST /zoom/signature``: a Meeting SDK signature, participant (role 0) only."""

from django.urls import path

from zoomsig.contrib.django import meeting_sdk_view

urlpatterns = [path("zoom/signature", meeting_sdk_view(), name="zoom-signature")]
