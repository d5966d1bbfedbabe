"""/broadcast (coordinators): message → audience → preview → confirm → queued, each person in their language.

The coordinator writes one text for everyone, and may write one per language at the preview («✍️ Own text for
readers of English»); the preview says how many people read each language and which text they get. Each person's
copy carries the heading in their language.
"""

from __future__ import annotations

import uuid
from enum import StrEnum

from pydantic import Field

from handlers.kit import reminder_rules
from handlers.kit.access import requires_role
from handlers.kit.buttons import Button
from handlers.kit.context import Context
from handlers.kit.contract import Choice, Reply
from handlers.kit.fallback import unknown_button
from handlers.kit.feature import Feature
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.kit.labels import Lang, language_label, short_date
from handlers.kit.menu import with_menu
from handlers.kit.routes import on
from handlers.kit.text import clean_text
from handlers.kit.who import Who
from messages import LANGUAGES
from storage import audit, broadcasts, catalogue
from storage.broadcasts import Audience

MAX_CHARS = 3500  # one Telegram message (4,096) with the heading: a retry never re-sends half of it


class Step(StrEnum):
    """Steps of the broadcast flow."""

    TEXT = "text"
    AUDIENCE = "audience"
    COMMITMENT = "commitment"
    ROUND = "round"
    PREVIEW = "preview"
    VERSION = "version"


class Message(FlowData):
    """The broadcast being prepared."""

    text: str = ""
    audience: Audience | None = None
    ref: int | None = None  # the commitment or round the audience is about
    versions: dict[Lang, str] = Field(default_factory=dict)  # the text for the readers of one language
    writing: Lang | None = None  # the language whose own text the coordinator is typing


class PickAudience(Button, prefix="bc:a"):
    """Who the message goes to."""

    audience: Audience


class PickCommitment(Button, prefix="bc:c"):
    """The commitment whose followers get the message."""

    commitment: int


class PickRound(Button, prefix="bc:r"):
    """The round whose participants get the message."""

    round: int


class Send(Button, prefix="bc:send"):
    """Queue the previewed message."""


class WriteVersion(Button, prefix="bc:v"):
    """Write the message's own text for the readers of one language."""

    language: Lang


class Cancel(Button, prefix="bc:x"):
    """Send nothing."""


AUDIENCE_LABELS = {
    Audience.ALL: "bc-audience-all",
    Audience.FOLLOWERS: "bc-audience-followers",
    Audience.LIAISONS: "bc-audience-liaisons",
    Audience.ROUND: "bc-audience-round",
}


def _cancel(ctx: Context) -> Choice:
    return Cancel().choice(ctx.t("bc-cancel-button"))


@requires_role(Who.COORDINATOR)
async def start(ctx: Context) -> list[Reply]:
    """Answer /broadcast: ask for the message."""
    return await ask_text(ctx, BROADCAST.start(ctx, Step.TEXT))


async def ask_text(ctx: Context, message: Message) -> list[Reply]:
    """Ask for the message."""
    return [Reply(text=ctx.t("bc-ask-text", max=MAX_CHARS), choices=(_cancel(ctx),))]


@requires_role(Who.COORDINATOR)
async def take_text(ctx: Context, message: Message) -> list[Reply]:
    """Take the message, then ask for its audience."""
    text = clean_text(ctx.incoming.text or "")
    if not text or len(text) > MAX_CHARS:
        return [Reply(text=ctx.t("bc-text-length", max=MAX_CHARS, length=len(text)), choices=(_cancel(ctx),))]
    message.text = text
    BROADCAST.goto(ctx, Step.AUDIENCE, message)
    return await ask_audience(ctx, message)


async def ask_audience(ctx: Context, message: Message) -> list[Reply]:
    """Ask who gets the message."""
    choices = tuple(PickAudience(audience=a).choice(ctx.t(key)) for a, key in AUDIENCE_LABELS.items())
    return [Reply(text=ctx.t("bc-choose-audience"), choices=(*choices, _cancel(ctx)))]


