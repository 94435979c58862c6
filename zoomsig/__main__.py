"""``python -m zoomsig``: the same as the ``zoomsig`` command."""

from zoomsig.cli import main

raise SystemExit(main())
