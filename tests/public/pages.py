"""Reading the site's HTML as a test: headings, links, text."""

from __future__ import annotations

import itertools
import re
from html.parser import HTMLParser


class Outline(HTMLParser):
    """Collects headings (level, text), link targets, the html element's lang/dir and the visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[tuple[int, str]] = []
        self.links: list[str] = []
        self.html_attrs: dict[str, str | None] = {}
        self.text: list[str] = []
        self._heading: int | None = None
        self._buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.html_attrs = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self._heading, self._buffer = int(tag[1]), []
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append(href)

    def handle_endtag(self, tag: str) -> None:
        if self._heading is not None and tag == f"h{self._heading}":
            self.headings.append((self._heading, "".join(self._buffer).strip()))
            self._heading = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._heading is not None:
            self._buffer.append(data)


def outline(body: bytes) -> Outline:
    """Parse a page."""
    parser = Outline()
    parser.feed(body.decode("utf-8"))
    return parser


def headings_in_order(levels: list[int]) -> bool:
    """Tell whether a page starts at one h1 and never skips a level going down."""
    if not levels or levels[0] != 1 or levels.count(1) != 1:
        return False
    return all(b <= a + 1 for a, b in itertools.pairwise(levels))


def visible(body: bytes) -> str:
    """Return the page's text, whitespace folded."""
    return " ".join("".join(outline(body).text).split())


class _Isolation(HTMLParser):
    """Finds text with a bidi embedding or override that is neither closed in place nor inside an isolate."""

    OPENERS = "\u202a\u202b\u202d\u202e"

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []
        self.loose: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("meta", "link", "br", "img", "input"):
            return
        self.stack.append(tag == "bdi" or (tag != "html" and dict(attrs).get("dir") is not None))

    def handle_endtag(self, tag: str) -> None:
        if tag not in ("meta", "link", "br", "img", "input") and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if any(self.stack) or not any(c in data for c in self.OPENERS):
            return
        opened = sum(data.count(c) for c in self.OPENERS)
        if data.count("\u202c") < opened:
            self.loose.append(data)


def loose_bidi(body: bytes) -> list[str]:
    """Return text whose bidi overrides could reorder what follows them on the page."""
    parser = _Isolation()
    parser.feed(body.decode("utf-8"))
    return parser.loose
