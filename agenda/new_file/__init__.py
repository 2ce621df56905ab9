"""Starting a new forum file (`agenda init`): the templates, and the time zone the machine runs in."""
