"""The day in words: the one line a desk reads (`now`, `mark`, `run`), in the forum's language."""

from datetime import datetime

from agenda.day.marks import Mark
from agenda.day.projection import DayState, SegmentState, whole_minutes
from agenda.messages.labels import labels_for
from agenda.core.planner import Plan, TimedSegment
from agenda.messages.day_words import DayWords, day_words


def title_of(item: SegmentState | TimedSegment, language: str) -> str:
    """A segment's title as a reader sees it (a SegmentState or a TimedSegment): its own, else its kind's label."""
    seg = item.segment if isinstance(item, SegmentState) else item
    return labels_for(language).title(seg.title, seg.kind)


def hm(moment: datetime | None) -> str:
    """A clock reading, 14:03; nothing for a time that is not known."""
    return "" if moment is None else f"{moment:%H:%M}"


def mmss(seconds: int) -> str:
    minutes, secs = divmod(max(0, seconds), 60)
    return f"{minutes}:{secs:02d}"


def day_line(day: DayState, language: str) -> str:
    """"7분 늦게 진행 중 · 질의응답 25분 → 23분 · 16:00 정시 종료 예상"."""
    words = day_words(language)
    parts = []
    if day.state == "before":
        following = day.next
        if following is not None and day.delay_minutes > 0:
            parts.append(words.start_late.format(n=day.delay_minutes))
        elif following is not None and following.start is not None:
            wait = max(0, whole_minutes(day.at, following.start))
            parts.append(words.starts_in.format(start=hm(following.start), n=wait))
    elif day.state != "after":
        parts.append(_pace(words, day.delay_minutes))
    for s in day.resized:
        template = words.resized if (s.allotted or 0) < (s.segment.minutes or 0) else words.resized_grows
        parts.append(template.format(title=title_of(s, language), old=s.segment.minutes, new=s.allotted))
    parts.append(ending_text(words, day))
    return " · ".join(parts)


def _pace(words: DayWords, delay: int) -> str:
    if delay > 0:
        return words.late.format(n=delay)
    if delay < 0:
        return words.ahead.format(n=-delay)
    return words.on_time


def ending_text(words: DayWords, day: DayState) -> str:
    end = hm(day.end)
    spare = whole_minutes(day.end.replace(second=0, microsecond=0), day.window_end or day.plan.window_end)
    done = day.state == "after"
    if day.over_window_minutes > 0:
        return (words.ended_past if done else words.ends_past).format(end=end, n=day.over_window_minutes)
    if spare > 0:
        return (words.ended_spare if done else words.ends_spare).format(end=end, n=spare)
    return (words.ended_on_time if done else words.ends_on_time).format(end=end)


def speaker_text(segment: TimedSegment) -> str:
    """Names only: the desk needs who is on, not their titles."""
    return ", ".join(dict.fromkeys(role.person.name for role in segment.people))


def now_text(day: DayState, language: str) -> str:
    """What runs (and its time left or over), what comes next, the day in words; before the start, the plan."""
    words = day_words(language)
    lines = []
    current = day.current
    head = f"{hm(day.at)} · {words.states[day.state]}"
    if current is not None:
        clock = (words.over.format(n=mmss(day.over_seconds)) if day.over_seconds
                 else words.left.format(n=mmss(day.remaining_seconds)))
        head = f"{hm(day.at)} · {title_of(current, language)} · {clock} ({words.until.format(end=hm(day.current_due))})"
        people = speaker_text(current.segment)
        if people:
            head += f" · {people}"
    lines.append(head)
    if day.state == "before":  # the plan, as it stands, before anything has happened
        labels = labels_for(language)
        lines += [f"  {labels.time_range(s.start, s.end)} {title_of(s, language)}" for s in day.segments
                  if s.status in ("upcoming", "done") and s.end is not None]
    if day.next is not None:
        lines.append(next_text(day, language))
    elif day.state != "after":
        lines.append(words.next_none)
    lines.append(day_line(day, language))
    return "\n".join(lines) + "\n"


def next_text(day: DayState, language: str) -> str:
    """"next: Break at 11:05 (planned 11:00)": a segment that moves says so."""
    words = day_words(language)
    following = day.next
    if following is None:
        return words.next_none
    text = words.next.format(title=title_of(following, language), start=hm(following.start))
    planned = following.planned_start
    if planned is not None and hm(planned) != hm(following.start):
        text += " " + words.planned_at.format(start=hm(planned))
    return text


def mark_text(plan: Plan, mark: Mark, withdrawn: Mark | None = None) -> str:
    """What a mark did, for the line `agenda mark` prints and the message `agenda run` shows."""
    words = day_words(plan.language)
    titles = {s.id: title_of(s, plan.language) for s in plan.segments}
    if withdrawn is not None:
        what = " ".join(p for p in (words.mark_kinds[withdrawn.kind.value], titles.get(withdrawn.segment or "", ""), hm(withdrawn.at)) if p)
        return words.mark_done["undo"].format(what=what)
    if mark.segment is None:
        return words.mark_done["last"].format(title="", at=hm(mark.at)).strip()
    return words.mark_done[mark.kind.value].format(title=titles[mark.segment], at=hm(mark.at))


def window_text(plan: Plan) -> dict[str, str]:
    """The forum's date and window as a sentence names them: {date: 2023년 12월 13일(수), window: 14:00~16:00 ...}."""
    labels = labels_for(plan.language)
    start, end = plan.local(plan.window_start), plan.local(plan.window_end)
    return {"date": labels.long_date(start.date()),
            "window": f"{labels.time_range(start, end)} ({plan.zone.key})"}
