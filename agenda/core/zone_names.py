"""What people write for a time zone, and the IANA city zone they mean.

`KST`, `JST` and `UTC+9` are not zone names at all, and a spelling
suggestion would point at the wrong zone (`KST` looks like `MST`). `EST`,
`CET` and `US/Eastern` are zone names, but fixed offsets or old aliases: a
forum in `EST` in July is an hour off New York's clocks. Both map to the
city zone usually meant.
"""

import re

ABBREVIATIONS = {
    "KST": "Asia/Seoul", "JST": "Asia/Tokyo", "CST": "America/Chicago", "CDT": "America/Chicago",
    "EDT": "America/New_York", "PST": "America/Los_Angeles", "PDT": "America/Los_Angeles",
    "MDT": "America/Denver", "AKST": "America/Anchorage", "BST": "Europe/London",
    "CEST": "Europe/Berlin", "EEST": "Europe/Athens", "WEST": "Europe/Lisbon", "IST": "Asia/Kolkata",
    "SGT": "Asia/Singapore", "HKT": "Asia/Hong_Kong", "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney", "NZST": "Pacific/Auckland", "ICT": "Asia/Bangkok", "WIB": "Asia/Jakarta",
    "PHT": "Asia/Manila", "서울": "Asia/Seoul", "한국": "Asia/Seoul", "SEOUL": "Asia/Seoul",
    "KOREA": "Asia/Seoul",
}
"""Abbreviations and words that are not IANA zone names -> the zone usually meant."""

LEGACY = {
    "EST": "America/New_York", "MST": "America/Denver", "HST": "Pacific/Honolulu",
    "EST5EDT": "America/New_York", "CST6CDT": "America/Chicago", "MST7MDT": "America/Denver",
    "PST8PDT": "America/Los_Angeles", "CET": "Europe/Berlin", "MET": "Europe/Berlin",
    "EET": "Europe/Athens", "WET": "Europe/Lisbon",
    "US/Eastern": "America/New_York", "US/Central": "America/Chicago", "US/Mountain": "America/Denver",
    "US/Pacific": "America/Los_Angeles", "US/Alaska": "America/Anchorage", "US/Hawaii": "Pacific/Honolulu",
    "US/Arizona": "America/Phoenix", "ROK": "Asia/Seoul", "Japan": "Asia/Tokyo", "PRC": "Asia/Shanghai",
    "ROC": "Asia/Taipei", "Singapore": "Asia/Singapore", "Hongkong": "Asia/Hong_Kong", "GB": "Europe/London",
    "Eire": "Europe/Dublin", "Asia/Calcutta": "Asia/Kolkata", "Asia/Saigon": "Asia/Ho_Chi_Minh",
    "Asia/Katmandu": "Asia/Kathmandu", "Europe/Kiev": "Europe/Kyiv",
}
"""IANA names that are fixed offsets or old aliases -> the city zone meant (the `legacy-zone` warning)."""

_BY_OFFSET = {
    9: "Asia/Seoul", 8: "Asia/Shanghai", 7: "Asia/Bangkok", 10: "Australia/Sydney", 0: "Europe/London",
    1: "Europe/Berlin", 2: "Europe/Athens", 3: "Europe/Moscow", 4: "Asia/Dubai", -5: "America/New_York",
    -6: "America/Chicago", -7: "America/Denver", -8: "America/Los_Angeles", -10: "Pacific/Honolulu",
}
_OFFSET = r"^(?:UTC|GMT)?\s*([+-])\s*0?(\d{1,2})(?::?00)?$"
"""Read only for a zone that is not one (`re` compiles it then, once): `validate` imports this module
for the legacy-zone check of every file."""


def meant_zone(text: str) -> str | None:
    """The IANA zone usually meant by something that is not a zone name (`KST`, `UTC+9`), if any."""
    cleaned = text.strip()
    if cleaned.upper() in ABBREVIATIONS:
        return ABBREVIATIONS[cleaned.upper()]
    if cleaned in ABBREVIATIONS:
        return ABBREVIATIONS[cleaned]
    offset = re.match(_OFFSET, cleaned, re.IGNORECASE)
    if offset:
        hours = int(offset.group(2)) * (-1 if offset.group(1) == "-" else 1)
        return _BY_OFFSET.get(hours)
    return None


def city_zone(name: str) -> str | None:
    """The city zone a legacy zone name stands for; None when the name is a city zone (or UTC) already."""
    return LEGACY.get(name)
