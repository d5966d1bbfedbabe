"""The public site: which path is which page or file, built from storage/ on the connection it is given."""

from __future__ import annotations

import math
import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

import aiosqlite

from public import archive, catalog, charts, data, templates
from public.language import Language
from public.links import Links, file_path
from public.text import day, iso, part, said, script_of, web_link, when
from public.way_in import qr_svg, round_join, way_in
from reports import round_findings
from reports.said import duration_text
from storage import catalogue, irm, public, search
from storage.publishing import PublishMode, immediate
from storage.rounds import RoundState

ASSETS = Path(__file__).resolve().parent / "static"
HTML = "text/html; charset=utf-8"
CSS = "text/css; charset=utf-8"
SVG = "image/svg+xml"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
SCHEMA_TYPES = {".json": "application/schema+json; charset=utf-8", ".txt": "text/plain; charset=utf-8"}


@dataclass(frozen=True)
class SiteConfig:
    """The settings the site reads (OGP_PUBLISH, OGP_PUBLIC_*), and the time zone dates are shown in."""

    publish: PublishMode
    base_url: str | None
    licence: str
    licence_url: str | None
    contact: str | None
    tz: ZoneInfo
    page_size: int = 20
    telegram_username: str | None = None  # the bot's @username, without the @
    whatsapp_number: str | None = None  # digits with the country code, when WhatsApp is configured
    snapshots: Path | None = None  # where the dated snapshots are kept (None: none are served)


@dataclass(frozen=True)
class Alternate:
    """The same page in one of the site's languages (for hreflang links and the language switch)."""

    lang: Language
    path: str


@dataclass(frozen=True)
class Page:
    """A built page or file."""

    body: bytes
    content_type: str
    status: int = 200


@dataclass(frozen=True)
class Redirect:
    """The canonical site path of a page asked for without its trailing slash."""

    target: str


Result = Page | Redirect
Builder = Callable[..., Awaitable[Result | None]]

_DIGITS = r"([1-9]\d{0,8})"
_LOCALISED: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(""), "home"),
    (re.compile(r"open-data/updates\.atom"), "feed"),  # the feed's titles are in the page's language
    (re.compile(rf"commitments/{_DIGITS}/"), "commitment"),
    (re.compile(rf"commitments/{_DIGITS}/page/{_DIGITS}/"), "commitment"),
    (re.compile(rf"rounds/{_DIGITS}/"), "round"),
    (re.compile(rf"rounds/{_DIGITS}/report\.docx"), "report"),
    (re.compile(rf"recommendations/{_DIGITS}/"), "recommendation"),
    (re.compile("open-data/"), "card"),
    (re.compile("open-data/snapshots/"), "snapshots"),
)
_SLASHLESS = re.compile(
    rf"(commitments/{_DIGITS}(/page/{_DIGITS})?|rounds/{_DIGITS}|recommendations/{_DIGITS}|open-data(/snapshots)?)"
)
SUMS = "open-data/snapshots/SHA256SUMS"
TEXT = "text/plain; charset=utf-8"
FEED = "updates.atom"
_DATA_FILES = {f.name for f in data.files()} - {FEED}
_SCHEMA_FILES = {f.schema for f in data.files()}


