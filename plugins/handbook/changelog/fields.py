"""What changed inside one standard, field by field, in sentences staff can read.

Each sentence is marked as affecting how staff work (rules, targets, wordings, steps,
escalation, status, when the standard applies) or as editorial (summary, titles, tags,
illustrations, examples, typo fixes). Values come from files of any age, so every
comparison accepts data of any shape and never fails on it.

Over 300 lines: one short describer per kind of field, read as one table.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from .. import targets
from ..render import labels
from .texts import (
    align,
    as_list,
    as_record,
    is_minor_edit,
    long_date,
    moved,
    normal,
    quote,
    text,
)


@dataclass(frozen=True)
class FieldChange:
    field: str
    sentence: str  # plain text, quoting the standard's own inline Markdown
    affects_work: bool
    # For an edited text: a short label ("Rule changed") and both versions, so a page can
    # show the edit word by word instead of the whole sentence.
    label: str | None = None
    before: str | None = None
    after: str | None = None

    def as_dict(self) -> dict[str, object]:
        result: dict[str, object] = {
            "field": self.field,
            "sentence": self.sentence,
            "affects_work": self.affects_work,
        }
        if self.before is not None:
            result.update(before=self.before, after=self.after)
        return result


Compare = Callable[[Any, Any], Iterator[FieldChange]]

# Lists of sentences ------------------------------------------------------------------


def _texts(field: str, singular: str, numbered: bool) -> Compare:
    """Rules (order does not matter) and steps (numbered, order matters)."""

    def compare(old: Any, new: Any) -> Iterator[FieldChange]:
        a, b = [text(x) for x in as_list(old)], [text(x) for x in as_list(new)]
        pairs = align(a, b, normal)
        moves = moved(a, b, pairs)
        moved_old = {i for i, _ in moves}
        moved_new = {j for _, j in moves}
        name = singular.capitalize()
        for i, j in pairs:
            if i is not None and j is not None:
                if a[i] == b[j]:
                    continue
                where = f" {j + 1}" if numbered else ""
                if is_minor_edit(a[i], b[j]):
                    sentence = f"{name}{where} corrected: {quote(b[j])}"
                    label, affects = f"{name}{where} corrected", False
                else:
                    sentence = f"{name}{where} is now {quote(b[j])} (was {quote(a[i])})"
                    label, affects = f"{name}{where} changed", True
                yield FieldChange(field, sentence, affects, label, a[i], b[j])
            elif j is not None and j not in moved_new:
                where = f" {j + 1}" if numbered else ""
                yield FieldChange(field, f"New {singular}{where}: {quote(b[j])}", True)
            elif i is not None and i not in moved_old:
                where = f" {i + 1}" if numbered else ""
                yield FieldChange(field, f"{name}{where} removed: {quote(a[i])}", True)
        if moves:
            if numbered:
                for i, j in sorted(moves, key=lambda m: m[1]):
                    yield FieldChange(
                        field, f"{name} {quote(b[j])} moved from {i + 1} to {j + 1}", True
                    )
            else:
                yield FieldChange(field, f"{name.rstrip('s')}s put in a new order", False)

    return compare


# Lists of records ---------------------------------------------------------------------


def _goal(target: dict[str, Any]) -> str:
    return targets.goal_text(target) or "no set value"


def _named(target: dict[str, Any]) -> str:
    """The metric, with the target's id when it has one: results and scorecards use it."""
    metric = text(target.get("metric"))
    ident = target.get("id")
    return f"{metric} [{text(ident)}]" if isinstance(ident, str) and ident else metric


def _target_key(target: dict[str, Any]) -> str:
    ident = target.get("id")
    return f"id:{ident}" if isinstance(ident, str) and ident else normal(target.get("metric"))


