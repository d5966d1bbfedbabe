"""Wiring the public tracker into `ogp-bot run`: the site on the bot's web server, off when OGP_PUBLIC_SITE=off."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import AsyncIterator, Callable
from datetime import datetime

from bot.core import Core
from bot.public_routes import mount
from bot.settings import Settings
from bot.web import WebServer
from public.language import languages
from public.live import LiveSite
from public.site import Site, SiteConfig

log = logging.getLogger(__name__)


def site_config(settings: Settings) -> SiteConfig:
    """Return the site's settings."""
    return SiteConfig(
        publish=settings.publish,
        base_url=settings.public_base_url,
        licence=settings.public_licence,
        licence_url=settings.public_licence_url,
        contact=settings.public_contact or None,
        tz=settings.zone,
        telegram_username=(settings.telegram_username or "").lstrip("@") or None,
        whatsapp_number=_digits(settings.whatsapp_number) if settings.whatsapp_enabled else None,
        snapshots=settings.snapshot_folder,
    )


def _digits(number: str | None) -> str | None:
    """Return a phone number as wa.me wants it: digits only, with the country code."""
    digits = "".join(c for c in number or "" if c.isdigit())
    return digits or None


def site(settings: Settings, *, static: bool = False, now: Callable[[], datetime] | None = None) -> Site:
    """Return the site in its languages: Arabic at the root, English under /en/ (now: the clock for "days since")."""
    return Site(site_config(settings), languages(), static=static, now=now)


async def mount_public_site(server: WebServer, core: Core) -> LiveSite | None:
    """Open the site's read-only connections and add its routes to the server (before it starts); None when off."""
    if not core.settings.public_site:
        return None
    live = LiveSite(core.settings.database, site(core.settings, now=core.clock.now), core.clock.now)
    await live.start()
    mount(server, live, core.receiver.store)
    return live


@contextlib.asynccontextmanager
async def public_site_alone(core: Core) -> AsyncIterator[WebServer | None]:
    """Serve the public site while the block runs (the terminal chat of `ogp-bot run`), when it is on."""
    if not core.settings.public_site:
        yield None
        return
    server = WebServer(core.settings.webhook_host, core.settings.webhook_port)
    live = await mount_public_site(server, core)
    try:
        try:
            await server.start()
        except OSError as error:  # nothing asked for this server: the chat goes on without it
            log.warning(
                "the public site is off: %s:%d cannot be used (%s); set OGP_WEBHOOK_PORT to a free port",
                server.host,
                server.port,
                os.strerror(error.errno).lower() if error.errno else error,
            )
            yield None
            return
        log.info("public site on %s/", server.url)
        yield server
    finally:
        await server.stop()
        if live is not None:
            await live.close()
