"""The floor for `agenda import` + `agenda export -o .xml` of a schedule: the same data, by hand.

    python floor_schedule.py import SCHEDULE.json OUT.json   # json.load, and the data written back
    python floor_schedule.py export SCHEDULE.json OUT.xml    # json.load, and schedule.xml built with lxml

Two processes, as agenda's two commands are: what neither can do faster is
start Python, read the JSON and write the result; everything agenda adds
(days, rooms, parallel blocks, validation, the plan, guids) is the ratio.
"""

import json
import sys

from lxml import etree


def export(data: dict, target: str) -> None:
    conference = data["schedule"]["conference"]
    root = etree.Element("schedule")
    etree.SubElement(root, "version").text = str(data["schedule"].get("version", ""))
    head = etree.SubElement(root, "conference")
    for key in ("title", "acronym", "start", "end", "time_zone_name"):
        etree.SubElement(head, key).text = str(conference.get(key) or "")
    for day in conference["days"]:
        day_element = etree.SubElement(root, "day", index=str(day["index"]), date=day["date"],
                                       start=day["day_start"], end=day["day_end"])
        for room, events in day["rooms"].items():
            room_element = etree.SubElement(day_element, "room", name=room)
            for event in events:
                element = etree.SubElement(room_element, "event", id=str(event["id"]), guid=event["guid"])
                for key in ("room", "title", "subtitle", "type", "date", "start", "duration", "abstract", "slug",
                            "track", "language", "description"):
                    etree.SubElement(element, key).text = str(event.get(key) or "")
                persons = etree.SubElement(element, "persons")
                for person in event.get("persons") or []:
                    etree.SubElement(persons, "person").text = person.get("name") or person.get("public_name")
    with open(target, "wb") as out:
        out.write(etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True))


def main() -> None:
    mode, source, target = sys.argv[1:4]
    with open(source, encoding="utf-8") as handle:
        data = json.load(handle)
    if mode == "import":
        with open(target, "w", encoding="utf-8") as out:
            json.dump(data, out, ensure_ascii=False, indent=2)
    else:
        export(data, target)


if __name__ == "__main__":
    main()
