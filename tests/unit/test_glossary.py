"""The glossary: terms found in texts, glossary.yml read with located problems, and the
handbook's own words never held against a text by readability or plain-words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from lintkit import standard_text

from handbook.glossary.load import load
from handbook.glossary.model import Glossary, Term
from handbook.lint.runner import lint
from handbook.loader import load_texts
from handbook.settings import Settings

GLOSSARY = Glossary(
    (
        Term("service level", "The share of calls answered in time."),
        Term("service level agreement", "A written promise of service levels."),
        Term("representative", "A member of staff who speaks for us."),
    )
)


def test_terms_are_found_as_whole_words_in_any_case_and_plural() -> None:
    text = "Our Service Levels and the service level agreement; representatives misrepresent."
    found = [(text[start:end], term.term) for start, end, term in GLOSSARY.spans(text)]
    assert found == [
        ("Service Levels", "service level"),
        ("service level agreement", "service level agreement"),
        ("representatives", "representative"),
    ]
    assert [t.term for t in GLOSSARY.find(text)] == [
        "service level",
        "service level agreement",
        "representative",
    ]


def test_the_first_letters_looked_ahead_for_find_what_the_terms_alone_find() -> None:
    # Letters whose other case is another character (Kelvin sign, long s, dotted I, sharp
    # s), a term that starts with a sign, terms joined across fields never found.
    glossary = Glossary(
        tuple(Term(t, "x") for t in ("kiosk", "sale", "item", "Straße", "ſtore", "24/7 line"))
    )
    names = sorted((t.term for t in glossary.terms), key=len, reverse=True)
    spelled = "|".join(r"\s+".join(map(re.escape, name.split())) for name in names)
    alone = re.compile(rf"\b(?:{spelled})(?:s|es)?\b", re.IGNORECASE)
    text = (
        "\u212aIOSK kiosks Sales SALE \u0130tem ITEMS item STRASSE stra\u1e9ee Stra\u00dfe "
        "store STORES \u017ftore 24/7 LINES resale items2 kiosk_ \u00e9sale sale\u0301"
    )
    by_lower = {t.term.lower(): t for t in glossary.terms}

    def term_of(written: str) -> Term | None:
        key = " ".join(written.lower().split())
        return next((by_lower[k] for k in (key, key[:-1], key[:-2]) if k in by_lower), None)

    expected = [(m.start(), m.end(), term_of(m.group())) for m in alone.finditer(text)]
    assert glossary.spans(text) == [span for span in expected if span[2] is not None]
    assert len(glossary.spans(text)) >= 10
    assert glossary.find_any(["the 24/7", "line", "sale"]) == [Term("sale", "x")]


def test_mask_writes_each_term_as_one_short_word() -> None:
    assert GLOSSARY.mask("Ask a representative about the service level.") == (
        "Ask a term about the term."
    )


def _lint(tmp_path: Path, fragment: str, glossary: str | None, rule: str) -> list[str]:
    if glossary is not None:
        (tmp_path / "glossary.yml").write_text(glossary, "utf-8")
    handbook = load_texts({"standards/t.yml": standard_text(fragment)}, Settings(root=tmp_path))
    assert not handbook.problems
    return [p.message for p in lint(handbook) if p.rule == rule]


HARD_WITH_TERMS = (
    "rules:\n  - Tell the customer which representative handles their registration "
    "and interpretation questions today.\n"
)
TERMS = (
    "representative: A member of staff who speaks for us.\n"
    "registration: Signing a customer up for an account.\n"
    "interpretation: Help from someone who speaks the customer's language.\n"
)


def test_glossary_terms_do_not_count_against_readability(tmp_path: Path) -> None:
    assert _lint(tmp_path, HARD_WITH_TERMS, None, "readability")  # hard without the glossary
    assert _lint(tmp_path, HARD_WITH_TERMS, TERMS, "readability") == []


def test_readability_advice_says_what_to_do_and_where_the_limits_are(tmp_path: Path) -> None:
    handbook = load_texts(
        {"standards/t.yml": standard_text(HARD_WITH_TERMS)}, Settings(root=tmp_path)
    )
    (problem,) = [p for p in lint(handbook) if p.rule == "readability"]
    assert problem.suggestion is not None
    assert "define it in glossary.yml" in problem.suggestion
    assert "editors/lint-rules/#readability" in problem.suggestion


def test_a_glossary_term_is_not_a_plain_words_problem(tmp_path: Path) -> None:
    fragment = "rules:\n  - Read the terminated contract list before you call back.\n"
    assert _lint(tmp_path, fragment, None, "plain-words") == [
        "'terminated' is not a plain word [rules[1]]"
    ]
    glossary = "terminated contract: A contract we ended early, for any reason.\n"
    assert _lint(tmp_path, fragment, glossary, "plain-words") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("callback: [a, b]\n", "glossary.yml:1:11: error glossary 'callback' has no definition"),
        ("callback:\n", "glossary.yml:1:10: error glossary 'callback' has no definition"),
        ("- callback\n", "glossary.yml:1:1: error glossary write one term per line"),
        ('callback: "A call\n', "glossary.yml:1:11: error yaml-syntax this quote"),
    ],
)
def test_glossary_problems_are_located(tmp_path: Path, text: str, expected: str) -> None:
    (tmp_path / "glossary.yml").write_text(text, "utf-8")
    glossary, problems = load(tmp_path)
    assert glossary.terms == ()
    assert [str(p) for p in problems][0].startswith(expected)


def test_no_glossary_file_is_an_empty_glossary(tmp_path: Path) -> None:
    assert load(tmp_path) == (Glossary(), [])


def test_pages_and_glossary_page_share_the_terms_found_and_match_a_fresh_build() -> None:
    from handbook.buildstate import BuildState
    from handbook.glossary.feature import GlossaryFeature
    from handbook.loader import load as load_handbook
    from handbook.render.pages import PageExtras
    from handbook.render.urls import Urls

    root = Path(__file__).resolve().parents[2]

    def build(feature: GlossaryFeature, handbook, parts: str):
        feature.problems(handbook)
        extras = PageExtras()
        if "extras" in parts:
            feature.extras(handbook, Urls(), extras)
        files = feature.files(handbook, Urls()) if "files" in parts else []
        return {k: [str(s.html) for s in v] for k, v in extras.sections.items()}, [
            (f.path, f.content) for f in files
        ]

    handbook = load_handbook(Settings.from_mkdocs_yml(root / "mkdocs.yml"))
    shared = GlossaryFeature()
    shared.state = BuildState()  # as the engine hands it, kept across builds
    shared.state.start()
    sections, files = build(shared, handbook, "extras files")
    published = len(handbook.published())
    # Terms found once per standard for both; a section for each standard with terms
    # (the same terms and link: the same section, made once); the Glossary page.
    with_terms = len(build(GlossaryFeature(), handbook, "extras")[0])
    assert shared.state.misses + shared.state.hits == 2 * published + with_terms + 1
    assert published < shared.state.misses < published + with_terms + 1
    assert sections and files
    assert sections == build(GlossaryFeature(), handbook, "extras")[0]
    assert files == build(GlossaryFeature(), handbook, "files")[1]
    # A `serve` rebuild: the same files, their terms kept (and the same pages made).
    again = load_handbook(Settings.from_mkdocs_yml(root / "mkdocs.yml"))
    shared.state.start()
    assert build(shared, again, "extras files") == (sections, files)
    assert (shared.state.misses, shared.state.hits) == (0, 2 * published + with_terms + 1)