def _targets(old: Any, new: Any) -> Iterator[FieldChange]:
    a, b = [as_record(x) for x in as_list(old)], [as_record(x) for x in as_list(new)]
    # Targets with ids are matched by id (a renamed metric is the same target), the others
    # by metric; an id that disappears is reported, so results filed under it are not lost
    # silently.
    pairs: list[tuple[int | None, int | None]] = []
    for i, j in align(a, b, _target_key):
        ids = (a[i].get("id") if i is not None else None, b[j].get("id") if j is not None else None)
        if all(ids) and ids[0] != ids[1]:
            pairs += [(i, None), (None, j)]  # another id is another target
        else:
            pairs.append((i, j))
    for i, j in pairs:
        if i is None and j is not None:
            t = b[j]
            yield FieldChange("targets", f"New target: {_named(t)}, {_goal(t)}", True)
            continue
        if j is None and i is not None:
            t = a[i]
            sentence = f"Target removed: {_named(t)} ({_goal(t)})"
            if t.get("id"):
                sentence += f"; results for id {text(t.get('id'))} no longer show"
            yield FieldChange("targets", sentence, True)
            continue
        assert i is not None and j is not None
        was, now = a[i], b[j]
        metric = text(now.get("metric"))
        if text(was.get("metric")) != metric:
            minor = is_minor_edit(was.get("metric"), metric)
            yield FieldChange(
                "targets",
                f"Target {quote(was.get('metric'))} now measures {quote(metric)}",
                not minor,
            )
        if _goal(was) != _goal(now):
            yield FieldChange(
                "targets", f"{metric}: target changed from {_goal(was)} to {_goal(now)}", True
            )
        if text(was.get("channel")) != text(now.get("channel")):
            channel = text(now.get("channel")) or "every channel"
            yield FieldChange("targets", f"{metric}: now for {channel}", True)
        if text(was.get("measured_by")) != text(now.get("measured_by")):
            how = text(now.get("measured_by")) or "no stated method"
            yield FieldChange("targets", f"{metric}: now measured by {how}", True)
        if text(was.get("checked_by")) != text(now.get("checked_by")):
            who = text(now.get("checked_by")) or "the standard's owner"
            yield FieldChange("targets", f"{metric}: now checked by {who}", True)
        if text(was.get("period")) != text(now.get("period")):
            period = text(now.get("period")) or "with no set period"
            yield FieldChange(
                "targets",
                f"{metric}: now reported {period} (was {text(was.get('period')) or 'not set'})",
                True,
            )


def _wordings(old: Any, new: Any) -> Iterator[FieldChange]:
    a, b = [as_record(x) for x in as_list(old)], [as_record(x) for x in as_list(new)]

    def key(w: dict[str, Any]) -> str:
        return normal(w.get("when")) or normal(w.get("say"))

    for i, j in align(a, b, key):
        if j is not None and i is None:
            w = b[j]
            sentence = f"New wording{_when(w)}: say {quote(w.get('say'))}"
            if w.get("dont_say"):
                sentence += f", not {quote(w.get('dont_say'))}"
            yield FieldChange("wordings", sentence, True)
            continue
        if i is not None and j is None:
            w = a[i]
            yield FieldChange("wordings", f"Wording removed{_when(w)}: {quote(w.get('say'))}", True)
            continue
        assert i is not None and j is not None
        was, now = a[i], b[j]
        ctx = _when(now)
        if text(was.get("when")) != text(now.get("when")):
            yield FieldChange(
                "wordings",
                f"Wording {quote(now.get('say'))} is now for {quote(now.get('when'))}"
                if now.get("when")
                else f"Wording {quote(now.get('say'))} is now for any moment",
                not is_minor_edit(was.get("when"), now.get("when")),
            )
        old_say, new_say = text(was.get("say")), text(now.get("say"))
        if old_say != new_say:
            if is_minor_edit(old_say, new_say):
                sentence = f"Wording corrected{ctx}: {quote(new_say)}"
                label, affects = f"Wording corrected{ctx}", False
            else:
                sentence = f"Say {quote(new_say)}{ctx} (was {quote(old_say)})"
                label, affects = f"New words to say{ctx}", True
            yield FieldChange("wordings", sentence, affects, label, old_say, new_say)
        old_dont, new_dont = text(was.get("dont_say")), text(now.get("dont_say"))
        if old_dont != new_dont:
            if not old_dont:
                yield FieldChange(
                    "wordings", f"New don't-say wording{ctx}: {quote(new_dont)}", True
                )
            elif not new_dont:
                yield FieldChange(
                    "wordings", f"Don't-say wording removed{ctx}: {quote(old_dont)}", True
                )
            elif is_minor_edit(old_dont, new_dont):
                label = f"Don't-say wording corrected{ctx}"
                sentence = f"{label}: {quote(new_dont)}"
                yield FieldChange("wordings", sentence, False, label, old_dont, new_dont)
            else:
                sentence = f"Don't say {quote(new_dont)}{ctx} (was {quote(old_dont)})"
                label = f"New words not to say{ctx}"
                yield FieldChange("wordings", sentence, True, label, old_dont, new_dont)
        if text(was.get("why")) != text(now.get("why")):
            yield FieldChange("wordings", f"Reason for the wording{ctx} reworded", False)


