"""/start: welcome, then name, organisation, sector, governorate and consent; nothing is stored without it."""

from __future__ import annotations

from enum import StrEnum

from handlers.context import Context
from handlers.contract import Choice, Reply
from handlers.fallback import stale_button
from handlers.feature import Feature
from handlers.labels import governorate_label, sector_label
from handlers.menu import with_menu
from handlers.text import clean_line, shorten
from storage import participants, privacy
from storage.models import GOVERNORATES, Sector

FLOW = "register"
NAME_LIMITS = (2, 80)
ORGANISATION_LIMITS = (2, 150)


class Step(StrEnum):
    """Registration steps, in order."""

    NAME = "name"
    ORGANISATION = "organisation"
    SECTOR = "sector"
    GOVERNORATE = "governorate"
    CONSENT = "consent"


async def start(ctx: Context) -> list[Reply]:
    """Answer /start: welcome back a registered person, otherwise begin registration."""
    if ctx.participant is not None:
        return [with_menu(ctx, ctx.t("welcome-back", name=ctx.participant.name or ""))]
    return begin(ctx)


def begin(ctx: Context) -> list[Reply]:
    """Start registration from the first question."""
    profile = clean_line(ctx.incoming.name or "")
    ctx.goto(FLOW, Step.NAME, profile_name=profile if _fits(profile, NAME_LIMITS) else None)
    return [Reply(text=ctx.t("welcome")), prompt(ctx)]


def prompt(ctx: Context) -> Reply:
    """Return the question of the current registration step."""
    step = Step(ctx.step or Step.NAME)
    if step is Step.NAME:
        profile = ctx.data.get("profile_name")
        choices = (
            (Choice(id="reg:name", label=ctx.t("use-profile-name", name=shorten(profile, 30))),) if profile else ()
        )
        return Reply(text=ctx.t("ask-name"), choices=choices)
    if step is Step.ORGANISATION:
        return Reply(text=ctx.t("ask-organisation"), choices=(Choice(id="reg:org", label=ctx.t("no-organisation")),))
    if step is Step.SECTOR:
        sectors = tuple(Choice(id=f"reg:sector:{s.value}", label=sector_label(ctx, s)) for s in Sector)
        return Reply(text=ctx.t("ask-sector"), choices=sectors)
    if step is Step.GOVERNORATE:
        govs = tuple(Choice(id=f"reg:gov:{g}", label=governorate_label(ctx, g)) for g in GOVERNORATES)
        skip = Choice(id="reg:gov:-", label=ctx.t("skip-governorate"))
        return Reply(text=ctx.t("ask-governorate"), choices=(*govs, skip))
    agree = Choice(id="reg:consent:yes", label=ctx.t("consent-agree"))
    decline = Choice(id="reg:consent:no", label=ctx.t("consent-decline"))
    return Reply(text=ctx.t("privacy-notice"), choices=(agree, decline))


def _fits(text: str, limits: tuple[int, int]) -> bool:
    return limits[0] <= len(text) <= limits[1]


async def on_text(ctx: Context) -> list[Reply]:
    """Take a typed answer to the current step."""
    value = clean_line(ctx.incoming.text or "")
    if ctx.step == Step.NAME:
        if not _fits(value, NAME_LIMITS):
            return [Reply(text=ctx.t("name-invalid", min=NAME_LIMITS[0], max=NAME_LIMITS[1])), prompt(ctx)]
        ctx.goto(FLOW, Step.ORGANISATION, name=value)
        return [prompt(ctx)]
    if ctx.step == Step.ORGANISATION:
        if not _fits(value, ORGANISATION_LIMITS):
            low, high = ORGANISATION_LIMITS
            return [Reply(text=ctx.t("organisation-invalid", min=low, max=high)), prompt(ctx)]
        ctx.goto(FLOW, Step.SECTOR, organisation=value)
        return [prompt(ctx)]
    # The remaining steps are answered with buttons: ask again.
    return [prompt(ctx)]


async def on_choice(ctx: Context) -> list[Reply] | None:
    """Take a pressed answer; None when the button does not belong to the current step."""
    parts = (ctx.incoming.choice or "").split(":")
    if ctx.flow != FLOW or len(parts) < 2:
        return None
    action, value = parts[1], parts[2] if len(parts) > 2 else ""
    if action == "name" and ctx.step == Step.NAME and ctx.data.get("profile_name"):
        ctx.goto(FLOW, Step.ORGANISATION, name=ctx.data["profile_name"])
    elif action == "org" and ctx.step == Step.ORGANISATION:
        ctx.goto(FLOW, Step.SECTOR, organisation=None)
    elif action == "sector" and ctx.step == Step.SECTOR and value in Sector.__members__.values():
        ctx.goto(FLOW, Step.GOVERNORATE, sector=value)
    elif action == "gov" and ctx.step == Step.GOVERNORATE and (value in GOVERNORATES or value == "-"):
        ctx.goto(FLOW, Step.CONSENT, governorate=None if value == "-" else value)
    elif action == "consent" and ctx.step == Step.CONSENT and value in ("yes", "no"):
        return await (_complete(ctx) if value == "yes" else _decline(ctx))
    else:
        return None
    return [prompt(ctx).model_copy(update={"replace": True})]


async def _decline(ctx: Context) -> list[Reply]:
    await privacy.forget_chat(ctx.conn, ctx.incoming.channel, ctx.incoming.user, ctx.now)  # "we stored nothing"
    ctx.end()
    ctx.data.clear()
    return [Reply(text=ctx.t("consent-declined"), replace=True)]


async def _complete(ctx: Context) -> list[Reply]:
    data = ctx.data
    ctx.participant = await participants.register(
        ctx.conn,
        ctx.incoming.channel,
        ctx.incoming.user,
        name=data["name"],
        organisation=data.get("organisation"),
        sector=Sector(data["sector"]),
        governorate=data.get("governorate"),
        now=ctx.now,
    )
    ctx.end()
    done = ctx.t("registered", name=ctx.participant.name or "")
    if "_then" in ctx.data:
        return [Reply(text=done, replace=True)]
    return [with_menu(ctx, done, replace=True)]


async def answer_choice(ctx: Context) -> list[Reply]:
    """Route a reg:* button, telling the person when it is stale."""
    replies = await on_choice(ctx)
    return replies if replies is not None else await stale_button(ctx)


FEATURE = Feature(
    commands={"start": start},
    choices={"reg": answer_choice},
    flows={FLOW: on_text},
    keywords={"keyword-start": "start"},
)
