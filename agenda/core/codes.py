"""The check codes, in a leaf module that the model (for `rules.ignore`) and the checks both import.

The model must not import the check registry (that would point upward), yet
it has to reject an unknown code in `rules.ignore` at the value's position,
and the JSON Schema has to agree. tests/test_checks.py keeps this list and
the registry equal.
"""

CHECK_CODES = (
    "window-overflow", "before-window", "overlap", "gap", "slack", "items-overflow", "each-mismatch",
    "missing-kind", "unknown-person", "unused-person", "duplicate-id", "zero-duration",
    "nonexistent-time", "ambiguous-time", "crosses-midnight", "missing-id", "legacy-zone",
    "end-before-start", "unmailable-address", "ceremony-order", "unknown-room", "room-overlap",
    "track-overflow", "track-slack", "double-booked", "duplicate-uid",
)