class Site:
    """Every page and file of the public site; the same builders serve requests and write the static copy."""

    def __init__(
        self,
        config: SiteConfig,
        languages: tuple[Language, ...],
        *,
        static: bool = False,
        now: Callable[[], datetime] | None = None,
    ) -> None:
        self.config = config
        self.now = now or (lambda: datetime.now(UTC))
        self.way_in = way_in(config)
        self._crowd_cache: tuple[int, public.AuthorCrowds] | None = None
        # A prefixed language (en/) is tried before the unprefixed first one, which would otherwise take its paths.
        self.languages = tuple(sorted(languages, key=lambda lang: -len(lang.prefix)))
        self.ordered = tuple(languages)  # the first language first, as the switch and hreflang list them
        self.first = languages[0]
        self.static = static
        self.data_config = data.DataConfig(config.publish, config.licence, config.licence_url, config.tz)

    def links(self, here: str) -> Links:
        """Return the links as seen from one site path."""
        return Links(here, static=self.static, base_url=self.config.base_url)

    async def render(self, conn: aiosqlite.Connection, path: str) -> Result | None:
        """Build the page or file at a site path ("" is the front page); None when there is none."""
        shared = await self._shared(conn, path)
        if shared is not None:
            return shared
        for lang in self.languages:
            if path.startswith(lang.prefix) or path + "/" == lang.prefix:
                return await self._localised(conn, lang, path)
        return None

    async def _shared(self, conn: aiosqlite.Connection, path: str) -> Result | None:
        if path == "assets/site.css":
            return Page((ASSETS / "site.css").read_bytes(), CSS)
        if path == "assets/icon.svg":
            return Page((ASSETS / "icon.svg").read_bytes(), SVG)
        if path.startswith("open-data/schemas/") and path.removeprefix("open-data/schemas/") in _SCHEMA_FILES:
            name = path.removeprefix("open-data/schemas/")
            return Page((data.SCHEMAS / name).read_bytes(), SCHEMA_TYPES[Path(name).suffix])
        if path.startswith("open-data/") and path.removeprefix("open-data/") in _DATA_FILES:
            return await self._data_file(conn, path.removeprefix("open-data/"))
        if path in (f"open-data/{catalog.DATAPACKAGE}", f"open-data/{catalog.DCAT}"):
            return await self._catalog(conn, path)
        if path == SUMS:
            found = await archive.archived(conn, self.config.snapshots)
            lines = [f"{f.sha256}  {a.folder}/{f.name}\n" for a in found for f in a.files]
            return Page("".join(lines).encode("utf-8"), TEXT)
        if path.startswith(archive.PREFIX) and path.count("/") == 3:
            body = await archive.archived_file(conn, self.config.snapshots, path)
            return Page(body, _snapshot_type(path)) if body is not None else None
        return None

    async def _catalog(self, conn: aiosqlite.Connection, path: str) -> Page:
        plan = await catalogue.active_plan(conn)
        title = self.first.pick(plan, "title") if plan else self.first.t("pub-feed-title")
        cfg, links = self.config, self.links(path)
        if path.endswith(catalog.DATAPACKAGE):
            return Page(catalog.datapackage(cfg.licence, cfg.licence_url, links, title), data.JSON_TYPE)
        newest = await public.newest_updates(conn, cfg.publish, 1)
        modified = newest[0].date.astimezone(cfg.tz).isoformat(timespec="seconds") if newest else None
        publisher = plan.owner_ar if plan else title
        body = catalog.dcat(cfg.licence, cfg.licence_url, links, title, publisher, modified)
        return Page(body, catalog.JSONLD_TYPE)

    async def _localised(self, conn: aiosqlite.Connection, lang: Language, path: str) -> Result | None:
        rest = path.removeprefix(lang.prefix)
        if path + "/" == lang.prefix:
            return Redirect(lang.prefix)
        for pattern, name in _LOCALISED:
            match = pattern.fullmatch(rest)
            if match:
                builder: Builder = getattr(self, f"_{name}")
                return await builder(conn, lang, path, *(int(g) for g in match.groups()))
        if _SLASHLESS.fullmatch(rest):
            return Redirect(path + "/")
        return None

    def language_of(self, path: str) -> Language:
        """Return the language a site path is in (by its prefix; the first language's paths have none)."""
        return next((lang for lang in self.languages if lang.prefix and path.startswith(lang.prefix)), self.first)

    def alternates(self, lang: Language, here: str) -> list[Alternate]:
        """Return the same page in every language, the first language first."""
        rest = here.removeprefix(lang.prefix)
        return [Alternate(other, other.prefix + rest) for other in self.ordered]

    def _html(
        self,
        lang: Language,
        here: str,
        template: str,
        status: int = 200,
        alternates: list[Alternate] | None = None,
        **context: object,
    ) -> Page:
        body = templates.render(
            template,
            t=lang.t,
            lang=lang,
            links=self.links(here),
            here=here,
            alternates=alternates if alternates is not None else self.alternates(lang, here),
            config=self.config,
            day=partial(day, tz=self.config.tz, lang=lang.code),
            when=partial(when, tz=self.config.tz, lang=lang.code),
            script_of=script_of,
            iso=partial(iso, tz=self.config.tz),
            said=said,
            part=part,
            pick=lang.pick,
            typed=lang.typed,
            web_link=web_link,
            file_path=file_path,
            duration=duration_text,
            way_in=self.way_in,
            join_link=partial(round_join, self.way_in),
            qr=qr_svg,
            today=self.now().astimezone(self.config.tz).date(),
            **context,
        )
        return Page(body, HTML, status)

    def not_found(self, lang: Language | None = None, here: str = "") -> Page:
        """Return the 404 page, in Arabic unless another language is given (its switch leads to each front page)."""
        homes = [Alternate(other, other.prefix) for other in self.ordered]
        return self._html(lang or self.first, here, "not_found.html", status=404, alternates=homes)

    async def _home(self, conn: aiosqlite.Connection, lang: Language, here: str) -> Result:
        today = self.now().astimezone(self.config.tz).date()
        plans = await public.plans(conn, self.config.publish, today, charts=True)
        active = next((p for p in plans if p.plan.active), None)
        earlier = [p for p in plans if not p.plan.active]
        found = await public.public_rounds(conn, self.config.publish)
        found.sort(key=lambda r: r.round.state is not RoundState.OPEN)  # open rounds first, the order kept otherwise
        return self._html(
            lang,
            here,
            "home.html",
            plan=active,
            earlier=earlier,
            rounds=found,
            answers_chart=partial(charts.answers, lang=lang),
            progress_chart=partial(charts.progress, lang=lang, day=partial(day, tz=self.config.tz, lang=lang.code)),
        )

    async def _commitment(
        self, conn: aiosqlite.Connection, lang: Language, here: str, number: int, page: int = 1
    ) -> Result:
        plans = await public.plans(conn, self.config.publish)
        active = next((p for p in plans if p.plan.active), None)
        summary = next((s for s in active.commitments if s.commitment.number == number), None) if active else None
        if summary is None:
            return self.not_found(lang, here)
        size = self.config.page_size
        pages = max(1, math.ceil(summary.published / size))
        if page == 1 and here.endswith("/page/1/"):
            return Redirect(f"{lang.prefix}commitments/{number}/")
        if page > pages:
            return self.not_found(lang, here)
        c = summary.commitment
        crowds = await self._crowds(conn)
        recs = await public.published_page(
            conn, c.id, self.config.publish, limit=size, offset=(page - 1) * size, crowds=crowds
        )

        def page_path(n: int) -> str:
            base = f"{lang.prefix}commitments/{number}/"
            return base if n == 1 else f"{base}page/{n}/"

        return self._html(
            lang,
            here,
            "commitment.html",
            c=c,
            s=summary,
            themes=await catalogue.list_themes(conn, c.id),
            irm=await irm.get_assessment(conn, c.id),
            values=[value.value for value, relevant in c.ogp_values().items() if relevant],
            supporting=catalogue.institutions(lang.pick(c, "supporting")),
            milestones=await catalogue.list_milestones(conn, c.id),
            updates=await public.commitment_updates(conn, c.id),
            recommendations=recs,
            page=page,
            pages=pages,
            page_path=page_path,
        )

    async def _crowds(self, conn: aiosqlite.Connection) -> public.AuthorCrowds:
        """Return the author crowds, counted once per data version (every commitment page shares them)."""
        version = await public.data_version(conn)
        if self._crowd_cache is None or self._crowd_cache[0] != version:
            self._crowd_cache = (version, await public.author_crowds(conn, self.config.publish))
        return self._crowd_cache[1]

    async def _round(self, conn: aiosqlite.Connection, lang: Language, here: str, round_id: int) -> Result:
        found = await public.public_round(conn, round_id)
        report = await round_findings.report_data(conn, round_id, publish=self.config.publish) if found else None
        if found is None or report is None:
            return self.not_found(lang, here)
        return self._html(
            lang,
            here,
            "round.html",
            r=found,
            attendance=report.attendance,
            hall=report.hall,
            findings=report.findings,
            recommendation_path=data.recommendation_path,
        )

    async def _report(self, conn: aiosqlite.Connection, lang: Language, here: str, round_id: int) -> Result:
        if await public.public_round(conn, round_id) is None:
            return self.not_found(lang, here)
        from reports.report_docx import build_report  # python-docx loads only when a report is asked for

        body = await build_report(
            conn,
            round_id=round_id,
            now=datetime.now(UTC),  # only a whole-plan report prints today's date; a round's prints its own
            messages=lang.messages,
            tz=self.config.tz,
            publish=self.config.publish,
        )
        return Page(body, DOCX)

    async def _card(self, conn: aiosqlite.Connection, lang: Language, here: str) -> Result:
        return self._html(lang, here, "open_data.html", files=data.files(), crowd=public.CROWD)

    async def _snapshots(self, conn: aiosqlite.Connection, lang: Language, here: str) -> Result:
        found = await archive.archived(conn, self.config.snapshots)
        return self._html(lang, here, "snapshots.html", snapshots=found)

    async def _recommendation(self, conn: aiosqlite.Connection, lang: Language, here: str, rec_id: int) -> Result:
        rec = await public.published_one(conn, rec_id, self.config.publish, await self._crowds(conn))
        if rec is None:
            return self.not_found(lang, here)
        active = await catalogue.active_plan(conn)
        commitment = await catalogue.get_commitment(conn, rec.commitment_id)
        round_ = await public.public_round(conn, rec.round_id) if rec.round_id is not None else None
        return self._html(
            lang,
            here,
            "recommendation.html",
            r=rec,
            c=commitment,
            on_site=active is not None and active.id == rec.plan_id,
            round=round_,
            trail=await public.answer_trail(conn, rec_id),
        )

    async def search(self, conn: aiosqlite.Connection, lang: Language, words: str, page: int) -> Page:
        """Build /search?q=: a plain form, and one page of the published text matching every word, newest first."""
        here, size = f"{lang.prefix}search", self.config.page_size
        total, found = await search.find(
            conn,
            words,
            commitments=None,
            limit=size,
            offset=(page - 1) * size,
            published=True,
            immediate=bool(immediate(self.config.publish)),
        )
        pages = max(1, math.ceil(total / size))
        if page > pages:
            return self.not_found(lang, here)

        def page_path(n: int, prefix: str = lang.prefix) -> str:
            return f"{prefix}search?" + urlencode({"q": words} | ({"page": n} if n > 1 else {}))

        alternates = [
            Alternate(other, page_path(page, other.prefix) if words else other.prefix + "search")
            for other in self.ordered
        ]
        return self._html(
            lang,
            here,
            "search.html",
            alternates=alternates,
            words=words,
            total=total,
            found=found,
            page=page,
            pages=pages,
            page_path=page_path,
            recommendation_path=data.recommendation_path,
        )

    async def _data_file(self, conn: aiosqlite.Connection, name: str) -> Page:
        here = f"open-data/{name}"
        cfg, links = self.data_config, self.links(here)
        if name == "commitments.json":
            return Page(await data.commitments_json(conn, cfg, links), data.JSON_TYPE)
        if name == "updates.json":
            return Page(await data.updates_json(conn, cfg, links), data.JSON_TYPE)
        if name == "recommendations.json":
            return Page(await data.recommendations_json(conn, cfg, links), data.JSON_TYPE)
        if name == "recommendations.csv":
            return Page(await data.recommendations_csv(conn, cfg, links), data.CSV_TYPE)
        if name == "meetings.json":
            return Page(await data.meetings_json(conn, cfg, links), data.JSON_TYPE)
        raise ValueError(f"not a shared data file: {name}")

    async def _feed(self, conn: aiosqlite.Connection, lang: Language, here: str) -> Page:
        plan = await catalogue.active_plan(conn)
        plan_id, title = (plan.id, lang.pick(plan, "title")) if plan else ("none", "")
        author = lang.pick(plan, "owner") if plan else lang.t("pub-feed-title")
        atom = await data.updates_atom(conn, self.data_config, lang, self.links(here), plan_id, title, author)
        return Page(atom, data.ATOM_TYPE)

    async def paths(self, conn: aiosqlite.Connection) -> list[str]:
        """Return every site path there is: each language's pages, the shared files, the stylesheet."""
        found = ["assets/site.css", "assets/icon.svg"]
        found += [f"open-data/{f.name}" for f in data.files()]
        found += sorted({f"open-data/schemas/{f.schema}" for f in data.files()})
        found += [f"open-data/{catalog.DATAPACKAGE}", f"open-data/{catalog.DCAT}", SUMS]
        for snap in await archive.archived(conn, self.config.snapshots):
            found += [f"{archive.PREFIX}{snap.folder}/{f.name}" for f in snap.files]
        published = await public.published_ids(conn, self.config.publish)
        plans = await public.plans(conn, self.config.publish)
        active = next((p for p in plans if p.plan.active), None)
        listed = await public.public_rounds(conn, self.config.publish)
        for lang in self.languages:
            found += [lang.prefix, f"{lang.prefix}open-data/", f"{lang.prefix}open-data/snapshots/"]
            found += [data.recommendation_path(n, lang.prefix) for n in published]
            if lang.prefix:  # the first language's feed is among the shared files' paths
                found.append(f"{lang.prefix}open-data/{FEED}")
            for s in active.commitments if active else ():
                pages = max(1, math.ceil(s.published / self.config.page_size))
                base = f"{lang.prefix}commitments/{s.commitment.number}/"
                found += [base] + [f"{base}page/{n}/" for n in range(2, pages + 1)]
            for r in listed:
                found += [f"{lang.prefix}rounds/{r.round.id}/", f"{lang.prefix}rounds/{r.round.id}/report.docx"]
        return found


def _snapshot_type(path: str) -> str:
    suffix = Path(path).suffix
    return {".json": data.JSON_TYPE, ".csv": data.CSV_TYPE}.get(suffix, "application/octet-stream")


def dynamic_keys() -> set[str]:
    """Return the catalogue keys the templates build at run time from values."""
    keys = {f"pub-round-state-{s.value}" for s in RoundState if s is not RoundState.DRAFT}
    keys |= {f"pub-data-published-{m.value}" for m in PublishMode}
    for f in data.files():
        keys |= {f"pub-file-{f.anchor}", f"pub-file-format-{f.kind}"}
        keys |= {f"pub-field-{field}" for field in f.fields}
    return keys
