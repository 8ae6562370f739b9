"""The baseline without the handbook plugin: the same standards as hand-written Markdown.

What a team would write by hand in plain MkDocs + Material: one Markdown page per standard
with the same text and sections, in one folder per area, navigation left to MkDocs.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from handbook.loader import load
from handbook.model import Standard
from handbook.settings import Settings


def _page(s: Standard) -> str:
    out = [
        f"# {s.id} {s.title}",
        "",
        f"**{s.status.title()}** · Owner: {s.owner} · "
        f"Effective {s.effective} · Review by {s.review_by}",
        "",
        s.summary,
        "",
        f"**When this applies:** {s.situation}",
        "",
    ]
    if s.aliases:
        out += [f"*Also called:* {', '.join(s.aliases)}", ""]
    if s.steps:
        out += ["## Steps", "", *(f"{i}. {step}" for i, step in enumerate(s.steps, 1)), ""]
    if s.wordings:
        out += ["## What to say", ""]
        for w in s.wordings:
            out += [f"### {w.when or 'Any time'}", "", f"**Say:** “{w.say}”", ""]
            if w.dont_say:
                out += [f"**Don’t say:** “{w.dont_say}”", ""]
            if w.why:
                out += [f"*Why:* {w.why}", ""]
    out += ["## Rules", "", *(f"- {rule}" for rule in s.rules), ""]
    if s.targets:
        out += [
            "## Targets",
            "",
            "| What is measured | Target | How it is measured | Reported |",
            "| --- | --- | --- | --- |",
        ]
        for t in s.targets:
            out.append(f"| {t.metric} | {t.goal} | {t.measured_by or '—'} | {t.period or '—'} |")
        out.append("")
    if s.escalation:
        out += [
            "## Escalation",
            "",
            *(
                f"{i}. {e.who}, when {e.when}, within {e.within}"
                for i, e in enumerate(s.escalation, 1)
            ),
            "",
        ]
    if s.examples:
        out += ["## Examples", ""]
        for e in s.examples:
            out += [
                f"### {e.kind.title()} example",
                "",
                e.scenario,
                "",
                e.response,
                "",
                f"*Why:* {e.why}",
                "",
            ]
    if s.illustrations:
        out += ["## Illustrations", ""]
        for p in s.illustrations:
            out += [f"![{p.alt}](../illustrations/{p.file})", "", p.caption or "", ""]
    if s.related:
        out += [
            "## Related standards",
            "",
            *(f"- [{r}](../{r.split('-')[0]}/{r.lower()}.md)" for r in s.related),
            "",
        ]
    return "\n".join(out) + "\n"


def write_baseline(project: Path, out: Path, prune: bool) -> int:
    """Write a plain MkDocs project from a synthetic handbook's standards; return pages."""
    handbook = load(Settings.from_mkdocs_yml(project / "mkdocs.yml"))
    docs = out / "docs"
    docs.mkdir(parents=True)
    features = "\n  features:\n    - navigation.prune" if prune else ""
    (out / "mkdocs.yml").write_text(
        f"site_name: Plain handbook\ntheme:\n  name: material\n  font: false{features}\n"
        "markdown_extensions:\n  - tables\n",
        "utf-8",
    )
    (docs / "index.md").write_text("# Handbook\n\nPick an area in the menu.\n", "utf-8")
    shutil.copytree(project / "illustrations", docs / "illustrations")
    # One folder per area named by id prefix, so related links need no lookup.
    for s in handbook.published():
        folder = docs / s.id.split("-")[0]
        folder.mkdir(exist_ok=True)
        (folder / f"{s.slug}.md").write_text(_page(s), "utf-8")
    return len(handbook.published())
