"""One route: ``POST /`` makes a signature, as Zoom's auth endpoint sample does."""

from __future__ import annotations

from django.urls import path

from zoom_auth_site import views

urlpatterns = [path("", views.signature, name="zoom-signature")]
