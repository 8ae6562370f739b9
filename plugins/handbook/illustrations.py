"""Illustrations are inert: pictures and nothing else, from inside the illustrations folder.

An SVG is a document that browsers run when it is opened: it may carry script, event
handlers, links to `javascript:`, content from other hosts, HTML in a `foreignObject`,
style sheets that fetch URLs, and XML entities. Rather than rewrite such a file, the
build refuses it with the reason and the line in the SVG, so its author can fix the
source. What an SVG may hold is an allow-list: drawing elements and their presentation
attributes in the SVG namespace, references only inside the file (`#id`) or to embedded
raster images (`data:image/png;base64,…`), and the metadata drawing programs write.

The file is parsed by defusedxml, which refuses DTDs and entities (no "billion laughs",
no external entities). A PNG, JPEG or WebP file must be what its extension says, read by
Pillow (which WeasyPrint already brings), not only named so.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import xml.sax
from pathlib import Path

import defusedxml
import defusedxml.sax
from PIL import Image

from .boundary import inside

MAX_BYTES = 5_000_000

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
XML = "http://www.w3.org/XML/1998/namespace"
# What drawing programs write besides the drawing; browsers show none of it.
EDITOR_NAMESPACES = {
    "http://www.inkscape.org/namespaces/inkscape",
    "http://sodipodi.sourceforge.net/DTD/sodipodi-0.dtd",
    "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "http://creativecommons.org/ns#",
    "http://purl.org/dc/elements/1.1/",
    "http://purl.org/dc/terms/",
    "http://ns.adobe.com/AdobeIllustrator/10.0/",
    "http://ns.adobe.com/SaveForWeb/1.0/",
    "http://www.bohemiancoding.com/sketch/ns",
}
# Static drawing: no script, animation (`<set>` can make a link `javascript:`), links,
# foreignObject, or anything that loads another document.
ELEMENTS = {
    "svg", "g", "defs", "symbol", "use", "title", "desc", "metadata", "switch", "view",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "textPath",
    "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
    "image", "style",
    "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite",
    "feConvolveMatrix", "feDiffuseLighting", "feDisplacementMap", "feDistantLight",
    "feDropShadow", "feFlood", "feFuncA", "feFuncB", "feFuncG", "feFuncR",
    "feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology", "feOffset",
    "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
}  # fmt: skip
_LOCAL = re.compile(r"#[\w.:-]*")
_EMBEDDED = re.compile(r"data:image/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]*", re.IGNORECASE)
# In style sheets and attributes: url() other than to #id, @import, and old script hooks.
_STYLE_URL = re.compile(r"url\s*\(\s*(?!['\"]?#)|@import|expression\s*\(|javascript:|\\", re.I)
RASTER = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".gif": "GIF", ".webp": "WEBP"}


MISSING = "missing-illustration"
UNSAFE = "unsafe-illustration"


def problem(folder: Path, root: Path, name: str) -> tuple[str, str] | None:
    """(rule, message) for why the illustration `name` in `folder` cannot be published."""
    found = _problem(folder, root, name)
    if found is None:
        return None
    return (MISSING if found.endswith("add the file or fix the name") else UNSAFE), found


def _problem(folder: Path, root: Path, name: str) -> str | None:
    path = folder / name
    where = f"{folder.relative_to(root).as_posix() if folder.is_relative_to(root) else folder}/"
    if not Path(os.path.normpath(path)).is_relative_to(folder):
        return f"illustration '{name}' leads out of {where}: name a file inside it"
    if not os.path.lexists(path):
        return f"illustration '{name}' is not in {where}: add the file or fix the name"
    if not inside(path, root):
        target = os.path.realpath(path)
        return (
            f"illustration '{name}' is a link that leads outside the project (to {target}), "
            "and nothing outside it is published: copy the picture into the repository"
        )
    if not path.is_file():
        return f"illustration '{name}' is not a file (a folder, or a link to nothing): fix the name"
    stat = path.stat()
    if stat.st_size > MAX_BYTES:
        return f"illustration '{name}' is larger than {MAX_BYTES:,} bytes: make it smaller"
    found = _content_problem(path)
    return f"illustration '{name}' {found}" if found else None


def _content_problem(path: Path) -> str | None:
    """What is wrong inside the file, checked once per content."""
    suffix = os.path.splitext(os.path.realpath(path))[1].lower()  # a link's target's
    try:
        with open(path, "rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as e:
        return f"cannot be read ({e.strerror or type(e).__name__}): check the file"
    key = (suffix, hashlib.blake2b(data, digest_size=16).digest())
    if key not in _CHECKED:
        if len(_CHECKED) >= 4096:
            _CHECKED.clear()
        _CHECKED[key] = _data_problem(suffix, data)
    return _CHECKED[key]


# Each content's verdict, kept for the whole process (every `serve` rebuild, any project):
# it depends on the bytes and the extension alone, so a file changed in place is a new key,
# even with its size and modification time kept.
_CHECKED: dict[tuple[str, bytes], str | None] = {}


def _data_problem(suffix: str, data: bytes) -> str | None:
    if suffix == ".svg":
        return svg_problem(data)
    if suffix in RASTER:
        return raster_problem(data, RASTER[suffix])
    return f"is a {suffix or 'file without extension'}: use SVG, PNG, JPEG or WebP"


def raster_problem(data: bytes, expected: str) -> str | None:
    try:
        with Image.open(io.BytesIO(data), formats=list(set(RASTER.values()))) as image:
            found = image.format
            image.verify()
    except Image.DecompressionBombError:
        return "has more pixels than a picture needs: save it smaller"
    except Exception:  # Pillow raises many kinds for a file it cannot read
        return f"is not a {expected} image its name says it is: export it again as {expected}"
    if found != expected:
        return f"is a {found} image named as {expected}: give it the right extension"
    return None


class _Refused(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line
        self.message = message


class _SvgChecker(xml.sax.handler.ContentHandler):
    def __init__(self) -> None:
        super().__init__()
        self._locator: xml.sax.xmlreader.Locator | None = None
        self.style_depth = 0
        self.metadata_depth = 0
        self.seen_root = False

    def _refuse(self, message: str) -> None:
        line = self._locator.getLineNumber() if self._locator else 1
        raise _Refused(line or 1, message)

    def startElementNS(self, name, qname, attrs):  # type: ignore[no-untyped-def]
        namespace, local = name
        if not self.seen_root and (namespace, local) != (SVG, "svg"):
            self._refuse(
                f'is not an SVG drawing (it starts with <{local}>, not <svg xmlns="{SVG}">)'
            )
        self.seen_root = True
        if namespace == SVG and local not in ELEMENTS:
            self._refuse(f"has a <{local}> element, which can run or load something")
        if namespace != SVG and namespace not in EDITOR_NAMESPACES:
            self._refuse(f"has a <{local}> element from {namespace or 'no namespace'}")
        if local == "metadata" or self.metadata_depth:
            self.metadata_depth += 1
        if local == "style":
            self.style_depth += 1
        for (attr_namespace, attr), value in attrs.items():
            self._attribute(local, attr_namespace, attr, value)

    def _attribute(self, element: str, namespace: str | None, name: str, value: str) -> None:
        if name.lower().startswith("on"):
            self._refuse(f"has an event handler ({name}) on <{element}>, which runs script")
        if namespace == XML and name == "base":
            self._refuse("has an xml:base, which makes references point elsewhere")
        if name == "href" and namespace in (None, XLINK):
            local = _LOCAL.fullmatch(value.strip())
            embedded = element in ("image", "feImage") and _EMBEDDED.fullmatch(value.strip())
            if not (local or embedded):
                self._refuse(
                    f'has <{element} href="{value[:60]}">: only references inside the file '
                    "(#id) or embedded PNG, JPEG, GIF or WebP images are allowed"
                )
        elif _STYLE_URL.search(value):
            self._refuse(f"has a {name} that loads something from outside the file")

    def endElementNS(self, name, qname):  # type: ignore[no-untyped-def]
        if self.metadata_depth:
            self.metadata_depth -= 1
        if name == (SVG, "style"):
            self.style_depth -= 1

    def characters(self, content: str) -> None:
        if self.style_depth and _STYLE_URL.search(content):
            self._refuse("has a <style> that loads something from outside the file (url, @import)")

    def processingInstruction(self, target: str, data: str) -> None:
        self._refuse(f"has an <?{target}?> instruction (a style sheet), which loads another file")


def svg_problem(data: bytes) -> str | None:
    """Why an SVG file is not an inert drawing, with the line in the SVG, or None."""
    checker = _SvgChecker()
    parser = defusedxml.sax.make_parser()
    parser.setFeature(xml.sax.handler.feature_namespaces, True)
    # The DOCTYPE drawing programs write names the SVG 1.1 DTD on the web: it is allowed
    # and never fetched (external entities are off); entity declarations stay refused.
    parser.setFeature(xml.sax.handler.feature_external_ges, False)
    parser.setFeature(xml.sax.handler.feature_external_pes, False)
    parser.forbid_external = False
    parser.setContentHandler(checker)
    try:
        parser.parse(io.BytesIO(data))
    except _Refused as e:
        return f"{e.message} (line {e.line} of the SVG): remove it, the build publishes only plain drawings"
    except defusedxml.DefusedXmlException:
        return "declares a DTD or entities, which can read other files: remove the <!DOCTYPE>"
    except xml.sax.SAXParseException as e:
        return f"is not well-formed XML ({e.getMessage()}, line {e.getLineNumber()} of the SVG): export it again"
    if not checker.seen_root:
        return "is empty: export the drawing again"
    return None
