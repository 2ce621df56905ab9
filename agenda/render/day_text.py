"""The day in words: the one line a desk reads (`now`, `mark`, `run`), in the forum's language."""

from datetime import datetime, timedelta

from agenda.day.days import day_after, window_for
from agenda.day.marks import Mark, part_of
from agenda.day.parts import parts_of
from agenda.day.projection import DayState, SegmentState, State, Status, whole_minutes
from agenda.messages.labels import labels_for
from agenda.core.planner import Plan, TimedSegment
from agenda.messages.day_words import DayWords, day_words
from agenda.render.day_clock_face import on_the_forums_clock


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
    day = on_the_forums_clock(day)
    words = day_words(language)
    parts = []
    if day.state is State.BEFORE:
        following = day.next
        if following is not None and day.delay_minutes > 0:
            parts.append(words.start_late.format(n=day.delay_minutes))
        elif following is not None and following.start is not None:
            wait = max(0, whole_minutes(day.at, following.start))
            parts.append(words.starts_in.format(start=hm(following.start), n=wait))
    elif day.state is not State.AFTER:
        parts.append(_pace(words, day.delay_minutes))
    for s in day.resized:
        template = words.resized if (s.allotted or 0) < (s.segment.minutes or 0) else words.resized_grows
        parts.append(template.format(title=title_of(s, language), old=s.segment.minutes, new=s.allotted))
    parts.append(ending_text(words, day))
    if day.cut:
        parts.append(cut_text(day, language))
    elif day.over_window_minutes > 0 and day.state is not State.AFTER:
        parts.append(words.nothing_to_cut)  # said, so that no advice is not read as "nothing to do"
    return " · ".join(parts)


def part_label(s: SegmentState, language: str) -> str:
    """A part as a desk names it: a segment's own title, or for one of its parts the segment and who speaks."""
    if s.item is None or s.parent is None:
        return title_of(s, language)
    names = speaker_text(s.segment, speakers_only=True)
    parent = labels_for(language).title(s.parent.title, s.parent.kind)
    return f"{parent} · {names}" if names else title_of(s, language)