async def ask_commitment(ctx: Context, message: Message, *, replace: bool = False) -> list[Reply]:
    """Ask which commitment's followers get the message."""
    commitments = await catalogue.list_commitments(ctx.conn)
    choices = tuple(PickCommitment(commitment=c.id).choice(f"{c.number}. {ctx.name(c)}") for c in commitments)
    return [Reply(text=ctx.t("bc-choose-commitment"), choices=(*choices, _cancel(ctx)), replace=replace)]


async def ask_round(ctx: Context, message: Message, *, replace: bool = False) -> list[Reply]:
    """Ask which round's participants get the message."""
    rounds = await broadcasts.rounds_to_address(ctx.conn)
    choices = tuple(PickRound(round=r.id).choice(r.name) for r in rounds)
    return [Reply(text=ctx.t("bc-choose-round"), choices=(*choices, _cancel(ctx)), replace=replace)]


async def ask_preview(ctx: Context, message: Message) -> list[Reply]:
    """Show the preview with its buttons again."""
    return await _preview(ctx, message, replace=False)


@requires_role(Who.COORDINATOR)
async def pick_audience(ctx: Context, press: PickAudience) -> list[Reply]:
    """Take the audience; followers and rounds need one more choice."""
    message = BROADCAST.load(ctx)
    message.audience = press.audience
    if press.audience is Audience.FOLLOWERS:
        BROADCAST.goto(ctx, Step.COMMITMENT, message)
        return await ask_commitment(ctx, message, replace=True)
    if press.audience is Audience.ROUND:
        if not await broadcasts.rounds_to_address(ctx.conn):
            return [Reply(text=ctx.t("bc-no-rounds"), choices=(_cancel(ctx),), replace=True)]
        BROADCAST.goto(ctx, Step.ROUND, message)
        return await ask_round(ctx, message, replace=True)
    return await _preview(ctx, message)


@requires_role(Who.COORDINATOR)
async def pick_commitment(ctx: Context, press: PickCommitment) -> list[Reply]:
    """Take the commitment whose followers get the message."""
    if press.commitment not in {c.id for c in await catalogue.list_commitments(ctx.conn)}:
        return await unknown_button(ctx)
    message = BROADCAST.load(ctx)
    message.ref = press.commitment
    return await _preview(ctx, message)


@requires_role(Who.COORDINATOR)
async def pick_round(ctx: Context, press: PickRound) -> list[Reply]:
    """Take the round whose participants get the message."""
    if press.round not in {r.id for r in await broadcasts.rounds_to_address(ctx.conn)}:
        return await unknown_button(ctx)
    message = BROADCAST.load(ctx)
    message.ref = press.round
    return await _preview(ctx, message)


async def _preview(ctx: Context, message: Message, *, replace: bool = True) -> list[Reply]:
    readers = await broadcasts.count_by_language(ctx.conn, message.audience or Audience.ALL, message.ref)
    count = sum(readers.values())
    message.writing = None
    BROADCAST.goto(ctx, Step.PREVIEW, message)
    text = ctx.t("bc-preview", text=message.text, count=count)
    for language, readers_count in readers.items():
        name = language_label(ctx, language)
        own = message.versions.get(Lang(language))
        line = (
            ctx.t("bc-readers-own", language=name, count=readers_count, text=own)
            if own
            else ctx.t("bc-readers-same", language=name, count=readers_count)
        )
        text += "\n\n" + line
    rules = await reminder_rules.load_rules(ctx.conn, ctx.config.reminder_defaults)
    when = reminder_rules.next_allowed(ctx.now, rules, ctx.config.timezone, official=False)
    if when > ctx.now:
        local = when.astimezone(ctx.config.timezone)
        text += "\n\n" + ctx.t("bc-quiet-hours", date=short_date(ctx, when), time=f"{local:%H:%M}")
    versions = tuple(
        WriteVersion(language=Lang(language)).choice(ctx.t("bc-version-button", language=language_label(ctx, language)))
        for language in LANGUAGES
    )
    choices = (Send().choice(ctx.t("bc-send-button")), *versions, _cancel(ctx)) if count else (_cancel(ctx),)
    return [Reply(text=text, choices=choices, replace=replace)]


