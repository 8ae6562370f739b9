"""Field-level changes of one standard: the sentence staff read and its mark."""

from __future__ import annotations

import pytest

from handbook.changelog.fields import compare
from handbook.changelog.texts import is_minor_edit

BASE = {
    "id": "EMAIL-001",
    "title": "First reply to an email",
    "summary": "Reply to every email within one working day.",
    "area": "email-and-chat",
    "situation": "A customer email reaches the team inbox.",
    "status": "active",
    "owner": "Digital channels lead",
    "effective": "2026-01-05",
    "review_by": "2027-01-05",
    "channels": ["email"],
    "tags": ["email"],
    "rules": ["Reply within 8 working hours.", "Use the customer's name."],
    "steps": ["Read the whole email.", "Check the account.", "Write the reply."],
    "targets": [
        {
            "metric": "First reply to email",
            "comparison": "within",
            "value": 8,
            "unit": "working hours",
            "period": "weekly",
        }
    ],
    "wordings": [{"when": "Opening the reply", "say": "Thank you for your email."}],
    "escalation": [
        {"who": "Duty manager", "when": "the customer is threatened", "within": "1 hour"},
        {"who": "Head of service", "when": "a legal letter arrives", "within": "1 day"},
    ],
    "examples": [
        {"kind": "good", "scenario": "A customer asks for a refund.", "response": "x", "why": "y"}
    ],
    "illustrations": [{"file": "inbox.svg", "alt": "An inbox"}],
}


def changed(**fields):
    new = {**BASE, **fields}
    return [(c.sentence, c.affects_work) for c in compare(BASE, new)]


CASES = [
    (
        {"targets": [{**BASE["targets"][0], "value": 4}]},
        "First reply to email: target changed from within 8 working hours to within 4 working hours",
        True,
    ),
    (
        {"wordings": [{**BASE["wordings"][0], "dont_say": "Dear Sir/Madam"}]},
        "New don't-say wording for “Opening the reply”: “Dear Sir/Madam”",
        True,
    ),
    (
        {
            "escalation": [
                BASE["escalation"][0],
                {**BASE["escalation"][1], "who": "Team lead", "within": "30 minutes"},
            ]
        },
        "Escalation step 2 is now Team lead within 30 minutes (was Head of service within 1 day)",
        True,
    ),
    (
        {"rules": [*BASE["rules"], "Sign with your first name."]},
        "New rule: “Sign with your first name.”",
        True,
    ),
    ({"rules": BASE["rules"][:1]}, "Rule removed: “Use the customer's name.”", True),
    (
        {"rules": ["Reply within 4 working hours.", "Use the customer's name."]},
        "Rule is now “Reply within 4 working hours.” (was “Reply within 8 working hours.”)",
        True,
    ),
    (
        {"rules": ["Reply within 8 working hours.", "Use the customers name."]},
        "Rule corrected: “Use the customers name.”",
        False,
    ),
    (
        {
            "steps": [
                "Read the whole email.",
                "Check the account and the order.",
                "Write the reply.",
            ]
        },
        "Step 2 is now “Check the account and the order.” (was “Check the account.”)",
        True,
    ),
    (
        {"steps": ["Check the account.", "Read the whole email.", "Write the reply."]},
        "Step “Check the account.” moved from 2 to 1",
        True,
    ),
    ({"status": "retired"}, "Retired (was Active): this standard no longer applies", True),
    ({"status": "pilot"}, "Status changed from Active to Pilot", True),
    ({"channels": ["email", "chat"]}, "Now also applies to Chat", True),
    ({"effective": "2026-04-01"}, "Applies from 1 April 2026 (was 5 January 2026)", True),
    (
        {"summary": "Reply to each email in one working day."},
        "Summary rewritten: “Reply to each email in one working day.”",
        False,
    ),
    (
        {"title": "Replying to email"},
        "Renamed from “First reply to an email” to “Replying to email”",
        False,
    ),
    ({"tags": ["email", "response time"]}, "Tags added: response time", False),
    ({"illustrations": []}, "Removed illustration: “An inbox”", False),
    (
        {"owner": "Head of service"},
        "Owner is now Head of service (was Digital channels lead)",
        False,
    ),
    ({"review_by": "2028-01-05"}, "Next review due by 5 January 2028", False),
]


@pytest.mark.parametrize(("fields", "sentence", "affects"), CASES)
def test_each_kind_of_change_reads_as_a_sentence(fields, sentence, affects):
    assert (sentence, affects) in changed(**fields)


def test_unchanged_standard_has_no_changes():
    assert compare(BASE, dict(BASE)) == []


def test_work_changes_come_before_editorial_ones():
    marks = [a for _, a in changed(summary="New summary.", rules=["Reply within 2 hours."])]
    assert marks == sorted(marks, reverse=True)
    assert marks[0] is True and marks[-1] is False


@pytest.mark.parametrize(
    ("old", "new", "minor"),
    [
        ("Reply within 8 hours.", "Reply withing 8 hours.", True),
        ("Reply within 8 hours.", "reply within 8 hours", True),
        ("Reply within 8 hours.", "Reply within 4 hours.", False),
        ("Do say sorry.", "Do not say sorry.", False),
        ("You can refund it.", "You can't refund it.", False),
        ("Always greet the customer.", "Never greet the customer.", False),
    ],
)
def test_typo_fixes_are_told_apart_from_changes_in_meaning(old, new, minor):
    assert is_minor_edit(old, new) is minor


def test_data_of_any_shape_is_compared_without_failing():
    odd = {
        **BASE,
        "rules": "one rule as a string",
        "targets": [5],
        "escalation": None,
        "new_key": 1,
    }
    sentences = [c.sentence for c in compare(BASE, odd)]
    assert "‘new_key’ changed" in sentences
    assert any(s.startswith("Rule") or s.startswith("New rule") for s in sentences)


SERVICE_LEVEL = {
    "id": "answer-time",
    "metric": "Calls answered",
    "kind": "service-level",
    "share": 80,
    "threshold": 2,
    "unit": "minutes",
}


def test_target_forms_are_read_in_their_own_words():
    old = {**BASE, "targets": [SERVICE_LEVEL]}
    new = {**BASE, "targets": [{**SERVICE_LEVEL, "share": 85}]}
    assert [c.sentence for c in compare(old, new)] == [
        "Calls answered: target changed from 80% within 2 minutes to 85% within 2 minutes"
    ]


def test_targets_with_ids_are_matched_by_id_and_a_removed_id_is_reported():
    renamed = {**SERVICE_LEVEL, "metric": "Phone calls picked up"}
    old = {**BASE, "targets": [SERVICE_LEVEL]}
    assert [c.sentence for c in compare(old, {**BASE, "targets": [renamed]})] == [
        "Target “Calls answered” now measures “Phone calls picked up”"
    ]
    replaced = {**SERVICE_LEVEL, "id": "answer-speed"}
    sentences = [c.sentence for c in compare(old, {**BASE, "targets": [replaced]})]
    assert sentences == [
        "Target removed: Calls answered [answer-time] (80% within 2 minutes); "
        "results for id answer-time no longer show",
        "New target: Calls answered [answer-speed], 80% within 2 minutes",
    ]
