"""The forum, its plan and its findings: the model, the planner, times, zones and kinds, with no I/O."""
