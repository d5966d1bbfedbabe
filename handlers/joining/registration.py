"""/start: welcome, then name, organisation, sector, governorate and consent; nothing is stored without it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from enum import StrEnum

from handlers.joining import naming
from handlers.joining.disclosure import disclosure
from handlers.kit import intent
from handlers.kit.access import REGISTRATION
from handlers.kit.buttons import Button
from handlers.kit.context import Context
from handlers.kit.contract import Reply
from handlers.kit.fallback import unknown_button
from handlers.kit.feature import Feature
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.kit.hooks import Hook
from handlers.kit.labels import governorate_label, sector_label
from handlers.kit.menu import menu_choices, with_menu
from handlers.kit.parking import offers_parked
from handlers.kit.routes import on
from handlers.kit.text import clean_line, has_letters, shorten
from storage import participants, privacy
from storage.models import GOVERNORATES, Sector

# A recommendation typed at the name question is kept for after registration by the feature that takes it
# (recommend.py parks it as a draft); a bound function returns whether it kept the text.
KeepForLater = Callable[[Context], Awaitable[bool]]
KEEP_FOR_LATER: Hook[KeepForLater] = Hook("registration.keep_for_later")

NAME_LIMITS = (2, 80)
ORGANISATION_LIMITS = (2, 150)
NO_GOVERNORATE = "-"


class Step(StrEnum):
    """Registration steps, in order."""

    NAME = "name"
    ORGANISATION = "organisation"
    SECTOR = "sector"
    GOVERNORATE = "governorate"
    CONSENT = "consent"


class Answer(StrEnum):
    """An answer to the consent question (and to «is this your name?»)."""

    YES = "yes"
    NO = "no"


class Profile(FlowData):
    """What the newcomer has told so far."""

    profile_name: str | None = None  # the name their app shows, offered as a button
    name: str | None = None
    typed_name: str | None = None  # a line that may be a name or a sentence, until the person says which
    organisation: str | None = None
    sector: Sector | None = None
    governorate: str | None = None


class UseProfileName(Button, prefix="reg:name"):
    """Use the name the person's app shows."""


class IsName(Button, prefix="reg:isname"):
    """The person's answer to «is this your name?» about a line that reads like a sentence."""

    answer: Answer


class NoOrganisation(Button, prefix="reg:org"):
    """The person speaks for no organisation."""


class PickSector(Button, prefix="reg:sector"):
    """The kind of organisation the person speaks for."""

    sector: Sector


class PickGovernorate(Button, prefix="reg:gov"):
    """Where the person lives ('-' when they would rather not say)."""

    governorate: str


class Consent(Button, prefix="reg:consent"):
    """Agree to the privacy notice, or decline it."""

    answer: Answer


@offers_parked
async def start(ctx: Context) -> list[Reply]:
    """Answer /start: welcome back a registered person (after offering a parked draft), otherwise register."""
    if ctx.participant is not None:
        return [with_menu(ctx, ctx.t("welcome-back", name=ctx.participant.name or ""))]
    return begin(ctx)


def begin(ctx: Context) -> list[Reply]:
    """Start registration from the first question."""
    profile = clean_line(ctx.incoming.name or "")
    REGISTER.start(ctx, Step.NAME, profile_name=profile if _name_like(profile, NAME_LIMITS) else None)
    return [Reply(text=ctx.t("welcome")), prompt(ctx)]


def prompt(ctx: Context) -> Reply:
    """Return the question of the current registration step."""
    step = Step(ctx.step or Step.NAME)
    if step is Step.NAME:
        profile = REGISTER.load(ctx).profile_name
        use = UseProfileName().choice(ctx.t("use-profile-name", name=shorten(profile, 30))) if profile else None
        return Reply(text=ctx.t("ask-name"), choices=(use,) if use else ())
    if step is Step.ORGANISATION:
        return Reply(text=ctx.t("ask-organisation"), choices=(NoOrganisation().choice(ctx.t("no-organisation")),))
    if step is Step.SECTOR:
        sectors = tuple(PickSector(sector=s).choice(sector_label(ctx, s)) for s in Sector)
        return Reply(text=ctx.t("ask-sector"), choices=sectors)
    if step is Step.GOVERNORATE:
        govs = tuple(PickGovernorate(governorate=g).choice(governorate_label(ctx, g)) for g in GOVERNORATES)
        skip = PickGovernorate(governorate=NO_GOVERNORATE).choice(ctx.t("skip-governorate"))
        return Reply(text=ctx.t("ask-governorate"), choices=(*govs, skip))
    agree = Consent(answer=Answer.YES).choice(ctx.t("consent-agree"))
    decline = Consent(answer=Answer.NO).choice(ctx.t("consent-decline"))
    return Reply(text=ctx.t("privacy-notice", public=disclosure(ctx)), choices=(agree, decline))


