"""Change notices (`agenda notices`): a message and a calendar for each person whose own part changed.

drafts builds each message the same way every time, text words it in the
forum's language, delivery speaks SMTP; notifier runs them in order, as
publish/publisher.py runs a calendar's sync, and leaves every sentence to
the command. What changed in a person's parts is the core's
(agenda.core.part_changes); a person's own calendar is an export
(agenda.export.person_ics).
"""
