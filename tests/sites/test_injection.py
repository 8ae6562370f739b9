"""No standard's text can put script into the site."""

from __future__ import annotations

import re

from conftest import build, copy_fixture

HOSTILE = """id: EVIL-001
title: Fish & "chips" *special*
summary: Summary with <script>alert('summary')</script> in it.
area: telephone
situation: '<img src=x onerror="alert(1)"> A situation.'
aliases: ["<script>alert('alias')</script>"]
channels: [phone]
status: active
owner: <b onmouseover="alert(1)">Owner</b>
effective: 2026-01-01
review_by: 2099-01-01
rules:
  - "[Click me](javascript:alert('rule'))"
  - <iframe src="https://evil.example"></iframe>Rule text
wordings:
  - say: <svg onload="alert(1)">Hello</svg>
    dont_say: <a href="javascript:alert(1)">bye</a>
examples:
  - kind: good
    scenario: "<style>body { display: none }</style>Scenario text here."
    response: <script src="https://evil.example/x.js"></script>Response
    why: Because <object data="x"></object> why.
escalation:
  - who: <script>alert(1)</script>Lead
    when: <b onclick="x()">trigger</b>
    within: 5 minutes
"""


def test_hostile_text_is_escaped_or_removed(tmp_path):
    project = copy_fixture("basic", tmp_path)
    (project / "standards/evil.yml").write_text(HOSTILE)
    result = build(project)
    assert result.returncode == 0, result.output
    page = result.page("standards/evil-001/")
    article = page[page.index("<article") : page.index("</article>")]
    assert not re.search(r"<(script|iframe|svg|style|object|img src=x)", article, re.I)
    assert not re.search(r"<[^>]*\son(error|load|click|mouseover)=", article, re.I)
    assert "javascript:" not in page
    assert "evil.example" not in page
    # The text itself is still there for the reader, shown as text.
    assert "Rule text" in article and "Scenario text here." in article
    assert "&lt;b onmouseover" in article  # the owner is plain text, shown escaped
    for other in ("standards/", "standards/telephone/", "targets/", "standards.json"):
        text = (result.site / other / ("" if other.endswith(".json") else "index.html")).read_text()
        assert "<script>alert" not in text
        assert not re.search(r"<[^>]*\son(error|load|click|mouseover)=", text, re.I)
    # The quick card's print page, a page of its own, escapes the same text.
    card = result.page("cards/evil-001.html")
    assert 'id="card-evil-001"' in card
    assert "<title>Quick card: Fish &amp; &#34;chips&#34; *special*</title>" in card
    assert re.findall(r"<script[^>]*>", card) == [
        '<script src="../assets/handbook/card-page.js" defer>'
    ]
    assert not re.search(r"<(iframe|style|object|img src=x)", card, re.I)
    assert not re.search(r"<[^>]*\son[a-z]+=", card, re.I)
    assert "javascript:" not in card and "evil.example" not in card
    assert "alert(" not in card
    assert "Summary with  in it." in card  # the summary, as plain text in the description
