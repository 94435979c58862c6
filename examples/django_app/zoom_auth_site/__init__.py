"""A minimal Django project serving a Zoom Meeting SDK auth endpoint made with zoomsig."""
