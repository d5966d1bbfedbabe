"""Every page in a real browser, in both languages: Arabic right to left, English (/en/) left to right, no console
errors, links answer, keyboard reaches them, no overflow."""

from __future__ import annotations

import asyncio
import os
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import quote

import aiohttp
import pytest

from bot.core import Core
from bot.public_site import site_config
from public.language import languages
from public.site import Site
from storage.database import open_reader
from tests.public import browser
from tests.public.world import ANSWERED, build_world, fetch, serving, site_for
from tests.support import RecordingTransport

pytestmark = pytest.mark.timeout(300)

# What each page is checked for, in the page itself, once every stylesheet's rules are there: read at once after
# the navigation, an /en/ page was seen without its (revalidated, no-cache) stylesheet applied on a busy machine.
_PAGE_FACTS = """
const done = arguments[arguments.length - 1];
const sheets = () => Array.from(document.querySelectorAll('link[rel=stylesheet]'));
const applied = link => {
  try { return link.sheet !== null && link.sheet.cssRules.length > 0; } catch (e) { return false; }
};
const facts = () => {
  const links = Array.from(document.querySelectorAll('a[href]'));
  return {
    direction: getComputedStyle(document.documentElement).direction,
    bodyDirection: getComputedStyle(document.body).direction,
    lang: document.documentElement.lang,
    links: links.map(a => a.href),
    imagesWithoutAlt: document.querySelectorAll('img:not([alt])').length,
    overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    stylesheetLoaded: getComputedStyle(document.body).maxWidth !== 'none',
  };
};
const settled = () => document.readyState === 'complete' && sheets().every(applied);
const check = () => settled() ? done(facts()) : setTimeout(check, 10);
check();
"""
STYLESHEET_WAIT = 60  # seconds for a page's stylesheet to apply: a bound on a condition, never a pause


def page_facts(chrome: Any) -> dict[str, Any]:
    """Return the facts of the page on screen, once its stylesheets apply (a timeout when they never do)."""
    chrome.set_script_timeout(STYLESHEET_WAIT)
    facts: dict[str, Any] = chrome.execute_async_script(_PAGE_FACTS)
    return facts


@pytest.fixture
def driver(tmp_path: Path) -> Any:
    """A headless Chromium; the test is skipped, loudly, when Debian's packages are missing."""
    if not browser.available():
        if os.environ.get("CI"):  # .ci/run installs them: missing there is a broken CI, not a skip
            pytest.fail(browser.MISSING)
        pytest.skip(browser.MISSING)
    chrome = browser.start(tmp_path / "profile")
    yield chrome
    chrome.quit()


