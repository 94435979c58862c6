# examples/flask_app/app.py (Flask)
"""``POST /zoom/signature``: a Meeting SDK signature, participant (role 0) only.

Run it with ``flask --app app run`` from this folder.
"""

import os

from flask import Flask

from zoomsig.contrib.flask import meeting_sdk_blueprint

app = Flask(__name__)
app.register_blueprint(
    meeting_sdk_blueprint(
        sdk_key=os.environ["ZOOM_SDK_KEY"],  # Meeting SDK app: Client ID
        sdk_secret=os.environ["ZOOM_SDK_SECRET"],  # ... and Client secret, checked here
        rule="/zoom/signature",
    )
)
