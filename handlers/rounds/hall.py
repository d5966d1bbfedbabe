"""Attendance counted in the hall (coordinators): the total, the liaison officers among them, and by kind of
organisation, entered from the round's card beside those who joined through the bot."""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from handlers.kit.access import requires_role
from handlers.kit.buttons import Button
from handlers.kit.context import Context
from handlers.kit.contract import Choice, Reply
from handlers.kit.fallback import stale_button, unknown_button
from handlers.kit.feature import Feature
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.kit.labels import sector_label
from handlers.kit.menu import with_menu
from handlers.kit.routes import on
from handlers.kit.text import parse_int
from handlers.kit.who import Who
from handlers.rounds.buttons import RoundHall
from handlers.rounds.views import card
from storage import rounds
from storage.models import Sector
from storage.round_hall import HallCount, get_hall, set_hall

MAX_ATTENDANCE = 100_000


class Step(StrEnum):
    """Steps of entering the hall's count."""

    TOTAL = "total"
    OFFICERS = "officers"
    SECTORS = "sectors"
    SECTOR = "sector"


class Counting(FlowData):
    """The count being entered."""

    round_id: int
    total: int | None = None
    officers: int | None = None
    sectors: dict[Sector, int] = Field(default_factory=dict)
    sector: Sector | None = None  # the kind of organisation whose count is being typed


class Keep(Button, prefix="hall:keep"):
    """Keep the figure entered before."""


class NotCounted(Button, prefix="hall:none"):
    """The liaison officers in the hall were not counted."""


class PickSector(Button, prefix="hall:s"):
    """Type how many came from one kind of organisation."""

    sector: Sector


class Save(Button, prefix="hall:ok"):
    """Store the count."""


class Cancel(Button, prefix="hall:x"):
    """Store nothing."""


def _cancel(ctx: Context) -> Choice:
    return Cancel().choice(ctx.t("cancel-button"))


@requires_role(Who.COORDINATOR)
async def begin(ctx: Context, press: RoundHall) -> list[Reply]:
    """Ask for the hall's total, showing what was entered before."""
    found = await rounds.get_round(ctx.conn, press.round)
    if found is None:
        return await unknown_button(ctx)
    known = await get_hall(ctx.conn, found.id)
    counting = HALL.start(
        ctx,
        Step.TOTAL,
        round_id=found.id,
        total=known.total if known else None,
        officers=known.officers if known else None,
        sectors=dict(known.by_sector) if known else {},
    )
    return [prompt(ctx, counting)]


def prompt(ctx: Context, counting: Counting) -> Reply:
    """Return the question of the current step."""
    step = Step(ctx.step or Step.TOTAL)
    keep: tuple[Choice, ...] = ()
    if step is Step.TOTAL:
        if counting.total is not None:
            keep = (Keep().choice(ctx.t("hall-keep-button", count=counting.total)),)
        return Reply(text=ctx.t("hall-ask-total"), choices=(*keep, _cancel(ctx)))
    if step is Step.OFFICERS:
        if counting.officers is not None:
            keep = (Keep().choice(ctx.t("hall-keep-button", count=counting.officers)),)
        skip = NotCounted().choice(ctx.t("hall-not-counted"))
        return Reply(text=ctx.t("hall-ask-officers", total=counting.total or 0), choices=(*keep, skip, _cancel(ctx)))
    if step is Step.SECTOR and counting.sector is not None:
        return Reply(text=ctx.t("hall-ask-sector", sector=sector_label(ctx, counting.sector)), choices=(_cancel(ctx),))
    return _sectors_prompt(ctx, counting)


def _sectors_prompt(ctx: Context, counting: Counting) -> Reply:
    counted = sum(counting.sectors.values())
    choices = [
        PickSector(sector=s).choice(ctx.t("hall-sector-line", sector=sector_label(ctx, s), count=counting.sectors[s]))
        if counting.sectors.get(s)
        else PickSector(sector=s).choice(sector_label(ctx, s))
        for s in Sector
    ]
    text = ctx.t("hall-ask-sectors", counted=counted, total=counting.total or 0)
    return Reply(text=text, choices=(*choices, Save().choice(ctx.t("hall-save")), _cancel(ctx)))


def _number(ctx: Context, most: int) -> int | None:
    value = parse_int(ctx.incoming.text or "")
    return value if value is not None and value <= most else None


@requires_role(Who.COORDINATOR)
async def take_total(ctx: Context, counting: Counting) -> list[Reply]:
    """Take how many attended in the hall."""
    total = _number(ctx, MAX_ATTENDANCE)
    if total is None:
        return [Reply(text=ctx.t("hall-number-invalid", most=MAX_ATTENDANCE)), prompt(ctx, counting)]
    counting.total = total
    return _after_total(ctx, counting)


