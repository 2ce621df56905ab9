"""The MC's script (사회자 시나리오): what the MC and the 좌장 say at each segment and item, in order, with times.

Who holds the floor follows the file: a segment that names a moderator,
or a presentation, keynote, panel or Q&A under the forum's 좌장, is the
좌장's; the MC holds everything else. Where the floor changes hands the MC
hands over (after 장내 정리, when the segment's title or a `transition` asks
for it) and takes it back, and the MC closes the forum (폐회) whether or not
the file has a `closing` segment. Breaks and a parallel block are always
the MC's, and the MC opens each 부 and hands it to its 좌장. In a file of
several days each day but the last is closed as a day (see you tomorrow, and
where), and a later day opens with a morning welcome; a break after a day's
last part restarts nothing. 내빈 소개 reads `forum.guests` in the file's
order (after 국민의례, or where an item names it), never ranked by the tool.
A segment's or item's `script:` replaces its words; the hand-over around it
stays, since it follows who holds the floor. Words are the catalogue's
(agenda.messages.paper_words); the renderers (Markdown in
agenda.render.script_markdown, HTML and PDF in agenda.export.script_page)
differ only in markup.
"""

import re
from datetime import datetime

from agenda.checks.ceremony_order import is_ceremony
from agenda.core.model import Person
from agenda.core.planner import Day, Plan, Role, Section, TimedItem, TimedSegment, Track
from agenda.messages.ko import josa_only
from agenda.messages.labels import labels_for
from agenda.messages.paper_words import script_words
from agenda.render.people import person_text
from agenda.render.programme_rows import forum_when, when
from agenda.render.spoken import event_word, spoken, spoken_title, spoken_topic
from agenda.render.script_lines import (
    HANGUL, Block, Line, Piece, Script, Speaker, greets, kind_words, last_part, pieces, said_date, same_role,
    short_date, title_phrase, topic_of)

__all__ = ["Block", "Line", "Piece", "Script", "Speaker", "mc_script", "pieces"]

_CHAIRED = ("presentation", "keynote", "panel", "qa")
_MC_KINDS = ("registration", "opening", "closing")
_GUESTS_ITEM = re.compile(r"내빈\s*소개|guests?", re.IGNORECASE)
_MC_ALWAYS = ("break", "parallel")  # breaks and a block of rooms are the MC's to announce, never a 좌장's
_PART = re.compile(r"^\s*(제\s*\d+\s*부)\s*[:.·]?\s*(.*)$")
_SETTLE = re.compile(r"장내\s*정리|set(?:ting)?\s+the\s+stage", re.IGNORECASE)


