"""Keep a CalDAV calendar collection equal to the plan (`agenda publish`).

sync decides what to write from what is stored and what is planned, without
any I/O; caldav_client speaks WebDAV; publisher runs the decision against the
server and keeps count of what was done.
"""