def cut_text(day: DayState, language: str) -> str:
    """"질의응답 25분 → 22분이면 16:00 정시 종료": what to cut to end at the window's end."""
    day = on_the_forums_clock(day)
    words = day_words(language)
    cuts = ", ".join(words.cut_part.format(title=part_label(c.part, language), old=c.from_minutes, new=c.to_minutes)
                     for c in day.cut)
    window_end = day.cut_end or day.window_end or day.plan.local(day.plan.window_end)  # a room's: its block's end
    left = -(-day.uncut_seconds // 60)
    if not left:
        return words.cut_to_end.format(cuts=cuts, end=hm(window_end))
    # even cut, the day ends past the window: say where it ends, never "on time" beside "over"
    reach = hm(window_end + timedelta(minutes=left))
    if len(day.cut) == 1 and day.current is not None and day.cut[0].part.part == day.current.part:
        return words.stop_now.format(end=reach, n=left)  # nothing is left to cut but the rest of what runs
    return words.cut_to_end_past.format(cuts=cuts, end=reach, n=left)


def _pace(words: DayWords, delay: int) -> str:
    if delay > 0:
        return words.late.format(n=delay)
    if delay < 0:
        return words.ahead.format(n=-delay)
    return words.on_time


def ending_text(words: DayWords, day: DayState) -> str:
    end = hm(day.end)
    spare = whole_minutes(day.end.replace(second=0, microsecond=0), day.window_end or day.plan.window_end)
    done = day.state is State.AFTER
    if day.over_window_minutes > 0:
        return (words.ended_past if done else words.ends_past).format(end=end, n=day.over_window_minutes)
    if spare > 0:
        return (words.ended_spare if done else words.ends_spare).format(end=end, n=spare)
    if not done and day.delay_minutes > 0 and not day.resized and day.state is not State.BEFORE:
        return words.ends_on_time_made_up.format(end=end)  # "late" beside "on time" says why
    return (words.ended_on_time if done else words.ends_on_time).format(end=end)


def speaker_text(segment: TimedSegment, speakers_only: bool = False) -> str:
    """Names only: the desk needs who is on, not their titles."""
    return ", ".join(dict.fromkeys(role.person.name for role in segment.people
                                   if not speakers_only or role.role == "speaker"))


def now_text(day: DayState, language: str) -> str:
    """What runs (and its time left or over), what comes next, the day in words; before the start, the plan."""
    day = on_the_forums_clock(day)
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
        if day.window_left_seconds is not None and day.window_left_seconds != day.remaining_seconds:
            head += f" · {words.window_left.format(n=mmss(day.window_left_seconds))}"
    lines.append(head)
    if day.state is State.BEFORE:  # the plan, as it stands, before anything has happened
        labels = labels_for(language)
        lines += [f"  {labels.time_range(s.start, s.end)} {title_of(s, language)}" for s in day.segments
                  if s.status in (Status.UPCOMING, Status.DONE) and s.end is not None]
    if day.next is not None:
        lines.append(next_text(day, language))
    elif day.state is not State.AFTER:
        lines.append(words.next_none)
    lines.append(day_line(day, language))
    return "\n".join(lines) + "\n"


def next_text(day: DayState, language: str) -> str:
    """"next: Break at 11:05 (planned 11:00)": a segment that moves says so."""
    day = on_the_forums_clock(day)
    words = day_words(language)
    following = day.next
    if following is None:
        return words.next_none
    text = words.next.format(title=part_label(following, language), start=hm(following.start))
    planned = following.planned_start
    if planned is not None and hm(planned) != hm(following.start):
        text += " " + words.planned_at.format(start=hm(planned))
    return text


def mark_text(plan: Plan, mark: Mark, withdrawn: Mark | None = None) -> str:
    """What a mark did, for the line `agenda mark` prints and the message `agenda run` shows."""
    words = day_words(plan.language)
    if withdrawn is not None:
        what = " ".join(p for p in (words.mark_kinds[withdrawn.kind.value], _mark_title(plan, withdrawn),
                                    hm(plan.local(withdrawn.at))) if p)
        return words.mark_done["undo"].format(what=what)
    if mark.segment is None and mark.room is not None:  # one room's track, not the day: the block may go on
        return words.track_over.format(room=plan.rooms[mark.room].name, at=hm(plan.local(mark.at)))
    if mark.segment is None:
        over = _day_over_text(plan, mark)
        return over or words.mark_done["last"].format(title="", at=hm(plan.local(mark.at))).strip()
    return words.mark_done[mark.kind.value].format(title=_mark_title(plan, mark), at=hm(plan.local(mark.at)))


def _day_over_text(plan: Plan, mark: Mark) -> str | None:
    """On a forum of several days, a `next` that ended a day's last part: the day is over, when the next starts."""
    if not plan.has_days:
        return None
    day = window_for(plan, mark.at)
    following = day_after(plan, day)
    if following is None:
        return None
    labels = labels_for(plan.language)
    starts = plan.local(following.start)
    return day_words(plan.language).day_over.format(
        day=labels.day_name(day.number), at=hm(plan.local(mark.at)), next=labels.day_name(following.number),
        date=labels.long_date(starts.date()), start=hm(starts))


def _mark_title(plan: Plan, mark: Mark) -> str:
    """The title of what a mark names: its part (a speaker's turn with who speaks), or a whole segment."""
    if mark.segment is None:
        return ""
    part = part_of(plan, mark)
    if part is None:
        return mark.segment
    if mark.item is None and len(parts_of(plan).of(mark.segment)) > 1:
        return title_of(part.parent, plan.language)
    state = SegmentState(part.timed, Status.UPCOMING, None, None, None, None, parent=part.parent, item=part.item)
    return part_label(state, plan.language)


def window_text(plan: Plan) -> dict[str, str]:
    """The forum's date and window as a sentence names them: {date: 2023년 12월 13일(수), window: 14:00~16:00 ...}."""
    labels = labels_for(plan.language)
    start, end = plan.local(plan.window_start), plan.local(plan.window_end)
    return {"date": labels.long_date(start.date()),
            "window": f"{labels.time_range(start, end)} ({plan.zone.key})"}
