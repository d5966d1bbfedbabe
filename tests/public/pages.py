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