def _tab_through(chrome: Any, limit: int) -> set[str]:
    """Press Tab from the top of the page and return the links that took the focus."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    reached: set[str] = set()
    chrome.execute_script("document.activeElement && document.activeElement.blur(); window.scrollTo(0, 0);")
    for _ in range(limit):
        ActionChains(chrome).send_keys(Keys.TAB).perform()
        href = chrome.execute_script("const e = document.activeElement; return e && e.href ? e.href : null;")
        if href:
            reached.add(href)
    return reached


async def test_every_page_in_a_browser(driver: Any, core: Core, transport: RecordingTransport) -> None:
    world = await build_world(core, transport)
    conn = await open_reader(core.settings.database)
    try:
        pages = [p for p in await site_for(core).paths(conn) if p == "" or p.endswith("/")]
    finally:
        await conn.close()
    assert f"rounds/{world.round_id}/" in pages and "commitments/4/" in pages
    assert f"en/rounds/{world.round_id}/" in pages and "en/commitments/4/" in pages and "en/open-data/" in pages
    found = quote(ANSWERED.split()[-1])  # the search page, bare and with results, in both languages
    pages += ["search", f"search?q={found}", "en/search", f"en/search?q={found}"]
    async with serving(core) as (base, _), aiohttp.ClientSession() as session:
        checked_links: dict[str, int] = {}
        for path in pages:
            await asyncio.to_thread(driver.get, f"{base}/{path}")
            facts = await asyncio.to_thread(page_facts, driver)
            errors = [e for e in await asyncio.to_thread(driver.get_log, "browser") if e["level"] == "SEVERE"]
            assert errors == [], (path, errors)
            expected = ("ltr", "ltr", "en") if path.startswith("en/") else ("rtl", "rtl", "ar")
            assert (facts["direction"], facts["bodyDirection"], facts["lang"]) == expected, path
            assert facts["imagesWithoutAlt"] == 0 and facts["overflow"] <= 0, (path, facts["overflow"])
            assert facts["stylesheetLoaded"], path
            local = {href for href in facts["links"] if href.startswith(base)}
            for href in local - checked_links.keys():
                checked_links[href] = (await fetch(session, href.split("#")[0]))[0]
            assert {h: checked_links[h] for h in local if checked_links[h] != 200} == {}, path
            reached = await asyncio.to_thread(_tab_through, driver, len(facts["links"]) + 3)
            assert set(facts["links"]) <= reached, (path, set(facts["links"]) - reached)
        assert len(checked_links) > 10
    screenshot = await asyncio.to_thread(driver.get_screenshot_as_png)
    assert screenshot[:8] == b"\x89PNG\r\n\x1a\n"


async def test_a_long_word_wraps_on_a_phone(driver: Any, core: Core, transport: RecordingTransport) -> None:
    from storage import publishing
    from tests.loop_support import recommend, registered

    author = await registered(core, transport, "1001", "سلمى")
    await recommend(author, 1, "كلمة " + "ب" * 1995)  # a recommendation needs two words; one of them as long as can be
    async with core.db.transaction() as conn:
        await publishing.approve_waiting(conn, 1, core.clock.now())
    async with serving(core) as (base, _):
        await asyncio.to_thread(driver.get, f"{base}/commitments/1/")
        facts = await asyncio.to_thread(page_facts, driver)
    assert facts["overflow"] <= 0 and facts["direction"] == "rtl"


async def test_screenshots_for_the_readme(driver: Any, core: Core, tmp_path: Path) -> None:
    """Photograph / and a commitment on a phone-sized screen (OGP_SCREENSHOTS_DIR=docs to refresh the README's)."""
    from storage import catalogue, publishing
    from storage.models import Completion
    from tests.reports.sample import seed

    async with core.db.transaction() as conn:
        sample = await seed(conn, core.clock.now())
        await publishing.approve_waiting(conn, 1, core.clock.now())
        await conn.execute("UPDATE rounds SET state = 'closed'")
        await catalogue.add_status_update(
            conn,
            sample.commitments[1],
            Completion.LIMITED,
            35,
            core.clock.now(),
            note="دُرّبت 20 مؤسسة من أصل 62",
            evidence_url="https://modee.gov.jo/open-data",
        )
    folder = Path(os.environ.get("OGP_SCREENSHOTS_DIR") or tmp_path)
    async with serving(core) as (base, _):
        for path, name in (("", "public-home.png"), ("commitments/2/", "public-commitment.png")):
            await asyncio.to_thread(driver.get, f"{base}/{path}")
            await asyncio.to_thread(driver.save_screenshot, str(folder / name))
            assert (folder / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


async def test_the_five_commitments_fit_a_phones_first_screen(
    core: Core, transport: RecordingTransport, tmp_path: Path
) -> None:
    """On a 390x844 phone, every commitment's row ends inside the first screen, in both languages."""
    await build_world(core, transport)
    folder = Path(os.environ.get("OGP_SCREENSHOTS_DIR") or tmp_path)
    chrome = browser.start(tmp_path / "phone", width=390, height=844) if browser.available() else None
    if chrome is None:
        pytest.skip(browser.MISSING)
    try:
        metrics = {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True}
        await asyncio.to_thread(chrome.execute_cdp_cmd, "Emulation.setDeviceMetricsOverride", metrics)
        async with serving(core) as (base, _):
            for path in ("", "en/"):
                await asyncio.to_thread(chrome.get, f"{base}/{path}")
                facts = await asyncio.to_thread(
                    chrome.execute_script,
                    "return {rows: Array.from(document.querySelectorAll('.glance .row'))"
                    ".map(r => r.getBoundingClientRect().bottom), screen: window.innerHeight,"
                    " overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth};",
                )
                await asyncio.to_thread(
                    chrome.save_screenshot, str(folder / f"home-phone-{path.strip('/') or 'ar'}.png")
                )
                assert len(facts["rows"]) == 5, path
                assert max(facts["rows"]) <= facts["screen"], (path, facts)
                assert facts["overflow"] <= 0, path
    finally:
        chrome.quit()


async def test_axe_finds_nothing_on_any_page_type(driver: Any, core: Core, transport: RecordingTransport) -> None:
    """axe-core (npm's) on every kind of page in both languages: home, commitment and its page 2, round,
    recommendation, open data, snapshots, search with results."""
    from storage import publishing
    from tests.loop_support import recommend, registered

    world = await build_world(core, transport)
    await recommend(await registered(core, transport, "1201", "Sara"), 4, "Publish the complaint figures quarterly")
    async with core.db.transaction() as conn:  # a second published recommendation: commitment 4 has a page 2
        await publishing.approve_waiting(conn, 1, core.clock.now())
    site_ = Site(replace(site_config(core.settings), page_size=1), languages(), now=core.clock.now)
    kinds = [
        "",
        "commitments/4/",
        "commitments/4/page/2/",
        f"rounds/{world.round_id}/",
        f"recommendations/{world.answered_id}/",
        "open-data/",
        "open-data/snapshots/",
        f"search?q={quote(ANSWERED.split()[-1])}",
    ]
    source = browser.axe_source()
    found: dict[str, Any] = {}
    async with serving(core, site_) as (base, _), aiohttp.ClientSession() as session:
        for path in [*kinds, *(f"en/{k}" for k in kinds)]:
            status = (await fetch(session, f"{base}/{path}"))[0]
            assert status == 200, path
            await asyncio.to_thread(driver.get, f"{base}/{path}")
            await asyncio.to_thread(page_facts, driver)
            violations = await asyncio.to_thread(browser.axe_violations, driver, source)
            if violations:
                found[path] = violations
    assert found == {}
