"""How the checks name a track: its title, else its room's name."""

from agenda.core.planner import Plan, Track


def track_name(plan: Plan, track: Track) -> str:
    room = plan.rooms.get(track.room)
    return track.title or (room.name if room is not None else track.room)
