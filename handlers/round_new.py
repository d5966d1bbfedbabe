"""Creating a round step by step (name, date, place, groups, questions, deadline), and moving its deadline."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from handlers.context import Context
from handlers.contract import Choice, Reply
from handlers.dates import parse_date_time
from handlers.fallback import stale_button
from handlers.labels import short_date
from handlers.menu import with_menu
from handlers.round_views import (
    card,
    deadline_text,
    default_questions,
    groups_text,
    numbered,
    place_text,
)
from handlers.text import clean_line, clean_text
from storage import catalogue, rounds
from storage.rounds import Round

FLOW = "round_new"
DEADLINE_FLOW = "round_deadline"
NAME_LIMITS = (5, 200)
PLACE_LIMITS = (2, 150)
MAX_QUESTIONS = 8
QUESTION_MAX = 200
END_OF_DAY = time(23, 59)
ACTIONS = frozenset({"new", "today", "online", "c", "cdone", "qdef", "week", "ok", "okopen", "x"})


class Step(StrEnum):
    """Steps of creating a round, in order."""

    NAME = "name"
    DATE = "date"
    PLACE = "place"
    COMMITMENTS = "commitments"
    QUESTIONS = "questions"
    DEADLINE = "deadline"
    CONFIRM = "confirm"


def parse_day(raw: str) -> tuple[date, time | None] | None:
    """Read d/m/yyyy (or yyyy-mm-dd), optionally followed by hh:mm; None when it is not a real date."""
    return parse_date_time(raw)


def local_deadline(ctx: Context, day: date, at: time | None) -> datetime:
    """Return the instant a deadline typed in Amman time means (the end of the day when no time is given)."""
    return datetime.combine(day, at or END_OF_DAY, tzinfo=ctx.config.timezone)


def _cancel(ctx: Context) -> Choice:
    return Choice(id="rnd:x", label=ctx.t("cancel-button"))


async def prompt(ctx: Context, *, replace: bool = False) -> Reply:
    """Return the question of the current creation step."""
    step = Step(ctx.step or Step.NAME)
    if step is Step.NAME:
        return Reply(text=ctx.t("round-ask-name"), choices=(_cancel(ctx),), replace=replace)
    if step is Step.DATE:
        today = Choice(id="rnd:today", label=ctx.t("round-today-button"))
        return Reply(text=ctx.t("round-ask-date"), choices=(today, _cancel(ctx)), replace=replace)
    if step is Step.PLACE:
        online = Choice(id="rnd:online", label=ctx.t("round-online-button"))
        return Reply(text=ctx.t("round-ask-place"), choices=(online, _cancel(ctx)), replace=replace)
    if step is Step.COMMITMENTS:
        return await _commitments_prompt(ctx, replace=replace)
    if step is Step.QUESTIONS:
        text = ctx.t("round-ask-questions", questions=numbered([q for _, q in default_questions(ctx)]))
        use = Choice(id="rnd:qdef", label=ctx.t("round-questions-default"))
        return Reply(text=text, choices=(use, _cancel(ctx)), replace=replace)
    if step is Step.DEADLINE:
        week = Choice(id="rnd:week", label=ctx.t("round-week-button"))
        return Reply(text=ctx.t("round-ask-deadline"), choices=(week, _cancel(ctx)), replace=replace)
    return await _preview(ctx, replace=replace)


async def _commitments_prompt(ctx: Context, *, replace: bool) -> Reply:
    chosen = set(ctx.data.get("commitment_ids", []))
    choices = [
        Choice(id=f"rnd:c:{c.id}", label=("✅ " if c.id in chosen else "▫️ ") + f"{c.number}. {c.title_ar}")
        for c in await catalogue.list_commitments(ctx.conn)
    ]
    done = Choice(id="rnd:cdone", label=ctx.t("round-commitments-done"))
    return Reply(text=ctx.t("round-ask-commitments"), choices=(*choices, done, _cancel(ctx)), replace=replace)


async def _preview(ctx: Context, *, replace: bool) -> Reply:
    data = ctx.data
    chosen = set(data["commitment_ids"])
    commitments = [c for c in await catalogue.list_commitments(ctx.conn) if c.id in chosen]
    text = ctx.t(
        "round-preview",
        name=data["name"],
        date=short_date(ctx, date.fromisoformat(data["held_on"])),
        place=place_text(ctx, data.get("place"), data["online"]),
        deadline=deadline_text(ctx, datetime.fromisoformat(data["deadline"])),
        groups=groups_text(commitments),
        questions=numbered([text for _, text in data["questions"]]),
    )
    choices = (
        Choice(id="rnd:ok", label=ctx.t("round-create-button")),
        Choice(id="rnd:okopen", label=ctx.t("round-create-open-button")),
        _cancel(ctx),
    )
    return Reply(text=text, choices=choices, replace=replace)


async def begin(ctx: Context) -> list[Reply]:
    """Start creating a round, with every commitment of the active plan selected."""
    everything = [c.id for c in await catalogue.list_commitments(ctx.conn)]
    ctx.goto(FLOW, Step.NAME, commitment_ids=everything)
    return [await prompt(ctx)]


async def on_choice(ctx: Context, action: str, arg: int | None) -> list[Reply]:
    """Take a creation button (the caller has checked the coordinator role)."""
    if action == "new":
        return await begin(ctx)
    if action == "x" and ctx.flow in (FLOW, DEADLINE_FLOW):
        ctx.end()
        return [with_menu(ctx, ctx.t("cancelled"), replace=True)]
    if ctx.flow != FLOW:
        return await stale_button(ctx)
    step_actions: dict[str, tuple[Step, dict[str, Any] | None]] = {
        "today": (Step.DATE, {"held_on": ctx.local_now.date().isoformat()}),
        "online": (Step.PLACE, {"place": None, "online": True}),
        "qdef": (Step.QUESTIONS, {"questions": default_questions(ctx)}),
    }
    if action in step_actions and ctx.step == step_actions[action][0]:
        return await _advance(ctx, step_actions[action][1] or {})
    if action == "c" and ctx.step == Step.COMMITMENTS:
        return await _toggle(ctx, arg)
    if action == "cdone" and ctx.step == Step.COMMITMENTS:
        if not ctx.data.get("commitment_ids"):
            return [Reply(text=ctx.t("round-commitments-empty")), await prompt(ctx)]
        return await _advance(ctx, {})
    if action == "week" and ctx.step == Step.DEADLINE:
        held = date.fromisoformat(ctx.data["held_on"]) + timedelta(days=7)
        return await _take_deadline(ctx, local_deadline(ctx, held, None), replace=True)
    if action in ("ok", "okopen") and ctx.step == Step.CONFIRM:
        return await _create(ctx, open_now=action == "okopen")
    return await stale_button(ctx)


_ORDER = list(Step)


async def _advance(ctx: Context, data: dict[str, Any], *, replace: bool = True) -> list[Reply]:
    """Store the step's answer and ask the next question."""
    following = _ORDER[_ORDER.index(Step(ctx.step or Step.NAME)) + 1]
    ctx.goto(FLOW, following, **data)
    return [await prompt(ctx, replace=replace)]


