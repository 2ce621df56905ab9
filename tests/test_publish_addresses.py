"""Which hrefs a CalDAV answer may lead `agenda publish` to: only those inside the collection given to --to."""

import pytest

from agenda.publish.addresses import Collection

COLLECTION = Collection.at("http://cal.example.org/user/forums/")


@pytest.mark.parametrize("href, url", [
    ("/user/forums/a.ics", "http://cal.example.org/user/forums/a.ics"),
    ("a.ics", "http://cal.example.org/user/forums/a.ics"),
    ("http://cal.example.org/user/forums/a.ics", "http://cal.example.org/user/forums/a.ics"),
    ("  /user/forums/a.ics\n", "http://cal.example.org/user/forums/a.ics"),
    ("/user/forums/sub/../a.ics", "http://cal.example.org/user/forums/a.ics"),
    ("/user/forums/a%20b.ics", "http://cal.example.org/user/forums/a%20b.ics"),
])
def test_an_href_inside_the_collection_is_followed_at_its_resolved_url(href, url):
    assert COLLECTION.inside(href) == url


@pytest.mark.parametrize("href", [
    "HTTP://Cal.Example.ORG:80/user/forums/a.ics",
    "http://CAL.example.org/user/forums/a.ics",
])
def test_default_ports_and_the_case_of_the_host_are_the_same_origin(href):
    assert COLLECTION.inside(href) is not None
    assert Collection.at("https://cal.example.org/user/forums/").inside(
        "https://CAL.example.org:443/user/forums/a.ics") is not None


@pytest.mark.parametrize("href", [
    "http://localhost:18141/user/forums/a.ics",  # another host (the reproducer of issue 20)
    "http://cal.example.org:8080/user/forums/a.ics",  # another port
    "https://cal.example.org/user/forums/a.ics",  # another scheme
    "//evil.example/user/forums/a.ics",  # scheme-relative: another host
    "ftp://cal.example.org/user/forums/a.ics",
    "/other-user/calendar/a.ics",  # a path outside
    "/user/forums-evil/a.ics",  # a sibling that shares the prefix but not the slash
    "/user/forums/", "/user/forums", ".",  # the collection itself is not an object in it
    "/user/forums/../../other-user/calendar/a.ics",  # resolved: outside
    "../other/a.ics",
    "/user/forums/%2e%2e/%2E%2E/other-user/calendar/a.ics",  # requests un-escapes %2E: `..` on the wire
    "/user/forums/..%2f..%2fother-user/a.ics",  # a server that decodes %2F walks out
    "/user/forums/.%2e/a.ics",
    "/user/forums/..\\..\\other-user\\a.ics",  # a server that takes \ for /
    "/user/forums/a%5c..%5cb.ics",
    "/user/forums/a.ics%00.txt",  # a NUL that a server may cut at
    "/user/forums/a\r\nX-Injected: 1",
    "http://user@cal.example.org/user/forums/a.ics",  # a login in the address
    "/user/forums/a.ics?delete=all",
    "/user/forums/a.ics#x",
    "/user/forums/%ff.ics",  # not UTF-8 once decoded
    "http://cal.example.org:99999/user/forums/a.ics",
    "http://[::1/user/forums/a.ics",
    "",
])
def test_an_href_outside_the_collection_is_never_followed(href):
    assert COLLECTION.inside(href) is None


def test_a_login_in_the_collection_url_stays_out_of_the_addresses_followed():
    collection = Collection.at("http://ann@cal.example.org/user/forums")
    assert collection.inside("a.ics") == "http://cal.example.org/user/forums/a.ics"


def test_a_collection_whose_path_is_escaped_matches_its_members_escaped_or_not():
    collection = Collection.at("http://cal.example.org/user/my%20forums/")
    assert collection.inside("/user/my%20forums/a.ics") is not None
    assert collection.inside("/user/my forums/a.ics") is not None
    assert collection.inside("/user/my%20forums-x/a.ics") is None
