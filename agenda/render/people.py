"""How a person and their role read in each language."""

from agenda.i18n import Labels
from agenda.model import Person
from agenda.planner import Plan, Role


def person_text(person: Person, labels: Labels) -> str:
    if labels.language == "ko":
        detail = " ".join(p for p in (person.affiliation, person.title) if p)
    else:
        detail = ", ".join(p for p in (person.title, person.affiliation) if p)
    return f"{person.name} ({detail})" if detail else person.name


def role_text(role: Role, labels: Labels) -> str:
    label = labels.roles.get(role.role, "")
    text = person_text(role.person, labels)
    return f"{label}: {text}" if label else text


def credits(plan: "Plan", labels: Labels) -> list[tuple[str, str]]:
    """(주최, 민주연구원) pairs: forum.organizer and forum.hosts, grouped in the printed order."""
    return [(labels.credits[role], ", ".join(names)) for role, names in plan.forum.credits()]


def credit_lines(plan: "Plan", labels: Labels) -> list[str]:
    return [f"{role}: {names}" for role, names in credits(plan, labels)]


def people_lines(roles, labels: Labels) -> list[str]:
    return [role_text(role, labels) for role in roles]