async def _toggle(ctx: Context, commitment_id: int | None) -> list[Reply]:
    known = {c.id for c in await catalogue.list_commitments(ctx.conn)}
    if commitment_id not in known:
        return await stale_button(ctx)
    chosen = list(ctx.data.get("commitment_ids", []))
    chosen = [c for c in chosen if c != commitment_id] if commitment_id in chosen else [*chosen, commitment_id]
    ctx.data["commitment_ids"] = chosen
    return [await prompt(ctx, replace=True)]


async def on_text(ctx: Context) -> list[Reply]:
    """Take a typed answer while creating a round."""
    if not ctx.is_coordinator:
        ctx.end()
        return [with_menu(ctx, ctx.t("round-not-allowed"))]
    raw = ctx.incoming.text or ""
    if ctx.step == Step.NAME:
        return await _take_name(ctx, clean_line(raw))
    if ctx.step == Step.DATE:
        parsed = parse_day(raw)
        if parsed is None:
            return [Reply(text=ctx.t("round-date-invalid")), await prompt(ctx)]
        return await _advance(ctx, {"held_on": parsed[0].isoformat()}, replace=False)
    if ctx.step == Step.PLACE:
        place = clean_line(raw)
        if not PLACE_LIMITS[0] <= len(place) <= PLACE_LIMITS[1]:
            low, high = PLACE_LIMITS
            return [Reply(text=ctx.t("round-place-invalid", min=low, max=high)), await prompt(ctx)]
        return await _advance(ctx, {"place": place, "online": False}, replace=False)
    if ctx.step == Step.QUESTIONS:
        return await _take_questions(ctx, raw)
    if ctx.step == Step.DEADLINE:
        parsed = parse_day(raw)
        if parsed is None:
            return [Reply(text=ctx.t("round-deadline-invalid")), await prompt(ctx)]
        return await _take_deadline(ctx, local_deadline(ctx, *parsed), replace=False)
    return [await prompt(ctx)]  # the other steps are answered with buttons


