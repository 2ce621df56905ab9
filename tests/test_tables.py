"""One table per concept: the kinds and the export formats are each listed once, and the rest follows."""

import json

from agenda.i18n import labels_for
from agenda.kinds import KINDS
from agenda.model import Kind
from helpers import run


def test_the_model_the_schema_and_the_labels_all_come_from_kinds():
    assert [kind.value for kind in Kind] == list(KINDS)
    schema = json.loads(run("schema").stdout)
    assert schema["$defs"]["Kind"]["enum"] == list(KINDS)
    for name, row in KINDS.items():
        assert labels_for("ko").kind(name) == row.ko
        assert labels_for("en").kind(name) == row.en
