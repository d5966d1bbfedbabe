"""The bot's one web server: channels mount their webhook routes on it before it starts."""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from typing import Any

from aiohttp import web

from bot import metrics

log = logging.getLogger(__name__)

RouteHandler = Callable[[web.Request], Awaitable[web.StreamResponse]]
MAX_BODY = 4 * 1024 * 1024  # webhook payloads are small; refuse anything larger
# A body read before anyone is authenticated (WhatsApp signs the body itself) is smaller still, and only so many are
# read at once: 100 strangers each trickling 4 MB in must not take the memory (they took it from 72 to 491 MB).
MAX_UNAUTHENTICATED_BODY = 1024 * 1024
UNAUTHENTICATED_READS = 16
READ_SLOT_WAIT = 2.0  # seconds a request waits for one of those reads before it is answered 503
BODY_TIMEOUT = 10.0  # seconds to receive a whole body
HEADER_TIMEOUT = 15.0  # seconds to receive a request's headers (and how long an idle connection stays open)
SHUTDOWN_TIMEOUT = 3.0  # seconds requests in progress get when the bot stops
LOOPBACK = ("127.0.0.1", "::1")  # the proxy's addresses when it runs on the same machine (deploy/Caddyfile)
TRUSTED_PROXIES: web.AppKey[tuple[str, ...]] = web.AppKey("trusted_proxies")


def client_address(request: web.Request, trusted: Sequence[str] = LOOPBACK) -> str | None:
    """Return who sent a request: the peer, or the first address X-Forwarded-For names beyond trusted proxies.

    The header is believed only from a trusted proxy (anyone else could write it), and read from the right, since a
    client may put any address in front of the ones the proxies add.
    """
    networks = [ipaddress.ip_network(entry, strict=False) for entry in trusted]
    address = request.remote
    hops = [part.strip() for part in ",".join(request.headers.getall("X-Forwarded-For", [])).split(",")]
    while address is not None and _within(address, networks) and hops and hops[-1]:
        address = hops.pop()
    return address


def _within(address: str, networks: Sequence[ipaddress.IPv4Network | ipaddress.IPv6Network]) -> bool:
    try:
        return any(ipaddress.ip_address(address) in network for network in networks)
    except ValueError:
        return False


@web.middleware
async def count_rejections(request: web.Request, handler: RouteHandler) -> web.StreamResponse:
    """Count every webhook delivery (a POST to a mounted route) answered with an error, by its reason."""
    try:
        response = await handler(request)
    except web.HTTPException as error:
        _count_rejection(request, error.status)
        raise
    except Exception:  # aiohttp answers it 500
        _count_rejection(request, 500)
        raise
    _count_rejection(request, response.status)
    return response


def _count_rejection(request: web.Request, status: int) -> None:
    resource = request.match_info.route.resource
    if request.method != "POST" or status < 400 or resource is None:
        return
    reason = metrics.REJECTION_REASONS.get(status, "error" if status >= 500 else str(status))
    metrics.WEBHOOK_REJECTIONS.labels(resource.canonical, reason).inc()
    trusted: tuple[str, ...] = request.app[TRUSTED_PROXIES]
    client = client_address(request, trusted)
    log.info("web: %s answered %d (%s) to %s", resource.canonical, status, reason, client)