async def _take_name(ctx: Context, name: str) -> list[Reply]:
    low, high = NAME_LIMITS
    if not low <= len(name) <= high:
        return [Reply(text=ctx.t("round-name-invalid", min=low, max=high)), await prompt(ctx)]
    return await _advance(ctx, {"name": name}, replace=False)


async def _take_questions(ctx: Context, raw: str) -> list[Reply]:
    lines = [clean_line(line) for line in clean_text(raw).split("\n")]
    questions = [line for line in lines if line]
    if not 1 <= len(questions) <= MAX_QUESTIONS or any(len(q) > QUESTION_MAX for q in questions):
        return [Reply(text=ctx.t("round-questions-invalid", max=MAX_QUESTIONS, length=QUESTION_MAX))]
    return await _advance(ctx, {"questions": [[None, q] for q in questions]}, replace=False)


async def _take_deadline(ctx: Context, deadline: datetime, *, replace: bool) -> list[Reply]:
    if deadline <= ctx.now:
        return [Reply(text=ctx.t("round-deadline-past")), await prompt(ctx)]
    return await _advance(ctx, {"deadline": deadline.isoformat()}, replace=replace)


async def _create(ctx: Context, *, open_now: bool) -> list[Reply]:
    data = ctx.data
    created = await rounds.create_round(
        ctx.conn,
        name=data["name"],
        held_on=date.fromisoformat(data["held_on"]),
        place=data.get("place"),
        online=bool(data["online"]),
        deadline=datetime.fromisoformat(data["deadline"]),
        commitment_ids=list(data["commitment_ids"]),
        questions=[(key, text) for key, text in data["questions"]],
        created_by=ctx.participant.id if ctx.participant else None,
        now=ctx.now,
    )
    if open_now:
        await rounds.open_round(ctx.conn, created.id, ctx.now)
    ctx.end()
    found = await rounds.get_round(ctx.conn, created.id)
    assert found is not None  # noqa: S101 - it was just created
    return await card(ctx, found, note=ctx.t("round-created"), replace=True)


def ask_new_deadline(ctx: Context, found: Round) -> list[Reply]:
    """Ask for a round's new deadline."""
    ctx.goto(DEADLINE_FLOW, "deadline", round_id=found.id)
    return [Reply(text=ctx.t("round-ask-new-deadline"), choices=(_cancel(ctx),))]


async def on_deadline_text(ctx: Context) -> list[Reply]:
    """Take a round's new deadline."""
    if not ctx.is_coordinator:
        ctx.end()
        return [with_menu(ctx, ctx.t("round-not-allowed"))]
    parsed = parse_day(ctx.incoming.text or "")
    found = await rounds.get_round(ctx.conn, int(ctx.data.get("round_id", 0)))
    if found is None:
        ctx.end()
        return [with_menu(ctx, ctx.t("round-unknown"))]
    if parsed is None:
        return [Reply(text=ctx.t("round-deadline-invalid"), choices=(_cancel(ctx),))]
    deadline = local_deadline(ctx, *parsed)
    if deadline <= ctx.now:
        return [Reply(text=ctx.t("round-deadline-past"), choices=(_cancel(ctx),))]
    await rounds.set_deadline(ctx.conn, found.id, deadline)
    ctx.end()
    moved = await rounds.get_round(ctx.conn, found.id)
    assert moved is not None  # noqa: S101 - it was just read
    return await card(ctx, moved, note=ctx.t("round-deadline-changed", deadline=deadline_text(ctx, deadline)))
