"""Finished pages lose the theme's indentation, never the content of <pre> or <textarea>."""

from __future__ import annotations

from handbook.render.compact import compact


def test_indentation_goes_line_breaks_stay():
    html = '<nav>\n      <ul>\n        <li><a href="x/">X</a></li>\n\n   </ul>\n</nav>'
    assert compact(html) == '<nav>\n<ul>\n<li><a href="x/">X</a></li>\n</ul>\n</nav>'


def test_preformatted_text_is_kept():
    code = "<pre><code>lint:\n  ignore:\n    - rule: x\n</code></pre>"
    text = '<textarea name="t">\n  two\n    spaces</textarea>'
    html = f"<div>\n    {code}\n    <p>\n      {text}\n</p></div>"
    assert compact(html) == f"<div>\n{code}\n<p>\n{text}\n</p></div>"