def _fits(text: str, limits: tuple[int, int]) -> bool:
    return limits[0] <= len(text) <= limits[1]


def _name_like(text: str, limits: tuple[int, int]) -> bool:
    """Tell whether a typed name or organisation fits its limits and is made of letters (not «12345»)."""
    return _fits(text, limits) and has_letters(text)


def _next(ctx: Context, step: Step, profile: Profile) -> list[Reply]:
    """Move to a step and ask its question in place of the pressed message."""
    REGISTER.goto(ctx, step, profile)
    return [prompt(ctx).model_copy(update={"replace": True})]


async def take_name(ctx: Context, profile: Profile) -> list[Reply]:
    """Take the typed name; a sentence waits as a recommendation, and anything unlike a name is asked about."""
    value = clean_line(ctx.incoming.text or "")
    kind = intent.read(ctx.incoming.text or "", ctx.config.recommendation_min)
    if _name_like(value, NAME_LIMITS) and intent.looks_like_name(value):
        profile.name = value
        REGISTER.goto(ctx, Step.ORGANISATION, profile)
        return [prompt(ctx)]
    if kind is intent.Intent.RECOMMENDATION and len(value.split()) > intent.NAME_MAX_WORDS:
        return await _keep_for_later(ctx, profile)
    if kind in (intent.Intent.GREETING, intent.Intent.THANKS) or not _name_like(value, NAME_LIMITS):
        low, high = NAME_LIMITS
        note = ctx.t("name-greeting") if kind is intent.Intent.GREETING else ctx.t("name-invalid", min=low, max=high)
        return [Reply(text=note), prompt(ctx)]
    profile.typed_name = value
    REGISTER.goto(ctx, Step.NAME, profile)
    yes, no = IsName(answer=Answer.YES), IsName(answer=Answer.NO)
    choices = (yes.choice(ctx.t("name-is-yes")), no.choice(ctx.t("name-is-no")))
    return [Reply(text=ctx.t("name-is-it", name=value), choices=choices)]


async def _keep_for_later(ctx: Context, profile: Profile) -> list[Reply]:
    """Keep a recommendation typed at the name question for after registration, and ask for the name again."""
    for keep in ctx.hooks(KEEP_FOR_LATER):
        if await keep(ctx):
            ctx.carry.then = ctx.carry.then or ("recommend", "")
            REGISTER.goto(ctx, Step.NAME, profile)
            return [Reply(text=ctx.t("recommendation-kept-for-later")), prompt(ctx)]
    return [Reply(text=ctx.t("name-invalid", min=NAME_LIMITS[0], max=NAME_LIMITS[1])), prompt(ctx)]


async def is_name(ctx: Context, press: IsName) -> list[Reply]:
    """Take the line as the name when the person says it is one; otherwise ask for the name again."""
    profile = REGISTER.load(ctx)
    typed, profile.typed_name = profile.typed_name, None
    if press.answer is Answer.YES and typed:
        profile.name = typed
        return _next(ctx, Step.ORGANISATION, profile)
    return _next(ctx, Step.NAME, profile)


async def take_organisation(ctx: Context, profile: Profile) -> list[Reply]:
    """Take the typed organisation."""
    value = clean_line(ctx.incoming.text or "")
    if not _name_like(value, ORGANISATION_LIMITS):
        low, high = ORGANISATION_LIMITS
        return [Reply(text=ctx.t("organisation-invalid", min=low, max=high)), prompt(ctx)]
    profile.organisation = value
    REGISTER.goto(ctx, Step.SECTOR, profile)
    return [prompt(ctx)]


