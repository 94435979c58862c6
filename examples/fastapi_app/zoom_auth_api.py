# examples/fastapi_app/zoom_auth_api.py (FastAPI)
"""``POST /zoom/signature``: a Meeting SDK signature, participant (role 0) only.

Run it with ``uvicorn zoom_auth_api:app`` from this folder; the schema is at ``/docs``.
"""

import os

from fastapi import FastAPI

from zoomsig.contrib.fastapi import meeting_sdk_router

app = FastAPI(title="Zoom Meeting SDK auth endpoint")
app.include_router(
    meeting_sdk_router(
        sdk_key=os.environ["ZOOM_SDK_KEY"],  # Meeting SDK app: Client ID
        sdk_secret=os.environ["ZOOM_SDK_SECRET"],  # ... and Client secret, checked here
        path="/zoom/signature",
    )
)
