"""How a person and their role read in each language."""

from collections.abc import Iterable

from agenda.messages.labels import Labels
from agenda.core.model import Person
from agenda.core.planner import Plan, Role


def person_detail(person: Person, labels: Labels) -> str:
    """Affiliation and title as the language orders them: "민주연구원 상근부원장", "Director, Civic Data Lab"."""
    if labels.language == "ko":
        return " ".join(p for p in (person.affiliation, person.title) if p)
    return ", ".join(p for p in (person.title, person.affiliation) if p)


def person_text(person: Person, labels: Labels) -> str:
    detail = person_detail(person, labels)
    return f"{person.name} ({detail})" if detail else person.name


def role_name(role: Role, labels: Labels) -> str:
    """The name with its role in front when the role has a word: "좌장: 구본권"."""
    label = labels.roles.get(role.role, "")
    return f"{label}: {role.person.name}" if label else role.person.name


def role_text(role: Role, labels: Labels) -> str:
    detail = person_detail(role.person, labels)
    return f"{role_name(role, labels)} ({detail})" if detail else role_name(role, labels)


def credits(plan: Plan, labels: Labels) -> list[tuple[str, str]]:
    """(주최, 민주연구원) pairs: forum.organizer and forum.hosts, grouped in the printed order."""
    return [(labels.credits[role], ", ".join(names)) for role, names in plan.forum.credits()]


def credit_lines(plan: Plan, labels: Labels) -> list[str]:
    return [f"{role}: {names}" for role, names in credits(plan, labels)]


def people_lines(roles: Iterable[Role], labels: Labels) -> list[str]:
    return [role_text(role, labels) for role in roles]