def _when(wording: dict[str, Any]) -> str:
    return f" for {quote(wording.get('when'))}" if wording.get("when") else ""


def _within(step: dict[str, Any]) -> str:
    within = text(step.get("within"))
    if not within:
        return ""
    return within if within == "immediately" else f"within {within}"


def _escalation(old: Any, new: Any) -> Iterator[FieldChange]:
    a, b = [as_record(x) for x in as_list(old)], [as_record(x) for x in as_list(new)]
    for i, j in align(a, b, lambda s: normal(s.get("who"))):
        if i is None and j is not None:
            s = b[j]
            yield FieldChange(
                "escalation",
                f"New escalation step {j + 1}: {text(s.get('who'))} {_within(s)}, "
                f"when {text(s.get('when'))}",
                True,
            )
            continue
        if j is None and i is not None:
            s = a[i]
            yield FieldChange(
                "escalation",
                f"Escalation step {i + 1} removed (was {text(s.get('who'))} {_within(s)})",
                True,
            )
            continue
        assert i is not None and j is not None
        was, now = a[i], b[j]
        if (text(was.get("who")), _within(was)) != (text(now.get("who")), _within(now)):
            yield FieldChange(
                "escalation",
                f"Escalation step {j + 1} is now {text(now.get('who'))} {_within(now)} "
                f"(was {text(was.get('who'))} {_within(was)})",
                True,
            )
        if text(was.get("when")) != text(now.get("when")):
            yield FieldChange(
                "escalation",
                f"Escalation step {j + 1} ({text(now.get('who'))}) now applies when "
                f"{text(now.get('when'))}",
                not is_minor_edit(was.get("when"), now.get("when")),
            )


def _records(
    field: str, singular: str, key: str, describe: Callable[[dict[str, Any]], str]
) -> Compare:
    """Editorial lists of records: examples and illustrations."""

    def compare(old: Any, new: Any) -> Iterator[FieldChange]:
        a, b = [as_record(x) for x in as_list(old)], [as_record(x) for x in as_list(new)]
        for i, j in align(a, b, lambda r: normal(r.get(key))):
            if i is None and j is not None:
                yield FieldChange(field, f"New {describe(b[j])}", False)
            elif j is None and i is not None:
                yield FieldChange(field, f"Removed {describe(a[i])}", False)
            elif i is not None and j is not None and a[i] != b[j]:
                yield FieldChange(field, f"Changed {describe(b[j])}", False)

    return compare


def _example(e: dict[str, Any]) -> str:
    kind = "good" if e.get("kind") == "good" else "poor"
    return f"{kind} example: {quote(e.get('scenario'))}"


def _illustration(p: dict[str, Any]) -> str:
    return f"illustration: {quote(p.get('alt') or p.get('file'))}"


# Sets and single values ---------------------------------------------------------------


def _set(
    field: str, added: str, removed: str, affects: bool, names: dict[str, str] | None = None
) -> Compare:
    def compare(old: Any, new: Any) -> Iterator[FieldChange]:
        a, b = [text(x) for x in as_list(old)], [text(x) for x in as_list(new)]
        more = [x for x in b if x not in a]
        fewer = [x for x in a if x not in b]
        label = (names or {}).get
        if more:
            yield FieldChange(field, f"{added} {', '.join(label(x, x) for x in more)}", affects)
        if fewer:
            yield FieldChange(field, f"{removed} {', '.join(label(x, x) for x in fewer)}", affects)

    return compare


def _status(old: Any, new: Any) -> Iterator[FieldChange]:
    was, now = labels.STATUS.get(text(old), text(old)), labels.STATUS.get(text(new), text(new))
    if text(new) == "retired":
        yield FieldChange("status", f"Retired (was {was}): this standard no longer applies", True)
    elif text(old) == "pilot" and text(new) == "active":
        yield FieldChange(
            "status", "Rolled out: the pilot is over and this now applies to everyone", True
        )
    else:
        yield FieldChange("status", f"Status changed from {was} to {now}", True)


def _scalar(
    field: str,
    describe: Callable[[Any, Any], str],
    affects: bool,
    typo_check: bool = False,
    label: str | None = None,
) -> Compare:
    def compare(old: Any, new: Any) -> Iterator[FieldChange]:
        minor = typo_check and is_minor_edit(old, new)
        if label is None:
            yield FieldChange(field, describe(old, new), affects and not minor)
        else:
            yield FieldChange(
                field, describe(old, new), affects and not minor, label, text(old), text(new)
            )

    return compare


