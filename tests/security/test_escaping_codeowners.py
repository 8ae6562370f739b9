"""CODEOWNERS is an output too: no owner or file name of a standard can add a rule to it."""

from __future__ import annotations

from gitrepo import standard
from handbook.codeowners import codeowners
from handbook.handbook import Handbook
from handbook.loader import load_one

OWNERS = {"Contact centre manager": "@org/contact-centre", "*": "@org/editors"}
HOSTILE_OWNERS = [
    "Team\n* @attacker\n#",
    "Team\r* @attacker\r#",
    "Team\u2028* @attacker\u2028#",
    "Team\r\n* @attacker\u0085#",
]


def _handbook() -> Handbook:
    loaded = []
    files = [(f"standards/owner-{i}.yml", owner) for i, owner in enumerate(HOSTILE_OWNERS)]
    files.append(("standards/new\n* @attacker\n.yml", "Contact centre manager"))
    for i, (path, owner) in enumerate(files):
        found, problems = load_one(path, standard(f"PHONE-{i:03}", "Answering", owner=owner))
        assert problems == [], problems
        loaded.append(found)
    return Handbook(loaded)


def test_no_owner_or_file_name_starts_a_rule_of_its_own():
    result = codeowners(_handbook(), OWNERS)
    rules = [line for line in result.text.split("\n") if line and not line.startswith("#")]
    assert rules == [
        "/standards/ @org/editors",
        *(f"/standards/owner-{i}.yml @org/editors" for i in range(len(HOSTILE_OWNERS))),
    ]
    # Each hostile owner is named, on one comment line, for the maintainer to see.
    comments = [line for line in result.text.split("\n") if "No team for owner" in line]
    assert len(comments) == len(HOSTILE_OWNERS)
    assert all("* @attacker" in line for line in comments)
    # The file whose name holds line breaks is left to the folder's rule, with a warning.
    assert any("cannot be listed in CODEOWNERS: rename the file" in w for w in result.warnings)
