"""Illustrations are inert: an SVG that could run or load anything is refused with the
reason and its line, and a picture must be what its extension says."""

from __future__ import annotations

import base64
import io
from pathlib import Path

import pytest
from PIL import Image
from test_boundary import RING_AT

from conftest import build, copy_fixture
from handbook.illustrations import raster_problem, svg_problem
from handbook.loader import load
from handbook.settings import Settings

SVG_OPEN = '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink">'


def svg(body: str, head: str = "") -> bytes:
    return f'<?xml version="1.0"?>\n{head}{SVG_OPEN}\n{body}\n</svg>\n'.encode()


def png(size: tuple[int, int] = (4, 4), kind: str = "PNG") -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, "white").save(out, kind)
    return out.getvalue()


PNG_DATA = "data:image/png;base64," + base64.b64encode(png()).decode()

HOSTILE = [
    # (svg, words of the reason, line in the SVG or None)
    (svg("<script>alert(1)</script>"), "<script>", 3),
    (svg('<rect width="5" height="5" onload="alert(1)"/>'), "event handler (onload)", 3),
    (svg('<g><circle r="2" OnClick="x()"/></g>'), "event handler (OnClick)", 3),
    (svg('<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>'), "<foreignObject>", 3),
    (svg('<html:script xmlns:html="http://www.w3.org/1999/xhtml">x()</html:script>'), "<script> element from http://www.w3.org/1999/xhtml", 3),
    (svg('<a href="javascript:alert(1)"><text>x</text></a>'), "<a>", 3),
    (svg('<set attributeName="href" to="javascript:alert(1)"/>'), "<set>", 3),
    (svg('<animate attributeName="href" values="javascript:alert(1)"/>'), "<animate>", 3),
    (svg('<image href="https://tracker.example/pixel.png" width="1" height="1"/>'), "only references inside the file", 3),
    (svg('<image xlink:href="file:///etc/passwd"/>'), "only references inside the file", 3),
    (svg('<image href="data:image/svg+xml;base64,PHN2Zz4="/>'), "only references inside the file", 3),
    (svg('<use href="other.svg#shape"/>'), "only references inside the file", 3),
    (svg('<use href="data:image/png;base64,AAAA"/>'), "only references inside the file", 3),
    (svg("<style>@import url(https://evil.example/x.css);</style>"), "<style> that loads", 3),
    (svg("<style>rect { fill: url(https://evil.example/p.svg#g) }</style>"), "<style> that loads", 3),
    (svg("<style><![CDATA[ rect { background: url( 'x.png') } ]]></style>"), "<style> that loads", 3),
    (svg('<rect style="fill: url(http://evil.example/)"/>'), "style that loads", 3),
    (svg('<rect style="fill: \\75rl(http://evil.example/)"/>'), "style that loads", 3),
    (svg('<rect fill="url(//evil.example/g)"/>'), "fill that loads", 3),
    (svg('<g xml:base="https://evil.example/"><use href="#a"/></g>'), "xml:base", 3),
    (svg("<rect/>", head='<?xml-stylesheet href="https://evil.example/s.css"?>\n'), "<?xml-stylesheet?>", 2),
    (svg("<text>&xxe;</text>", head='<!DOCTYPE svg [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'), "DTD or entities", None),
    (svg("<text>&a;</text>", head='<!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa">]>\n'), "DTD or entities", None),
    (svg("<text/>", head='<!DOCTYPE svg [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>\n'), "DTD or entities", None),
    (b'<html xmlns="http://www.w3.org/1999/xhtml"><script>x()</script></html>', "is not an SVG drawing", 1),
    (b"<svg><script>alert(1)</script></svg>", "is not an SVG drawing", 1),
    (svg("<rect>"), "not well-formed XML", None),
    (b"", "not well-formed XML", None),
    (b"\x89PNG not really", "not well-formed XML", None),
]  # fmt: skip


@pytest.mark.parametrize(("data", "words", "line"), HOSTILE)
def test_hostile_svgs_are_refused_with_the_reason(data, words, line):
    reason = svg_problem(data)
    assert reason is not None and words in reason, reason
    if line is not None:
        assert f"(line {line} of the SVG)" in reason


PLAIN = [
    svg('<rect width="10" height="10" fill="#1c5d99"/>'),
    svg('<defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs><rect fill="url(#g)"/>'),
    svg('<defs><path id="p" d="M0 0h4"/></defs><use href="#p"/><use xlink:href="#p"/>'),
    svg(f'<image href="{PNG_DATA}" width="4" height="4"/>'),
    svg("<style>rect { fill: url('#g'); stroke: #000 }</style><title>T</title><desc>D</desc>"),
    svg("<rect/>", head='<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'),
    # What Inkscape writes around a drawing.
    svg(
        '<sodipodi:namedview xmlns:sodipodi="http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd" '
        'xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" inkscape:zoom="1"/>'
        '<metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:cc="http://creativecommons.org/ns#"><cc:Work rdf:about=""/></rdf:RDF></metadata>'
    ),
]  # fmt: skip


@pytest.mark.parametrize("data", PLAIN)
def test_plain_drawings_pass(data):
    assert svg_problem(data) is None


def test_the_sample_illustrations_pass():
    for path in (Path(__file__).parent.parent.parent / "illustrations").glob("*.svg"):
        assert svg_problem(path.read_bytes()) is None, path


@pytest.mark.parametrize(
    ("data", "expected", "words"),
    [
        (png(), "PNG", None),
        (png(kind="JPEG"), "JPEG", None),
        (png(kind="WEBP"), "WEBP", None),
        (png(kind="JPEG"), "PNG", "is a JPEG image named as PNG"),
        (svg("<script>alert(1)</script>"), "PNG", "is not a PNG image"),
        (b"<html><script>alert(1)</script></html>", "JPEG", "is not a JPEG image"),
        (png()[:30], "PNG", "is not a PNG image"),
        (b"GIF89a" + b"\0" * 20, "WEBP", "is not a WEBP image"),
    ],
)
def test_raster_images_are_what_their_extension_says(data, expected, words):
    reason = raster_problem(data, expected)
    if words is None:
        assert reason is None
    else:
        assert reason is not None and words in reason, reason


def test_a_refused_illustration_fails_the_build_at_its_yaml_reference(tmp_path):
    project = copy_fixture("basic", tmp_path)
    (project / "illustrations" / "ring.svg").write_bytes(
        svg('<rect width="5" height="5"/>\n<circle r="1" onload="fetch(\'//x\')"/>')
    )
    standard = project / "standards" / "email-001.yml"
    text = standard.read_text()
    assert "illustrations:" not in text
    standard.write_text(
        text + "illustrations:\n  - file: photo.png\n    alt: A photo of the desk\n"
    )
    (project / "illustrations" / "photo.png").write_bytes(svg("<script>alert(1)</script>"))
    settings = Settings.from_mkdocs_yml(project / "mkdocs.yml")
    problems = [str(p) for p in load(settings).problems]
    assert any(
        p.startswith(f"standards/phone-001.yml:{RING_AT[0]}:11: error unsafe-illustration illustration "
                     "'ring.svg' has an event handler (onload) on <circle>")
        and "(line 4 of the SVG)" in p
        for p in problems
    ), problems  # fmt: skip
    assert any(
        p.startswith("standards/email-001.yml:")
        and "unsafe-illustration illustration 'photo.png' is not a PNG image" in p
        for p in problems
    ), problems
    result = build(project)
    assert result.returncode != 0
    assert "unsafe-illustration" in result.output and "Traceback" not in result.output
    assert not (project / "site" / "illustrations" / "ring.svg").exists()