class _Writer:
    """Walks the plan once, keeping who holds the floor and what has been announced."""

    def __init__(self, plan: Plan, language: str) -> None:
        self.plan, self.words, self.labels = plan, script_words(language), labels_for(language)
        self.ko = language == "ko"
        self.floor: Role | None = None  # the 좌장 holding the floor; None: the MC
        self.announced = 0  # announcements since the floor last changed hands
        self.guests_said = not plan.guests
        self.mc = next((role for role in plan.hosts if role.role == "mc"), None) or next(
            (role for seg in plan.segments for role in seg.people if role.role == "mc"), None)
        self.blocks: list[Block] = []
        self.settled = False  # 장내 정리 said in this segment already
        self.part: Section | None = None  # the 부 being held
        self.introduced: set[object] = set()  # 좌장 already handed the floor once: named short the next time
        self.part_opened = False  # the MC has just opened a 부: nothing said under it yet
        self.on: Day | None = None  # the day being written
        self.day_over = False  # the day's last part is said: a break after it restarts nothing

    # people, as said aloud: glosses dropped (한국사회여론연구소(KSOI) → 한국사회여론연구소), the 호칭 when given
    def full(self, person: Person) -> str:
        """At first mention: 디지털미디어네트워크 대표 이상은 님, 정책위원회 의장 이개호 의원님 / Lee Sangeun, Director at Lab."""
        if self.ko:  # 호칭 차관 on 직함 차관: 행정안전부 이민호 차관님, the title not said twice
            said = self.own(person, without_title=person.honorific is not None and person.honorific == person.title)
            return f"{said} {person.honorific}님" if person.honorific else f"{said} 님"
        return self.own(person)

    def own(self, person: Person, without_title: bool = False) -> str:
        """How one introduces oneself: no 님 (nor 호칭) for oneself.

        In English a Korean title or affiliation is kept as written, in its own order, in brackets:
        "이민호 (행정안전부 차관)" reads; "이민호, 차관 at 행정안전부" pastes Korean into an English sentence.
        """
        affiliation, title = (spoken(p) if p else "" for p in (person.affiliation, person.title))
        title = "" if without_title else title
        name = self.addressed(person)
        if not self.ko and HANGUL.search(f"{affiliation}{title}"):
            return f"{name} ({' '.join(p for p in (affiliation, title) if p)})"
        if title and affiliation:
            return self.words.person.format(name=name, title=title, affiliation=affiliation)
        return (" " if self.ko else ", ").join(p for p in ((affiliation, title, name) if self.ko else
                                                         (name, title, affiliation)) if p)

    def addressed(self, person: Person) -> str:
        """English puts the honorific before the name: Senator Kim; a Korean 호칭 (차관) is said only in Korean."""
        if person.honorific and not self.ko and not HANGUL.search(person.honorific):
            return f"{person.honorific} {person.name}"
        return person.name

    def short(self, person: Person) -> str:
        """Thanking someone already introduced: 이상은 대표님, 이개호 의원님 (the 호칭 over the title's last word)."""
        if self.ko:  # 정책위원회 의장 → 이개호 의장님; with 호칭 의원 → 이개호 의원님 (의장님 alone is the Speaker)
            word = person.honorific or (person.title.split()[-1] if person.title else "")
            return f"{person.name} {word}님" if word else f"{person.name} 님"
        return self.addressed(person)

    def topic(self, text: str) -> str:
        """A topic said in quotes: in Korean a noun phrase before 을/를 주제로 (no closing ?); English keeps it."""
        if not text:
            return ""
        return spoken_topic(text) if self.ko else spoken(text)

    def particle(self, word: str, with_final: str, without_final: str) -> str:
        if not self.ko:
            return word
        return word + josa_only(word.rstrip("?!.… "), with_final, without_final)

    def minutes(self, n: int | None) -> str:
        if n is None:
            return ""
        return f"{n}분" if self.ko else f"{n} minute{'s' if n != 1 else ''}"

    def clock(self, moment: datetime | None) -> str:
        if moment is None:
            return ""
        hour, minute = moment.hour, moment.minute
        if self.ko:
            half = "오전" if hour < 12 else "오후"
            return f"{half} {hour % 12 or 12}시" + (f" {minute}분" if minute else "")
        return f"{hour % 12 or 12}:{minute:02d} {'am' if hour < 12 else 'pm'}"

    def opening(self) -> str:
        self.announced += 1
        return self.words.first if self.announced == 1 else self.words.next

    def greeting(self, moment: datetime | None) -> str:
        hour = moment.hour if moment is not None else 14
        return self.words.greetings[0 if hour < 12 else 1 if hour < 18 else 2]

    def is_holder(self, person: Person) -> bool:
        """Whether `person` holds the floor now: the MC (or 좌장) does not announce their own speech."""
        holder = self.floor or self.mc
        return holder is not None and (holder.person == person or holder.person.name == person.name)

    def say(self, speaker: Speaker | None, template: str, when_: str = "", **values: str) -> Line:
        common = {"greeting": self.greeting(self.plan.local(self.plan.window_start)), "opening": "", "title": "",
                  "title_subject": "", "title_object": "", "title_lower": "", "title_phrase": "", "person": "",
                  "short": "", "me": "", "topic": "", "topic_object": "", "minutes": "", "clock": "", "count": "",
                  "each": "", "place": "", "theme": "", "event_object": "", "label": "", "part": "",
                  "part_object": "", "day": "", "next_day": "", "when": "", "tracks": "", "chairs": "",
                  "track": "", "room": "", "farewell": ""}
        return Line(speaker, pieces(template, **(common | values)), when_)

    # the floor
    def holder(self, seg: TimedSegment) -> Role | None:
        """The 좌장 who holds this segment, or None for the MC (also when the MC chairs it: no hand-over to oneself)."""
        chair = self.chair(seg)
        if chair is not None and self.mc is not None and same_role(chair, self.mc):
            return None
        return chair

    def chair(self, seg: TimedSegment) -> Role | None:
        own = next((role for role in seg.people if role.role == "moderator"), None)
        if own is not None:
            return own
        if any(role.role == "mc" for role in seg.people) or seg.kind in _MC_KINDS or seg.kind in _MC_ALWAYS:
            return None
        forum_chair = next((role for role in self.plan.hosts if role.role == "moderator"), None)
        if seg.kind in _CHAIRED:
            return forum_chair
        return self.floor  # remarks, breaks, transitions: whoever has the floor keeps it

    def speaker(self) -> Speaker:
        return "chair" if self.floor is not None else "mc"

    def hand_back(self, lines: list[Line], final: bool = True) -> None:
        """The 좌장 gives the floor back: for the day's end (발제와 토론을 모두 마치겠습니다), or a 부's end
        before a break or the next 부, when more follows the same day."""
        if self.floor is None:
            return
        chair = self.floor.person
        if final:
            lines.append(self.say("chair", self.words.hand_back))
        elif self.part is not None:
            lines.append(self.say("chair", self.words.hand_back_part, part=self.part_name(self.part)[0]))
        else:
            lines.append(self.say("chair", self.words.hand_back_short))
        lines.append(self.say("mc", self.words.take_back, short=self.short(chair)))
        self.floor, self.announced = None, 0

    def hand_over(self, seg: TimedSegment | None, chair: Role, lines: list[Line]) -> None:
        if self.floor is not None and same_role(self.floor, chair):
            return
        self.hand_back(lines, final=False)
        if seg is not None and (_SETTLE.search(seg.title or "") or seg.kind == "transition"):
            lines.append(self.say("mc", self.words.settle_room))
            self.settled = True
        key = chair.ref or chair.person.name
        if key in self.introduced and self.part is not None:
            lines.append(self.say("mc", self.words.hand_over_again, short=self.short(chair.person),
                                  part=self.part_name(self.part)[0]))
        elif self.part_opened and self.part is not None:
            lines.append(self.say("mc", self.words.hand_over_part, person=self.full(chair.person),
                                  part=self.part_name(self.part)[0]))
        else:
            lines.append(self.say("mc", self.words.hand_over, person=self.full(chair.person)))
        self.introduced.add(key)
        self.floor, self.announced = chair, 0

    def part_name(self, section: Section) -> tuple[str, str]:
        """A 부 as said: (제2부, 제2부 ‘지역 디지털 생태계의 미래’를); a heading of other words in quotes."""
        match = _PART.match(section.title) if self.ko else None
        if match is not None:
            number, rest = match.group(1).replace(" ", ""), spoken(match.group(2).strip())
            if not rest:
                return number, self.particle(number, "을", "를")
            return number, f"{number} ‘{rest}’{josa_only(rest, '을', '를')}"
        title = spoken(section.title)
        quoted = f"‘{title}’" if self.ko else f"“{title}”"
        return quoted, quoted + (josa_only(title.rstrip("?!.… "), "을", "를") if self.ko else "")

    # the segments
    def write(self) -> None:
        """The programme in order; each day's last part closes the day (the last day's, the event), and a
        later day opens with a morning welcome."""
        last_parts = {id(part) for part in (last_part(day) for day in self.plan.days) if part is not None}
        for entry in self.plan.program:
            if isinstance(entry, Section):
                self.heading(entry)
                continue
            if self.on is None or self.plan.day_of(entry).number != self.on.number:
                self.on, self.day_over = self.plan.day_of(entry), False
            self.segment(entry)
            if id(entry) in last_parts:
                if entry.kind != "closing":
                    self.close(entry)
                self.day_over = True

    def heading(self, section: Section) -> None:
        """A day (its date and hours, and after the first a morning welcome) or a 부, opened by the MC."""
        if section.window is not None:
            day = section.window
            start, end = self.plan.local(day.start), self.plan.local(day.end)
            title = " · ".join((section.title or self.labels.day_name(day.number),
                                f"{short_date(self.labels.long_date(day.date), self.ko)} "
                                f"{when(self.plan, self.labels, start, end, day)}"))
            block = Block("", title, heading=True)
            self.blocks.append(block)
            self.on, self.day_over, self.part = day, False, None
            if day.number > 1:
                block.lines.append(self.say("mc", self.words.day_opening, greeting=self.greeting(start),
                                            day=self.day_said(day)))
                self.announced = 0
            return
        block = Block("", section.title, heading=True)
        self.blocks.append(block)
        self.hand_back(block.lines, final=False)
        self.part, self.part_opened = section, True
        block.lines.append(self.say("mc", self.words.section, part_object=self.part_name(section)[1],
                                    part=self.part_name(section)[0]))
        self.announced = 0
        chair = next((role for role in section.people if role.role == "moderator"), None)
        if chair is not None and not (self.mc is not None and same_role(chair, self.mc)):
            self.hand_over(None, chair, block.lines)

    def day_said(self, day: Day) -> str:
        """A day as the MC says it: the Korean heading's own words (둘째 날), else its ordinal."""
        heading = self.plan.document.program[day.heading] if day.heading is not None else None
        if self.ko and heading is not None and heading.title:
            return spoken(heading.title)
        ordinals = self.words.day_ordinals
        name = ordinals[day.number - 1] if day.number <= len(ordinals) else self.labels.day_name(day.number)
        return f"{name} 날" if self.ko else name

    def segment(self, seg: TimedSegment) -> None:
        title = self.labels.title(seg.title, seg.kind)
        start, end = self.plan.local(seg.start), self.plan.local(seg.end)
        block = Block(when(self.plan, self.labels, start, end, self.on), title)
        self.blocks.append(block)
        if seg.cancelled:
            block.lines.append(Line(None, (Piece(self.words.cancelled.strip("[]"), cue=True),)))
            return
        self.settled = False
        chair = self.holder(seg)
        if chair is None:
            self.hand_back(block.lines, final=seg.kind == "closing")
        else:
            self.hand_over(seg, chair, block.lines)
        self.part_opened = False
        if seg.kind == "closing":
            self.closing_items(seg, block)
            return
        if seg.segment.script:
            block.lines += self.own_script(seg.segment.script)
            return
        block.lines += self.segment_lines(seg, title)

    def own_script(self, text: str) -> list[Line]:
        return [Line(self.speaker(), (Piece(line.strip()),)) for line in text.splitlines() if line.strip()]

    def segment_lines(self, seg: TimedSegment, title: str) -> list[Line]:
        words, who = self.words, self.speaker()
        kind = seg.kind
        if kind == "registration":
            event = event_word(spoken_title(self.plan.forum))
            return [self.say(who, words.doors, event_object=self.particle(event, "을", "를"))]
        if kind == "opening":
            return self.opening_lines(seg)
        if kind == "transition":  # said once: the hand-over before it may have said it already
            return [] if self.settled else [self.say(who, words.settle_room)]
        if kind in ("presentation", "keynote"):
            return self.presentations(seg, title)
        if kind == "panel":
            return self.panel(seg, title)
        if kind == "qa":
            return [self.say(who, words.qa, title_object=self.particle(title, "을", "를"), title=title,
                             title_phrase=title_phrase(title, seg.kind, self.labels, self.words))]
        if kind == "break" and self.day_over:  # after the day's last part nothing restarts
            return [self.say(who, words.break_last, title=title, title_subject=self.particle(title, "이", "가"),
                             title_phrase=title_phrase(title, seg.kind, self.labels, self.words))]
        if kind == "break":
            return [self.say(who, words.break_, minutes=self.minutes(seg.minutes),
                             clock=self.clock(self.plan.local(seg.end)))]
        if kind == "parallel" and seg.tracks:
            return self.parallel(seg, title)
        speakers = [role for role in seg.people if role.role == "speaker"]
        lines: list[Line] = []
        if speakers and not seg.items:
            for role in speakers:
                lines += self.speech(role.person, title)
        elif kind == "remarks" and self.floor is not None and greets(seg, self.floor):
            lines.append(self.say("chair", words.chair_greeting, me=self.own(self.floor.person)))
        elif not seg.items:
            lines.append(self.say(who, words.order_of, opening=self.opening(), title=title))
        lines += self.items(seg)
        return lines

    def opening_lines(self, seg: TimedSegment) -> list[Line]:
        words, forum = self.words, self.plan.forum
        mc = next((role for role in seg.people if role.role == "mc"), None) or self.mc
        greeting = self.greeting(self.plan.local(seg.start))
        lines = [self.say("mc", words.welcome, me=self.own(mc.person), greeting=greeting) if mc else
                 self.say("mc", words.welcome_nameless, greeting=greeting),
                 self.say("mc", words.declaration, title=spoken_title(forum),
                          title_object=self.particle(spoken_title(forum), "을", "를"))]
        if forum.theme:
            lines.append(self.say("mc", words.theme, theme=forum.theme))
        lines.append(self.say("mc", words.thanks_for_coming))
        ceremony = any(is_ceremony(item.item.title) for item in seg.items)
        named = any(_GUESTS_ITEM.search(item.item.title) for item in seg.items)
        if not ceremony and not named:
            lines += self.guests()
        return lines + self.items(seg)

    def guests(self) -> list[Line]:
        if self.guests_said:
            return []
        self.guests_said = True
        lines = [self.say("mc", self.words.guests_intro, opening=self.opening())]
        lines += [self.say("mc", self.words.guest, person=self.full(role.person)) for role in self.plan.guests]
        return lines + [self.say("mc", self.words.guests_end)]

    def items(self, seg: TimedSegment) -> list[Line]:
        lines: list[Line] = []
        for item in seg.items:
            lines += self.item(seg, item)
        return lines

    def item(self, seg: TimedSegment, item: TimedItem) -> list[Line]:
        at = self.item_when(item)
        who = self.speaker()
        if item.item.script:
            return [Line(who, (Piece(line.strip()),), at if n == 0 else "")
                    for n, line in enumerate(item.item.script.splitlines()) if line.strip()]
        title = item.item.title
        if is_ceremony(title):
            opening = self.opening()
            lines = [self.say(who, text, at if n == 0 else "", opening=opening)
                     for n, text in enumerate(self.words.ceremony)]
            return lines + self.guests()
        if _GUESTS_ITEM.search(title) and not item.people:
            lines = self.guests()
            return [Line(line.speaker, line.pieces, at if n == 0 else "") for n, line in enumerate(lines)]
        if not item.people:
            return [self.say(who, self.words.order_of, at, opening=self.opening(), title=title)]
        lines = []
        for role in item.people:
            lines += self.speech(role.person, title, at if not lines else "")
        return lines

    def item_when(self, item: TimedItem) -> str:
        if item.start is None:
            return ""
        return when(self.plan, self.labels, self.plan.local(item.start), self.plan.local(item.end), self.on)

    def speech(self, person: Person, title: str, at: str = "") -> list[Line]:
        words, who = self.words, self.speaker()
        if self.is_holder(person):  # the MC's own 인사말: no announcing oneself
            self.opening()
            return [self.say(None, words.speech_cue, at, title=title)]
        return [self.say(who, words.speech, at, opening=self.opening(), person=self.full(person),
                         title_subject=self.particle(title, "이", "가"), title_lower=title.lower()),
                self.say(None, words.speech_cue, title=title),
                self.say(who, words.thanks_person, short=self.short(person))]

    def presentations(self, seg: TimedSegment, title: str) -> list[Line]:
        words, who = self.words, self.speaker()
        topic = topic_of(title, seg.kind, self.labels)
        turns: list[tuple[Person, str, int | None, str]] = [
            (role.person, item.item.title, item.minutes, self.item_when(item))
            for item in seg.items for role in item.people]
        if not turns:
            speakers = [role.person for role in seg.people if role.role == "speaker"]
            share = seg.minutes // len(speakers) if seg.minutes and speakers else None
            turns = [(person, topic, share, "") for person in speakers]
        if not turns:
            return [self.say(who, words.order_of, opening=self.opening(), title=title)]
        lines: list[Line] = []
        for person, about, minutes, at in turns:
            if seg.kind == "keynote":
                lines += self.speech(person, self.labels.kind("keynote"), at)
                continue
            template = words.presentation_topic if about else words.presentation
            topic = self.topic(about)
            lines.append(self.say(who, template, at, opening=self.opening(), person=self.full(person), topic=topic,
                                  topic_object=self.particle(topic, "을", "를")[len(topic):]))
            lines.append(self.cue(words.presentation_cue, "presentation", minutes))
            lines.append(self.say(who, words.thanks_person, short=self.short(person)))
        return lines

    def panel(self, seg: TimedSegment, title: str) -> list[Line]:
        words, who = self.words, self.speaker()
        turns: list[tuple[Person, str, int | None, str]] = [
            (role.person, item.item.title, item.minutes, self.item_when(item))
            for item in seg.items for role in item.people]
        if not turns:
            each = seg.segment.each
            turns = [(role.person, "", each, "") for role in seg.people if role.role == "speaker"]
        if not turns:
            return [self.say(who, words.order_of, opening=self.opening(), title=title)]
        count = words.numbers[len(turns) - 1] if len(turns) <= len(words.numbers) else str(len(turns))
        each = seg.segment.each
        intro = words.panel_intro_each if each else words.panel_intro
        lines = [self.say(who, intro, title=self.panel_name(title), count=count, each=self.minutes(each))]
        self.announced += 1
        for n, (person, about, minutes, at) in enumerate(turns):
            place = words.turns[0] if n == 0 else words.turns[2] if n == len(turns) - 1 else words.turns[1]
            template = words.panel_turn_topic if about else words.panel_turn
            topic = self.topic(about)
            lines.append(self.say(who, template, at, place=place, person=self.full(person), topic=topic,
                                  topic_object=self.particle(topic, "을", "를")[len(topic):]))
            lines.append(self.cue(words.panel_cue, "panel", minutes))
            lines.append(self.say(who, words.thanks_person, short=self.short(person)))
        return lines

    def cue(self, template: str, kind: str, minutes: int | None) -> Line:
        """[토론 15분]; a turn with no minutes of its own (a panel's `duration` without `each`): [토론]."""
        if minutes is None:
            return self.say(None, self.words.bare_cues[kind])
        return self.say(None, template, minutes=self.minutes(minutes))

    def parallel(self, seg: TimedSegment, title: str) -> list[Line]:
        """Which track is in which room, and who chairs each: the MC stands in neither room for the
        whole block, so the script names both and each track's 좌장 runs their own room."""
        words = self.words
        named = [(self.track_label(track, n), self.room_name(track.room), track.moderator)
                 for n, track in enumerate(seg.tracks, start=1)]
        last = len(named) - 1
        rooms = words.track_join.join(
            words.track_room.format(track=self.track_subject(label) if self.ko else label[1],
                                    room=room) + ("" if n == last or not self.ko else "")
            for n, (label, room, _) in enumerate(named))
        lines = [self.say("mc", words.parallel, opening=self.opening(), title=title, tracks=rooms)]
        chairs = [words.track_chair.format(track=label[0], person=self.short(chair.person) if self.ko
                                           else self.full(chair.person))
                  for label, _, chair in named if chair is not None]
        if chairs:
            lines.append(self.say("mc", words.track_chairs, chairs=", ".join(chairs)))
        return lines

    def track_label(self, track: Track, number: int) -> tuple[str, str]:
        """(분과 1, 분과 1 ‘디지털 행정’): a track's short name and its name said in full."""
        title = spoken(track.title) if track.title else ""
        head, colon, rest = title.partition(":")
        if colon and rest.strip():
            quoted = f"‘{rest.strip()}’" if self.ko else f"“{rest.strip()}”"
            return head.strip(), f"{head.strip()} {quoted}"
        if title:
            return title, (f"‘{title}’" if self.ko else f"“{title}”")
        fallback = f"분과 {number}" if self.ko else f"Track {number}"
        return fallback, fallback

    def track_subject(self, label: tuple[str, str]) -> str:
        said = label[1]
        return said + josa_only(said.rstrip("’”"), "은", "는")

    def room_name(self, key: str) -> str:
        room = self.plan.rooms.get(key)
        return room.name if room is not None else key

    def panel_name(self, title: str) -> str:
        """`지정토론` → 지정토론입니다; `토론: X` → ‘X’ 토론입니다 / our panel, “X.”: nobody reads a label's colon."""
        words, label = self.words, self.labels.kind("panel")
        head, colon, rest = title.partition(":")
        if colon and rest.strip() and head.strip() in kind_words("panel", self.labels):
            return words.panel_named.format(topic=self.topic(rest.strip()), label=head.strip())
        if title == label or self.ko:
            return words.panel_bare.format(title=spoken(title))
        return words.panel_named.format(topic=self.topic(title), label=label)

    def closing_items(self, seg: TimedSegment, block: Block) -> None:
        """A 폐회사 or closing remarks first, when the segment names a speaker; the MC closes the forum."""
        if seg.segment.script:
            block.lines += self.own_script(seg.segment.script)
        else:
            for role in seg.people:
                if role.role == "speaker" and not seg.items:
                    block.lines += self.speech(role.person, self.labels.title(seg.title, seg.kind))
            block.lines += self.items(seg)
            block.lines.append(self.closing_line())

    def closing_line(self) -> Line:
        """The day's close on a day before the last (see you tomorrow, and where); the event's on the last,
        without sending anyone home when a meal still follows."""
        day = self.on or self.plan.days[-1]
        last = last_part(day)
        meal_after = last is not None and any(
            seg.kind == "break" and not seg.cancelled and seg.index > last.index for seg in day.segments)
        later = [d for d in self.plan.days if d.number > day.number and d.segments]
        if later:
            return self.day_closing(day, later[0], meal_after)
        title = spoken_title(self.plan.forum)
        template = self.words.closing_before_meal if meal_after else self.words.closing
        return self.say("mc", template, title=title, title_object=self.particle(title, "을", "를"))

    def day_closing(self, day: Day, following: Day, meal_after: bool) -> Line:
        first = following.segments[0]
        start = self.plan.local(first.start or following.start)
        place = self.room_name(first.room) if first.room is not None and not first.tracks else \
            (self.plan.forum.venue or "")
        on = self.words.tomorrow if (following.date - day.date).days == 1 else \
            said_date(following.date, self.ko, self.words.weekday_names)
        if self.ko:
            at = f"{on} {self.clock(start)}에" + (f" {spoken(place)}에서" if place else "")
        else:
            at = f"{on} at {self.clock(start)}" + (f" in {spoken(place)}" if place else "")
        next_day = self.day_said(following)
        return self.say("mc", self.words.day_closing, day=self.day_said(day), when=at,
                        farewell="" if meal_after else self.words.farewell,
                        next_day=next_day if self.ko else next_day[:1].upper() + next_day[1:])

    def close(self, last: TimedSegment) -> None:
        """Hand back and close the day (or, on the last day, the event) after its last part, when no
        `closing` segment says it."""
        end = self.plan.local(last.end)
        block = Block(when(self.plan, self.labels, end, None, self.on).rstrip("~–"), self.labels.kind("closing"))
        self.hand_back(block.lines)
        block.lines.append(self.closing_line())
        self.blocks.append(block)


def mc_script(plan: Plan, language: str | None = None) -> Script:
    language = language or plan.language
    writer = _Writer(plan, language)
    writer.write()
    labels = writer.labels
    details = [(labels.date_label, forum_when(plan, labels))]
    if plan.forum.venue:
        details.append((labels.venue, plan.forum.venue))
    details += [(writer.words.mc if role.role == "mc" else writer.words.chair, person_text(role.person, labels))
                for role in plan.hosts]
    return Script(writer.words, plan.forum.title, tuple(details), tuple(writer.blocks))