def _after_total(ctx: Context, counting: Counting) -> list[Reply]:
    total = counting.total or 0
    if counting.officers is not None and counting.officers > total:
        counting.officers = None
    if sum(counting.sectors.values()) > total:
        counting.sectors = {}
    HALL.goto(ctx, Step.OFFICERS, counting)
    return [prompt(ctx, counting)]


@requires_role(Who.COORDINATOR)
async def take_officers(ctx: Context, counting: Counting) -> list[Reply]:
    """Take how many liaison officers were among them."""
    officers = _number(ctx, counting.total or 0)
    if officers is None:
        return [Reply(text=ctx.t("hall-number-invalid", most=counting.total or 0)), prompt(ctx, counting)]
    counting.officers = officers
    HALL.goto(ctx, Step.SECTORS, counting)
    return [prompt(ctx, counting)]


@requires_role(Who.COORDINATOR)
async def keep(ctx: Context, press: Keep) -> list[Reply]:
    """Keep the figure entered before and go on."""
    counting = HALL.load(ctx)
    if HALL.at(ctx, Step.TOTAL) and counting.total is not None:
        return _after_total(ctx, counting)
    if HALL.at(ctx, Step.OFFICERS) and counting.officers is not None:
        HALL.goto(ctx, Step.SECTORS, counting)
        return [prompt(ctx, counting)]
    return await stale_button(ctx)


@requires_role(Who.COORDINATOR)
async def not_counted(ctx: Context, press: NotCounted) -> list[Reply]:
    """The officers were not counted."""
    counting = HALL.load(ctx)
    counting.officers = None
    HALL.goto(ctx, Step.SECTORS, counting)
    return [prompt(ctx, counting)]


@requires_role(Who.COORDINATOR)
async def pick_sector(ctx: Context, press: PickSector) -> list[Reply]:
    """Ask how many came from one kind of organisation."""
    counting = HALL.load(ctx)
    counting.sector = press.sector
    HALL.goto(ctx, Step.SECTOR, counting)
    return [prompt(ctx, counting)]


@requires_role(Who.COORDINATOR)
async def take_sector(ctx: Context, counting: Counting) -> list[Reply]:
    """Take one kind of organisation's count (never more than the total with the others)."""
    if counting.sector is None:
        HALL.goto(ctx, Step.SECTORS, counting)
        return [prompt(ctx, counting)]
    others = sum(n for s, n in counting.sectors.items() if s is not counting.sector)
    count = _number(ctx, (counting.total or 0) - others)
    if count is None:
        most = (counting.total or 0) - others
        return [Reply(text=ctx.t("hall-number-invalid", most=most)), prompt(ctx, counting)]
    counting.sectors[counting.sector] = count
    counting.sector = None
    HALL.goto(ctx, Step.SECTORS, counting)
    return [prompt(ctx, counting)]


@requires_role(Who.COORDINATOR)
async def save(ctx: Context, press: Save) -> list[Reply]:
    """Store the hall's count and show the round."""
    counting = HALL.load(ctx)
    found = await rounds.get_round(ctx.conn, counting.round_id)
    ctx.end()
    if found is None or counting.total is None:
        return [with_menu(ctx, ctx.t("round-unknown"))]
    sectors = tuple((s, counting.sectors[s]) for s in Sector if counting.sectors.get(s))
    hall = HallCount(total=counting.total, officers=counting.officers, by_sector=sectors)
    by = ctx.participant.id if ctx.participant else None
    await set_hall(ctx.conn, found.id, hall, by=by, now=ctx.now)
    return await card(ctx, found, note=ctx.t("hall-saved", count=hall.total))


async def ask_again(ctx: Context, counting: Counting) -> list[Reply]:
    """Ask the question of the step the chat is in again."""
    return [prompt(ctx, counting)]


HALL = Flow(
    name="round_hall",
    data=Counting,
    cancel=Cancel,
    steps={
        Step.TOTAL: Accepts(question=ask_again, text=take_total, buttons=(on(Keep, keep),), goes=(Step.OFFICERS,)),
        Step.OFFICERS: Accepts(
            question=ask_again,
            text=take_officers,
            buttons=(on(Keep, keep), on(NotCounted, not_counted)),
            goes=(Step.SECTORS,),
        ),
        Step.SECTORS: Accepts(
            buttons=(on(PickSector, pick_sector), on(Save, save)), question=ask_again, goes=(Step.SECTOR,)
        ),
        Step.SECTOR: Accepts(question=ask_again, text=take_sector, goes=(Step.SECTORS,)),
    },
)

FEATURE = Feature(
    buttons=(on(RoundHall, begin),),
    flows=(HALL,),
)