@requires_role(Who.COORDINATOR)
async def write_version(ctx: Context, press: WriteVersion) -> list[Reply]:
    """Ask for the text the readers of one language get."""
    message = BROADCAST.load(ctx)
    message.writing = press.language
    BROADCAST.goto(ctx, Step.VERSION, message)
    return await ask_version(ctx, message)


async def ask_version(ctx: Context, message: Message) -> list[Reply]:
    """Ask for the text the readers of one language get."""
    name = language_label(ctx, (message.writing or Lang(ctx.messages.language)).value)
    return [Reply(text=ctx.t("bc-ask-version", language=name, max=MAX_CHARS), choices=(_cancel(ctx),))]


@requires_role(Who.COORDINATOR)
async def take_version(ctx: Context, message: Message) -> list[Reply]:
    """Take one language's own text, then preview again."""
    text = clean_text(ctx.incoming.text or "")
    if not text or len(text) > MAX_CHARS or message.writing is None:
        return [Reply(text=ctx.t("bc-text-length", max=MAX_CHARS, length=len(text)), choices=(_cancel(ctx),))]
    message.versions = {**message.versions, message.writing: text}
    return await _preview(ctx, message, replace=False)


@requires_role(Who.COORDINATOR)
async def send(ctx: Context, press: Send) -> list[Reply]:
    """Queue the message for its audience, honouring quiet hours."""
    message = BROADCAST.load(ctx)
    audience = message.audience or Audience.ALL
    rules = await reminder_rules.load_rules(ctx.conn, ctx.config.reminder_defaults)
    batch = uuid.uuid4().hex[:16]
    payloads: dict[str, str] = {
        language: Reply(
            text=ctx.speaking(language).t("bc-heading", text=message.versions.get(Lang(language), message.text)),
            language=language,
        ).to_payload()
        for language in LANGUAGES
    }
    when = reminder_rules.next_allowed(ctx.now, rules, ctx.config.timezone, official=False)
    queued = await broadcasts.queue_broadcast(
        ctx.conn, batch, audience, message.ref, payloads, now=ctx.now, not_before=when
    )
    await broadcasts.record_broadcast(
        ctx.conn,
        batch,
        created_by=ctx.participant.id if ctx.participant else None,
        channel=ctx.incoming.channel,
        recipient=ctx.incoming.user,
        audience=audience,
        ref=message.ref,
        text=message.text,
        total=queued,
        now=ctx.now,
    )
    actor = ctx.participant.id if ctx.participant else None
    detail = f"audience={audience.value} ref={message.ref or ''} recipients={queued}"  # never the text
    await audit.record(ctx.conn, actor, "broadcast.send", f"broadcast:{batch}", detail, ctx.now)
    ctx.end()
    return [with_menu(ctx, ctx.t("bc-queued", count=queued), replace=True)]


async def cancelled(ctx: Context, message: Message) -> list[Reply]:
    """Say that nothing was sent."""
    return [with_menu(ctx, ctx.t("bc-cancelled"), replace=True)]


BROADCAST = Flow(
    name="broadcast",
    data=Message,
    cancel=Cancel,
    cancel_label="bc-cancel-button",
    note="bc-use-buttons",
    on_cancel=cancelled,
    steps={
        Step.TEXT: Accepts(text=take_text, question=ask_text, goes=(Step.AUDIENCE,)),
        Step.AUDIENCE: Accepts(
            buttons=(on(PickAudience, pick_audience),),
            question=ask_audience,
            goes=(Step.COMMITMENT, Step.ROUND, Step.PREVIEW),
        ),
        Step.COMMITMENT: Accepts(
            buttons=(on(PickCommitment, pick_commitment),), question=ask_commitment, goes=(Step.PREVIEW,)
        ),
        Step.ROUND: Accepts(buttons=(on(PickRound, pick_round),), question=ask_round, goes=(Step.PREVIEW,)),
        Step.PREVIEW: Accepts(
            buttons=(on(Send, send), on(WriteVersion, write_version)), question=ask_preview, goes=(Step.VERSION,)
        ),
        Step.VERSION: Accepts(text=take_version, question=ask_version, goes=(Step.PREVIEW,)),
    },
)

FEATURE = Feature(
    commands={"broadcast": start},
    buttons=(),
    flows=(BROADCAST,),
)
