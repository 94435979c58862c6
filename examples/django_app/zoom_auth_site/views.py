"""The Meeting SDK auth endpoint as a Django view, made with zoomsig.

``POST /`` behaves as Zoom's official auth endpoint sample: see ``zoom_auth_endpoint.py``
(shared with the FastAPI recipe, one folder up) for the request and answer shapes.
"""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from zoom_auth_endpoint import sign_request


# No CSRF token is needed: making a signature changes nothing on the server, and another
# site's page cannot read the answer (this project sends no CORS headers).
@csrf_exempt
@require_POST
def signature(request: HttpRequest) -> JsonResponse:
    """``POST /``: a Meeting SDK signature for the JSON body."""
    status, payload = sign_request(request.body, settings.ZOOM_SDK_KEY, settings.ZOOM_SDK_SECRET)
    return JsonResponse(payload, status=status)