async def ask_again(ctx: Context, profile: Profile) -> list[Reply]:
    """Ask the step's question again: text at a button step, or the person changed language."""
    return [prompt(ctx)]


async def use_profile_name(ctx: Context, press: UseProfileName) -> list[Reply]:
    """Take the app's name as the person's name."""
    profile = REGISTER.load(ctx)
    if not profile.profile_name:
        return [prompt(ctx)]
    profile.name = profile.profile_name
    return _next(ctx, Step.ORGANISATION, profile)


async def no_organisation(ctx: Context, press: NoOrganisation) -> list[Reply]:
    """Record that the person speaks for no organisation."""
    profile = REGISTER.load(ctx)
    profile.organisation = None
    return _next(ctx, Step.SECTOR, profile)


async def pick_sector(ctx: Context, press: PickSector) -> list[Reply]:
    """Take the sector."""
    profile = REGISTER.load(ctx)
    profile.sector = press.sector
    return _next(ctx, Step.GOVERNORATE, profile)


async def pick_governorate(ctx: Context, press: PickGovernorate) -> list[Reply]:
    """Take the governorate (or none)."""
    if press.governorate != NO_GOVERNORATE and press.governorate not in GOVERNORATES:
        return await unknown_button(ctx)
    profile = REGISTER.load(ctx)
    profile.governorate = None if press.governorate == NO_GOVERNORATE else press.governorate
    return _next(ctx, Step.CONSENT, profile)


async def consent(ctx: Context, press: Consent) -> list[Reply]:
    """Register the person on consent; on refusal, forget everything they typed."""
    if press.answer is Answer.NO:  # "we stored nothing": what the chat typed goes too
        await privacy.forget_chat(ctx.conn, ctx.incoming.channel, ctx.incoming.user, ctx.now)
        ctx.become_stranger()
        return [Reply(text=ctx.t("consent-declined"), replace=True)]
    profile = REGISTER.load(ctx)
    if profile.name is None or profile.sector is None:
        ctx.end()
        return begin(ctx)
    ctx.participant = await participants.register(
        ctx.conn,
        ctx.incoming.channel,
        ctx.incoming.user,
        name=profile.name,
        organisation=profile.organisation,
        sector=profile.sector,
        governorate=profile.governorate,
        now=ctx.now,
        language=ctx.messages.language,
    )
    ctx.end()
    done = ctx.t("registered", name=ctx.participant.name or "")
    if ctx.carry.then is not None:  # what they came to do goes on; the name question follows its first receipt
        return [Reply(text=done, replace=True)]
    ctx.carry.asked_name = True  # the notice just said what showing one's name means: ask it now, once
    ask = naming.question(ctx)  # one message, as before the question came here: the receipt, the question, the menu
    return [Reply(text=f"{done}\n\n{ask.text}", choices=(*ask.choices, *menu_choices(ctx)), replace=True)]


REGISTER = Flow(
    name="register",
    data=Profile,
    steps={
        Step.NAME: Accepts(
            text=take_name,
            buttons=(on(UseProfileName, use_profile_name), on(IsName, is_name)),
            question=ask_again,
            goes=(Step.ORGANISATION,),
        ),
        Step.ORGANISATION: Accepts(
            text=take_organisation,
            buttons=(on(NoOrganisation, no_organisation),),
            question=ask_again,
            goes=(Step.SECTOR,),
        ),
        Step.SECTOR: Accepts(buttons=(on(PickSector, pick_sector),), question=ask_again, goes=(Step.GOVERNORATE,)),
        Step.GOVERNORATE: Accepts(
            buttons=(on(PickGovernorate, pick_governorate),), question=ask_again, goes=(Step.CONSENT,)
        ),
        Step.CONSENT: Accepts(buttons=(on(Consent, consent),), question=ask_again),
    },
)

FEATURE = Feature(
    commands={"start": start},
    buttons=(),
    flows=(REGISTER,),
    keywords={"keyword-start": "start"},
    hooks=(REGISTRATION.bind(begin),),
)
