"""The checks: one module per finding code, each a small function over a Plan.

A check yields (path, message) pairs; the driver stamps them with the
check's code and severity, and the loader's positions turn paths into
file:line:column. Checks know nothing of files or terminals.
"""
