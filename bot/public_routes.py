"""The public site on the bot's web server (the HTTP side of public/): ETag and Last-Modified, 304, redirects, a 404."""

from __future__ import annotations

import asyncio
import re
from email.utils import format_datetime, parsedate_to_datetime
from urllib.parse import quote

from aiohttp import web

from bot.web import WebServer
from public.language import Language
from public.live import LiveSite, Served
from public.site import Page, Redirect
from storage.files import FileStore
from storage.filetypes import Format

# Pages hold no script and load only their own stylesheet; nothing on them may frame, post or phone home.
SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
# The search page's own form submits to itself (a plain GET); no other page has a form.
SEARCH_HEADERS = {
    **SECURITY_HEADERS,
    "Content-Security-Policy": SECURITY_HEADERS["Content-Security-Policy"].replace(
        "form-action 'none'", "form-action 'self'"
    ),
}
SEARCH_CHARS = 200  # longer words are cut, not refused
MAX_PAGE = 10_000
# Browsers and proxies keep a copy but ask again each time: a 304 is cheap, and /forget must show at once.
CACHE_CONTROL = "no-cache"
_TOP = ("commitments", "rounds", "recommendations", "open-data", "assets")
_SHA = re.compile(r"^[0-9a-f]{64}$")
_SHOWN_INLINE = frozenset({Format.JPEG.value, Format.PNG.value, Format.PDF.value})  # the rest is downloaded
# An uploaded file is served as what it is and nothing more: no script, no plugin, no sniffing into HTML.
FILE_HEADERS = {**SECURITY_HEADERS, "Content-Security-Policy": "default-src 'none'; sandbox"}
# The open data may be read by any site's script (a newsroom's chart, a portal's preview): it is public anyway.
CORS = {"Access-Control-Allow-Origin": "*"}
_OPEN_DATA = re.compile(r"^([a-z]{2}/)?open-data/")
# Text compresses to a fraction; a .docx or an image is compressed already.
_COMPRESSIBLE = re.compile(r"^(text/|application/(json|atom\+xml|ld\+json|schema\+json)|image/svg\+xml)")


def mount(server: WebServer, live: LiveSite, store: FileStore | None = None) -> None:
    """Add the site's GET and HEAD routes (before the server starts); with a store, the evidence files too."""

    async def handler(request: web.Request) -> web.StreamResponse:
        return await respond(live, request)

    if store is not None:

        async def evidence(request: web.Request) -> web.StreamResponse:
            return await serve_evidence(live, store, request)

        for method in ("GET", "HEAD"):
            server.add_route(method, "/files/{sha}/{name}", evidence)

    for lang in live.site.languages:

        async def searched(request: web.Request, lang: Language = lang) -> web.StreamResponse:
            return await search(live, lang, request)

        server.add_route("GET", f"/{lang.prefix}search", searched)
        server.add_route("HEAD", f"/{lang.prefix}search", searched)

    prefixes = sorted({lang.prefix for lang in live.site.languages})
    tops = "|".join(_TOP)
    for prefix in prefixes:
        paths = [f"/{prefix}", f"/{prefix}{{tail:(?:{tops})(?:/.*)?}}"]
        if prefix:
            paths.append(f"/{prefix.rstrip('/')}")
        for path in paths:
            server.add_route("GET", path, handler)
            server.add_route("HEAD", path, handler)


async def search(live: LiveSite, lang: Language, request: web.Request) -> web.Response:
    """Answer /search?q=words&page=n over what is published; odd input gets the form and a clear answer."""
    words = " ".join(request.query.get("q", "").split())[:SEARCH_CHARS]
    asked = request.query.get("page", "1")
    page = min(int(asked), MAX_PAGE) if asked.isascii() and asked.isdigit() and int(asked) > 0 else 1
    found = await live.search(lang, words, page)
    headers = {**SEARCH_HEADERS, "Cache-Control": CACHE_CONTROL}
    content_type, _, charset = found.content_type.partition("; charset=")
    return web.Response(
        body=found.body, status=found.status, content_type=content_type, charset=charset, headers=headers
    )


async def serve_evidence(live: LiveSite, store: FileStore, request: web.Request) -> web.StreamResponse:
    """Serve an officer's evidence file at files/<sha256>/<name>: only while a progress report holds it."""
    digest = request.match_info["sha"]
    found = await live.evidence(digest) if _SHA.match(digest) else None
    data = await asyncio.to_thread(store.read, digest) if found is not None else None
    if found is None or data is None:
        return _page(live.site.not_found(), None)
    evidence, mime = found
    etag = f'"{digest}"'
    if etag in {tag.strip().removeprefix("W/") for tag in request.headers.get("If-None-Match", "").split(",")}:
        return web.Response(status=304, headers={"ETag": etag, "Cache-Control": CACHE_CONTROL})
    how = "inline" if evidence.format in _SHOWN_INLINE else "attachment"
    headers = {
        **FILE_HEADERS,
        "ETag": etag,
        "Cache-Control": CACHE_CONTROL,
        "Content-Disposition": f"{how}; filename*=UTF-8''{quote(evidence.name, safe='')}",
    }
    return web.Response(body=data, content_type=mime, headers=headers)


async def respond(live: LiveSite, request: web.Request) -> web.StreamResponse:
    """Answer one request for a site path."""
    path = request.path.removeprefix("/")
    served = await live.get(path)
    extra = CORS if _OPEN_DATA.match(path) else {}
    if served is None:
        return _page(live.site.not_found(live.site.language_of(path)), None, extra)
    if isinstance(served.result, Redirect):
        raise web.HTTPMovedPermanently(location="/" + served.result.target, headers=extra)
    if _not_modified(request, served):
        return web.Response(status=304, headers={**_validators(served), **extra})
    return _page(served.result, served, extra)


def _validators(served: Served) -> dict[str, str]:
    return {
        "ETag": served.etag,
        "Last-Modified": format_datetime(served.last_modified.replace(microsecond=0), usegmt=True),
        "Cache-Control": CACHE_CONTROL,
    }


def _page(page: Page, served: Served | None, extra: dict[str, str] | None = None) -> web.Response:
    headers = {**SECURITY_HEADERS, **(_validators(served) if served and page.status == 200 else {}), **(extra or {})}
    content_type, _, charset = page.content_type.partition("; charset=")
    response = web.Response(
        body=page.body, status=page.status, content_type=content_type, charset=charset or None, headers=headers
    )
    if _COMPRESSIBLE.match(content_type):
        response.headers["Vary"] = "Accept-Encoding"
        response.enable_compression()  # gzip or deflate when the client accepts it, else as it is
    return response


def _not_modified(request: web.Request, served: Served) -> bool:
    """Apply RFC 9110: If-None-Match when present, else If-Modified-Since."""
    if not isinstance(served.result, Page) or served.result.status != 200:
        return False
    match = request.headers.get("If-None-Match")
    if match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in match.split(",")}
        return "*" in tags or served.etag in tags
    since = request.headers.get("If-Modified-Since")
    if since is None:
        return False
    try:
        stamp = parsedate_to_datetime(since)
    except (TypeError, ValueError):
        return False
    if stamp.tzinfo is None:
        return False
    return served.last_modified.replace(microsecond=0) <= stamp