COMPARE: dict[str, Compare] = {
    "title": _scalar("title", lambda o, n: f"Renamed from {quote(o)} to {quote(n)}", False),
    "summary": _scalar(
        "summary", lambda o, n: f"Summary rewritten: {quote(n)}", False, label="Summary rewritten"
    ),
    "area": _scalar("area", lambda o, n: f"Moved from area {text(o)} to {text(n)}", False),
    "situation": _scalar(
        "situation",
        lambda o, n: f"Now applies when: {quote(n)} (was {quote(o)})",
        True,
        True,
        label="When this applies changed",
    ),
    "status": _status,
    "owner": _scalar("owner", lambda o, n: f"Owner is now {text(n)} (was {text(o)})", False),
    "effective": _scalar(
        "effective", lambda o, n: f"Applies from {long_date(n)} (was {long_date(o)})", True
    ),
    "last_reviewed": _scalar("last_reviewed", lambda o, n: f"Reviewed on {long_date(n)}", False),
    "review_by": _scalar("review_by", lambda o, n: f"Next review due by {long_date(n)}", False),
    "stage": _scalar(
        "stage",
        lambda o, n: (
            f"Stage changed from {labels.STAGES.get(text(o), text(o) or 'none')} to "
            f"{labels.STAGES.get(text(n), text(n) or 'none')}"
        ),
        False,
    ),
    "channels": _set(
        "channels", "Now also applies to", "No longer applies to", True, labels.CHANNELS
    ),
    "rules": _texts("rules", "rule", numbered=False),
    "steps": _texts("steps", "step", numbered=True),
    "targets": _targets,
    "wordings": _wordings,
    "escalation": _escalation,
    "examples": _records("examples", "example", "scenario", _example),
    "illustrations": _records("illustrations", "illustration", "file", _illustration),
    "tags": _set("tags", "Tags added:", "Tags removed:", False),
    "aliases": _set("aliases", "Also called:", "No longer also called:", False),
    "related": _set("related", "Now related to", "No longer related to", False),
    "sources": _set("sources", "Sources added:", "Sources removed:", False),
    "goals": _set("goals", "Now serves the goals", "No longer serves the goals", False),
    "pilot": lambda o, n: iter([FieldChange("pilot", _pilot_sentence(o, n), False)]),
    "upcoming": lambda o, n: iter([FieldChange("upcoming", _upcoming_sentence(o, n), True)]),
}


def _pilot_sentence(old: Any, new: Any) -> str:
    if not new:
        return "Pilot details removed"
    decision = (new or {}).get("decision")
    if decision and decision != (old or {}).get("decision"):
        return (
            f"Pilot decision: {text(decision.get('outcome'))} on {long_date(decision.get('date'))}"
        )
    return f"Pilot from {long_date(new.get('start'))} to {long_date(new.get('end'))}"


def _upcoming_sentence(old: Any, new: Any) -> str:
    added = [item for item in new or [] if item not in (old or [])]
    if not added:
        return "Announced change withdrawn or taken into the standard"
    return "; ".join(
        f"From {long_date(item.get('from'))}: {quote(item.get('change'))}" for item in added
    )


# The order sentences appear in: what changes work first, in the page's order.
ORDER = [
    "status", "situation", "channels", "effective", "steps", "wordings", "rules", "targets",
    "escalation", "title", "summary", "area", "stage", "owner", "examples", "illustrations",
    "aliases", "tags", "related", "sources", "goals", "pilot", "upcoming", "last_reviewed",
    "review_by",
]  # fmt: skip


def compare(old: dict[str, Any], new: dict[str, Any]) -> list[FieldChange]:
    """Every difference between two versions of a standard, work-affecting ones first."""
    keys = [k for k in ORDER if k in old or k in new]
    keys += sorted(k for k in set(old) | set(new) if k not in COMPARE and k != "id")
    changes: list[FieldChange] = []
    for key in keys:
        was, now = old.get(key), new.get(key)
        if was == now:
            continue
        if key in COMPARE:
            changes.extend(COMPARE[key](was, now))
        else:
            changes.append(FieldChange(key, f"‘{key}’ changed", False))
    changes.sort(key=lambda c: not c.affects_work)
    return changes
