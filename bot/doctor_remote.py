"""The doctor's checks of the services: Telegram, WhatsApp's Graph API, the public site over HTTPS, and the clock."""

from __future__ import annotations

import json
import ssl
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any

import aiohttp

from bot.clock import Clock
from bot.findings import Finding, bad, ok, skip
from bot.settings import Settings

CLOCK_SKEW_LIMIT = 30  # seconds; Telegram's and Meta's signatures and our reminders tolerate far less than minutes
PENDING_LIMIT = 100  # updates waiting at Telegram beyond which the bot is not keeping up (or not running)


class Unreachable(Exception):
    """A service did not answer at all."""


@dataclass
class Probe:
    """One HTTP session for every check; remembers each service's Date header to compare clocks."""

    http: aiohttp.ClientSession
    clock: Clock
    ssl_context: ssl.SSLContext | None = None
    dates: dict[str, float] = field(default_factory=dict)  # service -> its clock minus ours, in seconds

    async def get(self, service: str, url: str, **options: Any) -> tuple[int, Any]:
        """GET url; return the status and the JSON body (None when not JSON)."""
        try:
            async with self.http.get(url, ssl=self.ssl_context or True, **options) as response:
                body = _json(await response.read())
                self._note_date(service, response.headers.get("Date"))
                return response.status, body
        except aiohttp.ClientSSLError:
            raise
        except (aiohttp.ClientError, TimeoutError) as error:
            raise Unreachable(str(error) or type(error).__name__) from error

    def _note_date(self, service: str, header: str | None) -> None:
        if header and service not in self.dates:
            self.dates[service] = (parsedate_to_datetime(header) - self.clock.now()).total_seconds()


def _json(raw: bytes) -> Any:
    """Return a body's JSON, or None for a page that is not JSON."""
    try:
        return json.loads(raw)
    except ValueError:
        return None


async def telegram_findings(settings: Settings, probe: Probe) -> list[Finding]:
    """Check Telegram's getMe and getWebhookInfo against the configuration."""
    if settings.telegram_token is None:
        return [skip("doctor-skipped", what="Telegram", setting="OGP_TELEGRAM_TOKEN")]
    base = f"{settings.telegram_api_url}{settings.telegram_token.get_secret_value()}"
    try:
        status, me = await probe.get("Telegram", f"{base}/getMe")
        if status in (401, 404):
            return [bad("doctor-telegram-token", setting="OGP_TELEGRAM_TOKEN", where="@BotFather")]
        _, info = await probe.get("Telegram", f"{base}/getWebhookInfo")
    except Unreachable as error:
        return [bad("doctor-unreachable", service="Telegram", error=str(error), setting="OGP_TELEGRAM_API_URL")]
    found = [ok("doctor-telegram-ok", username=str(me["result"].get("username", "?")))]
    return found + _webhook_findings(settings, info["result"])


def _webhook_findings(settings: Settings, info: dict[str, Any]) -> list[Finding]:
    """Compare Telegram's webhook with the configured one; report waiting updates and the last delivery error."""
    actual, pending = str(info.get("url") or ""), int(info.get("pending_update_count", 0))
    wanted = settings.telegram_webhook_url or ""
    if actual != wanted:
        shown = actual or "—"
        return [bad("doctor-webhook-url", actual=shown, url=wanted or "—", setting="OGP_TELEGRAM_WEBHOOK_URL")]
    found: list[Finding] = []
    if info.get("last_error_message"):
        when = datetime.fromtimestamp(int(info.get("last_error_date", 0)), UTC).strftime("%Y-%m-%d %H:%M UTC")
        found.append(bad("doctor-webhook-error", when=when, error=str(info["last_error_message"])))
    if pending > PENDING_LIMIT:
        found.append(bad("doctor-webhook-pending", pending=pending))
    elif wanted:
        found.append(ok("doctor-webhook-ok", url=wanted, pending=pending))
    else:
        found.append(ok("doctor-webhook-polling", pending=pending))
    return found


