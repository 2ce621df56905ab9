"""Without forum.id, calendar UIDs follow the file name and change when it does."""

CODE = "missing-id"
SEVERITY = "warning"


def check(plan):
    if plan.forum.id is None:
        yield ("forum", "@key"), (f"forum.id is missing, so {plan.forum_id!r} from the file name is used; "
                           f"add `id: {plan.forum_id}` so calendar entries survive a rename")
