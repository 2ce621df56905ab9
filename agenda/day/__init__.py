"""On the day: marks of what actually happened, and the rest of the day projected from them.

`marks` and `projection` are pure (no files, no clock, no terminal); the
log file lives in `marks_log`, the words in `agenda.messages.day_words`, the
terminal desk of `agenda run` in `agenda.cli.desk`.
"""