class WebServer:
    """An aiohttp server on host:port shared by every channel that receives webhooks.

    Connections that do not finish their headers in time are closed, bodies are read against a deadline, and
    stopping waits for requests in progress only briefly, so a stranger's slow connections neither pile up nor
    hold up a SIGTERM.
    """

    def __init__(
        self,
        host: str,
        port: int,
        *,
        header_timeout: float = HEADER_TIMEOUT,
        body_timeout: float = BODY_TIMEOUT,
        unauthenticated_reads: int = UNAUTHENTICATED_READS,
        read_slot_wait: float = READ_SLOT_WAIT,
        shutdown_timeout: float = SHUTDOWN_TIMEOUT,
        trusted_proxies: Sequence[str] = LOOPBACK,
    ) -> None:
        self.host = host
        self.port = port
        self.header_timeout = header_timeout
        self.body_timeout = body_timeout
        self.shutdown_timeout = shutdown_timeout
        self.read_slot_wait = read_slot_wait
        self.app = web.Application(client_max_size=MAX_BODY, middlewares=[count_rejections])
        self.app[TRUSTED_PROXIES] = tuple(trusted_proxies)
        self.app.router.add_get("/healthz", self._health)
        self._checks: dict[str, Callable[[], bool]] = {}
        self._runner: web.AppRunner | None = None
        self._site: web.TCPSite | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self._unauthenticated = asyncio.Semaphore(unauthenticated_reads)

    def watch(self, name: str, alive: Callable[[], bool]) -> None:
        """Make /healthz answer 503 whenever alive() is False (a channel's loop that is not running)."""
        self._checks[name] = alive

    async def _health(self, _: web.Request) -> web.Response:
        down = [name for name, alive in self._checks.items() if not alive()]
        if down:
            return web.Response(status=503, text=f"not running: {', '.join(down)}")
        return web.Response(text="ok")

    def add_route(self, method: str, path: str, handler: RouteHandler) -> None:
        """Mount a handler (before start)."""
        self.app.router.add_route(method, path, handler)

    async def read_body(self, request: web.Request, *, authenticated: bool = False) -> bytes:
        """Return a request's body, read within body_timeout; raise an HTTP error (413, 408, 503) otherwise.

        An unauthenticated read (the sender is known only once the body is checked) takes one of a few slots and
        may be at most MAX_UNAUTHENTICATED_BODY long.
        """
        limit = MAX_BODY if authenticated else MAX_UNAUTHENTICATED_BODY
        if request.content_length is not None and request.content_length > limit:
            raise web.HTTPRequestEntityTooLarge(max_size=limit, actual_size=request.content_length)
        if authenticated:
            return await self._read(request, limit)
        try:
            async with asyncio.timeout(self.read_slot_wait):
                await self._unauthenticated.acquire()
        except TimeoutError:
            log.warning("web: too many unauthenticated bodies being read at once; answered 503")
            raise web.HTTPServiceUnavailable(text="busy") from None
        try:
            return await self._read(request, limit)
        finally:
            self._unauthenticated.release()

    async def _read(self, request: web.Request, limit: int) -> bytes:
        body = bytearray()
        try:
            async with asyncio.timeout(self.body_timeout):
                while chunk := await request.content.read(64 * 1024):
                    body += chunk
                    if len(body) > limit:
                        raise web.HTTPRequestEntityTooLarge(max_size=limit, actual_size=len(body))
        except TimeoutError:
            log.warning("web: a request body did not arrive within %.0fs; answered 408", self.body_timeout)
            raise web.HTTPRequestTimeout(text="body too slow") from None
        return bytes(body)

    def spawn(self, work: Coroutine[Any, Any, None], name: str) -> None:
        """Run work after the answer went out; stop() waits for it."""
        task = asyncio.create_task(work, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("background task %s failed", task.get_name(), exc_info=task.exception())

    async def drain(self) -> None:
        """Wait until the background work spawned so far is done."""
        while self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    @property
    def url(self) -> str:
        """Return the base URL the server listens on (with the real port when 0 was asked)."""
        return f"http://{self.host}:{self.port}"

    async def start(self) -> None:
        """Listen; with port 0 the system picks a free port, then available as .port."""
        self._runner = web.AppRunner(
            self.app,
            access_log=None,
            keepalive_timeout=self.header_timeout,  # counts from the connection's start until a request is whole
            shutdown_timeout=self.shutdown_timeout,
        )
        await self._runner.setup()
        self._site = web.TCPSite(self._runner, self.host, self.port)
        await self._site.start()
        server = self._site._server  # aiohttp exposes the bound port only here
        sockets = getattr(server, "sockets", None)
        if sockets:
            self.port = int(sockets[0].getsockname()[1])
        log.info("web server listening on %s:%d", self.host, self.port)

    async def stop(self) -> None:
        """Stop listening, then let background work finish."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        with contextlib.suppress(asyncio.CancelledError):
            await self.drain()
