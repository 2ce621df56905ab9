"""Segment ids must be unique: calendar UIDs are built from them."""

from collections.abc import Iterator

from agenda.checks import Problem
from agenda.core.findings import Location, Path, Severity
from agenda.core.planner import Plan, Track

CODE = "duplicate-id"
SEVERITY = Severity.ERROR


def check(plan: Plan) -> Iterator[Problem]:
    first: dict[str, Path] = {}
    for seg in plan.all_segments:
        if seg.id in first:
            path = seg.path + ("id",) if seg.segment.id else seg.path
            yield Location(path), {"id": seg.id, "first": first[seg.id]}
        else:
            first[seg.id] = seg.path
    for track in plan.tracks:  # a track's id is part of its moderator's calendar UIDs
        if track.id in first:
            yield Location(track.path + ("id",) if _written(track) else track.path), {"id": track.id,
                                                                                 "first": first[track.id]}
        else:
            first[track.id] = track.path


def _written(track: Track) -> bool:
    return track.block.segment.tracks[track.index].id is not None
