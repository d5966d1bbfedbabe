"""How a page tells people to take part: the bot on Telegram, WhatsApp's click-to-chat, and a QR code of the first."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import TYPE_CHECKING

import segno
from markupsafe import Markup

from storage.rounds import Round, RoundState

if TYPE_CHECKING:
    from public.site import SiteConfig


@dataclass(frozen=True)
class WayIn:
    """The links every page shows (None: that channel is not configured)."""

    telegram: str | None
    whatsapp: str | None
    qr: Markup | None  # an inline SVG of the Telegram link (else WhatsApp's)


def qr_svg(link: str) -> Markup:
    """Return a QR code of a link as inline SVG, hidden from screen readers (the link beside it is the text)."""
    buffer = io.BytesIO()
    segno.make(link, error="m").save(buffer, kind="svg", scale=3, border=2, xmldecl=False, svgns=True, nl=False)
    svg = buffer.getvalue().decode("utf-8")
    tagged = svg.replace("<svg ", '<svg class="qr" aria-hidden="true" focusable="false" ', 1)
    return Markup(tagged)  # noqa: S704 - segno's own SVG of a link from the settings


def way_in(config: SiteConfig) -> WayIn:
    """Return the ways in the settings allow."""
    telegram = f"https://t.me/{config.telegram_username}" if config.telegram_username else None
    whatsapp = f"https://wa.me/{config.whatsapp_number}" if config.whatsapp_number else None
    first = telegram or whatsapp
    return WayIn(telegram, whatsapp, qr_svg(first) if first else None)


def round_join(way: WayIn, found: Round) -> str | None:
    """Return the link that joins a round in the bot, only while it is open and a coordinator chose to publish it."""
    if way.telegram is None or not found.public_join or found.state is not RoundState.OPEN:
        return None
    return f"{way.telegram}?start={found.link_payload}"
