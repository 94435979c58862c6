"""The Meeting SDK auth endpoint as a FastAPI app, made with zoomsig.

``POST /`` behaves as Zoom's official auth endpoint sample: see ``zoom_auth_endpoint.py``
(shared with the Django recipe) for the request and answer shapes. The body is parsed there
rather than by a pydantic model, so that a bad body gets the sample's ``400 {"errors": …}``
and not FastAPI's 422. Run it from ``examples/``: ``uvicorn fastapi_app.zoom_auth_api:app``.
"""

from __future__ import annotations

import dataclasses
import os
from typing import Annotated

from fastapi import Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from zoom_auth_endpoint import sign_request


@dataclasses.dataclass(frozen=True)
class ZoomCredentials:
    """A Meeting SDK app's Client ID and Client secret."""

    sdk_key: str
    sdk_secret: str = dataclasses.field(repr=False)


def zoom_credentials() -> ZoomCredentials:
    """The credentials from ``ZOOM_SDK_KEY`` and ``ZOOM_SDK_SECRET``; tests override this."""
    return ZoomCredentials(
        os.environ.get("ZOOM_SDK_KEY", ""), os.environ.get("ZOOM_SDK_SECRET", "")
    )


app = FastAPI(title="Zoom Meeting SDK auth endpoint (zoomsig example)")


@app.post("/")
async def signature(
    request: Request, credentials: Annotated[ZoomCredentials, Depends(zoom_credentials)]
) -> JSONResponse:
    """A Meeting SDK signature for the JSON body."""
    status, payload = sign_request(
        await request.body(), credentials.sdk_key, credentials.sdk_secret
    )
    return JSONResponse(payload, status_code=status)
