"""Every page read as a screen reader would: text in the other script carries its own lang and dir (WCAG 3.1.2),
and every date on a page is a <time datetime> element."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import aiohttp

from bot.core import Core
from storage import publishing
from storage.database import open_reader
from tests.loop_support import recommend, registered, rows
from tests.public.world import build_world, fetch, serving, site_for
from tests.support import RecordingTransport

ENGLISH_INPUT = "Please publish the complaint statistics every quarter"
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]+")
_DATE = re.compile(r"\b\d{1,2}/\d{1,2}/\d{4}\b|\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b")
_VOID = {"meta", "link", "br", "img", "input", "hr", "source", "wbr"}
_SKIPPED = {"script", "style", "svg", "code"}  # not prose: scripts, rules, a chart's own title, field names
# File names, field names, formats and addresses (commitments.json, lead_agency_en, YYYY-MM-DD) are no language.
_IDENTIFIER = re.compile(r"\S*[._/:-]\S*")


class _Parts(HTMLParser):
    """Walks a page keeping the nearest lang and dir; collects text in the wrong language and bare dates."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None, str | None]] = []
        self.wrong: list[tuple[str, str, str | None]] = []
        self.bare_dates: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            found = dict(attrs)
            self.stack.append((tag, found.get("lang"), found.get("dir") or ("auto" if tag == "bdi" else None)))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and tag not in _VOID:
            if self.stack.pop()[0] == tag:
                break

    def _nearest(self, attr: int) -> str | None:
        return next((entry[attr] for entry in reversed(self.stack) if entry[attr]), None)

    def handle_data(self, data: str) -> None:
        tags = {entry[0] for entry in self.stack}
        if tags & _SKIPPED or "head" in tags:
            return
        if _DATE.search(data) and "time" not in tags:
            self.bare_dates.append(data.strip())
        words = _IDENTIFIER.sub(" ", data)
        arabic, latin = len(_ARABIC.findall(words)), len(_LATIN.findall(words))
        if arabic + latin < 3:  # a name, a code, an acronym: no phrase in another language
            return
        lang, direction = self._nearest(1), self._nearest(2)
        script = "ar" if arabic > latin else "en" if latin > arabic else lang
        if lang != script or direction not in ("auto", "rtl" if script == "ar" else "ltr"):
            self.wrong.append((data.strip()[:60], str(lang), direction))


def parts(body: bytes) -> _Parts:
    """Parse a page for its language of parts and its dates."""
    parser = _Parts()
    parser.feed(body.decode("utf-8"))
    return parser


async def _every_page(core: Core) -> dict[str, bytes]:
    """Fetch every HTML page of the site, in both languages, through the real server."""
    conn = await open_reader(core.settings.database)
    try:
        paths = [p for p in await site_for(core).paths(conn) if p == "" or p.endswith("/")]
    finally:
        await conn.close()
    paths += ["search?q=quarter", "en/search?q=quarter", "search?q=QZANSWERED", "en/search?q=QZANSWERED"]
    pages: dict[str, bytes] = {}
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        for path in paths:
            status, body, _ = await fetch(session, f"{base}/{path}")
            assert status == 200, path
            pages[path] = body
    return pages


async def _world_in_two_languages(core: Core, transport: RecordingTransport) -> None:
    """The shared world (Arabic input, shown on English pages) and one recommendation written in English."""
    await build_world(core, transport)
    writer = await registered(core, transport, "1201", "Sara")
    await recommend(writer, 4, ENGLISH_INPUT)
    [who] = await rows(core, "SELECT participant_id FROM identities WHERE external_id = '1201'")
    async with core.db.transaction() as conn:
        await publishing.approve_waiting(conn, who["participant_id"], core.clock.now())


async def test_text_in_the_other_script_says_its_language(core: Core, transport: RecordingTransport) -> None:
    await _world_in_two_languages(core, transport)
    [stored] = await rows(core, "SELECT text FROM recommendations WHERE text = ?", ENGLISH_INPUT)
    assert stored["text"] == ENGLISH_INPUT
    pages = await _every_page(core)
    assert ENGLISH_INPUT.encode() in pages["commitments/4/"] and "أُطلقت".encode() in pages["en/commitments/4/"]
    wrong = {path: found for path, body in pages.items() if (found := parts(body).wrong)}
    assert wrong == {}, "\n".join(f"{p}: {w}" for p, w in wrong.items())


async def test_every_date_on_every_page_is_a_time_element(core: Core, transport: RecordingTransport) -> None:
    await _world_in_two_languages(core, transport)
    pages = await _every_page(core)
    assert b"<time datetime=" in pages["commitments/4/"] and b"<time datetime=" in pages["en/"]
    bare = {path: found for path, body in pages.items() if (found := parts(body).bare_dates)}
    assert bare == {}