async def whatsapp_findings(settings: Settings, probe: Probe) -> list[Finding]:
    """Check WhatsApp's token and phone number id, then each configured template in each configured language."""
    if not settings.whatsapp_enabled or settings.whatsapp_token is None:
        return [skip("doctor-skipped", what="WhatsApp", setting="OGP_WHATSAPP_TOKEN")]
    auth = {"Authorization": f"Bearer {settings.whatsapp_token.get_secret_value()}"}
    number_id = str(settings.whatsapp_phone_number_id)
    try:
        url = f"{settings.whatsapp_api_url}/{number_id}"
        status, body = await probe.get("WhatsApp", url, headers=auth, params={"fields": "display_phone_number"})
    except Unreachable as error:
        return [bad("doctor-unreachable", service="WhatsApp", error=str(error), setting="OGP_WHATSAPP_API_URL")]
    code = (body or {}).get("error", {}).get("code") if isinstance(body, dict) else None
    if status == 401 or code == 190:
        return [bad("doctor-whatsapp-token", setting="OGP_WHATSAPP_TOKEN")]
    if status != 200:
        return [bad("doctor-whatsapp-number", id=number_id, setting="OGP_WHATSAPP_PHONE_NUMBER_ID")]
    found = [ok("doctor-whatsapp-ok", number=str(body.get("display_phone_number", number_id)))]
    return found + await _template_findings(settings, probe, auth)


def _wanted_templates(settings: Settings) -> list[tuple[str, str]]:
    """Return every (template, language code) the bot may send."""
    names = {settings.whatsapp_template, *settings.whatsapp_templates.values()} - {""}
    codes = {settings.whatsapp_template_language, *settings.whatsapp_template_languages.values()}
    return sorted((name, code) for name in names for code in codes)


async def _template_findings(settings: Settings, probe: Probe, auth: dict[str, str]) -> list[Finding]:
    """Check that each template is approved in each language, as the Business Account lists them."""
    wanted = _wanted_templates(settings)
    if not wanted:
        return []
    account = settings.whatsapp_business_account_id
    if account is None:
        return [bad("doctor-template-no-account", setting="OGP_WHATSAPP_BUSINESS_ACCOUNT_ID")]
    statuses: dict[tuple[str, str], str] = {}
    for name in sorted({name for name, _ in wanted}):
        url = f"{settings.whatsapp_api_url}/{account}/message_templates"
        try:
            status, body = await probe.get("WhatsApp", url, headers=auth, params={"name": name, "limit": "100"})
        except Unreachable as error:
            return [bad("doctor-unreachable", service="WhatsApp", error=str(error), setting="OGP_WHATSAPP_API_URL")]
        if status != 200:
            return [bad("doctor-template-no-account", setting="OGP_WHATSAPP_BUSINESS_ACCOUNT_ID")]
        for item in body.get("data", []):
            statuses[(str(item.get("name")), str(item.get("language")))] = str(item.get("status", "?"))
    return [_template_finding(name, code, statuses.get((name, code))) for name, code in wanted]


def _template_finding(name: str, code: str, status: str | None) -> Finding:
    if status == "APPROVED":
        return ok("doctor-template-ok", name=name, language=code)
    return bad("doctor-template-bad", name=name, language=code, status=status or "—")


async def https_findings(settings: Settings, probe: Probe) -> list[Finding]:
    """Check that the public base URL answers over HTTPS with a certificate this server trusts."""
    url = settings.public_base_url
    if url is None:
        return [skip("doctor-skipped", what="HTTPS", setting="OGP_PUBLIC_BASE_URL")]
    if not url.startswith("https://"):
        return [bad("doctor-https-plain", url=url, setting="OGP_PUBLIC_BASE_URL")]
    try:
        status, _ = await probe.get("HTTPS", url, allow_redirects=True)
    except aiohttp.ClientSSLError as error:
        return [bad("doctor-https-cert", url=url, error=_first_line(error))]
    except Unreachable as error:
        return [bad("doctor-unreachable", service=url, error=str(error), setting="OGP_PUBLIC_BASE_URL")]
    if status >= 400:
        return [bad("doctor-https-status", url=url, status=status)]
    return [ok("doctor-https-ok", url=url)]


def _first_line(error: Exception) -> str:
    return str(getattr(error, "strerror", None) or error).splitlines()[0][:200]


def clock_findings(probe: Probe) -> list[Finding]:
    """Compare this server's clock with each service's Date header."""
    found: list[Finding] = []
    for service, skew in sorted(probe.dates.items()):
        seconds = round(abs(skew))
        if seconds > CLOCK_SKEW_LIMIT:
            found.append(bad("doctor-clock-skew", service=service, seconds=seconds, command="timedatectl set-ntp true"))
        else:
            found.append(ok("doctor-clock-ok", service=service, seconds=CLOCK_SKEW_LIMIT))
    return found
