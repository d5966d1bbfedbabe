"""Creating a round step by step (name, date, place, groups, questions, deadline), and moving its deadline."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from enum import StrEnum

from pydantic import Field

from handlers.kit import intent
from handlers.kit.access import requires_role
from handlers.kit.context import Context
from handlers.kit.contract import Reply
from handlers.kit.dates import days_in_month, missing_day, parse_date_time
from handlers.kit.fallback import stale_button, unknown_button
from handlers.kit.feature import Feature
from handlers.kit.flows import Accepts, Flow, FlowData, Parking, Typing
from handlers.kit.labels import short_date
from handlers.kit.menu import with_menu
from handlers.kit.routes import on
from handlers.kit.text import clean_line, has_letters, label_key, split_items
from handlers.kit.who import Who
from handlers.rounds import notices as round_notices
from handlers.rounds import timeline as announce_step
from handlers.rounds.buttons import (
    Cancel,
    CommitmentsDone,
    ConfirmPast,
    Create,
    CreateAndOpen,
    DefaultQuestions,
    InAWeek,
    NewRound,
    Online,
    RoundDeadline,
    Today,
    ToggleCommitment,
)
from handlers.rounds.timeline import AnnouncedToday, ShortNotice, ShortNoticeAnswer
from handlers.rounds.views import (
    card,
    deadline_text,
    default_questions,
    groups_text,
    numbered,
    place_text,
)
from messages import load_messages
from storage import catalogue, rounds, timeline
from storage.rounds import DEFAULT_QUESTIONS

NAME_LIMITS = (5, 200)
PLACE_LIMITS = (2, 150)
MAX_QUESTIONS = 8
QUESTION_MAX = 200
END_OF_DAY = time(23, 59)


class Step(StrEnum):
    """Steps of creating a round, in order."""

    NAME = "name"
    DATE = "date"
    ANNOUNCED = "announced"  # when the timeline is published (OGP: at least two weeks before)
    SHORT_NOTICE = "short_notice"  # asked only when the round is less than two weeks after it
    PLACE = "place"
    COMMITMENTS = "commitments"
    QUESTIONS = "questions"
    DEADLINE = "deadline"
    CONFIRM = "confirm"


class NewRoundData(FlowData):
    """The round being described."""

    name: str = ""
    held_on: date | None = None
    announced_on: date | None = None
    short_notice_confirmed: bool = False
    place: str | None = None
    online: bool = False
    commitment_ids: list[int] = Field(default_factory=list)
    questions: list[tuple[str | None, str]] = Field(default_factory=list)  # (key of a default question, its text)
    deadline: datetime | None = None
    past_day: date | None = None  # a date that has passed, until the coordinator confirms a past meeting
    past_deadline: datetime | None = None  # likewise for the deadline


class DeadlineStep(StrEnum):
    """The one step of moving a deadline."""

    DEADLINE = "deadline"


class MovingDeadline(FlowData):
    """The round whose deadline moves."""

    round_id: int


def parse_day(raw: str) -> tuple[date, time | None] | None:
    """Read d/m/yyyy (or yyyy-mm-dd), optionally followed by hh:mm; None when it is not a real date."""
    return parse_date_time(raw)


def date_refusal(ctx: Context, typed: str, key: str = "round-date-invalid") -> str:
    """Return why a typed date was not taken: a day its month does not have, or the form it should have."""
    missing = missing_day(typed)
    if missing is None:
        return ctx.t(key)
    day, month, year = missing
    return ctx.t("date-no-such-day", day=day, month=month, year=year, days=days_in_month(month, year))


def local_deadline(ctx: Context, day: date, at: time | None) -> datetime:
    """Return the instant a deadline typed in Amman time means (the end of the day when no time is given)."""
    return datetime.combine(day, at or END_OF_DAY, tzinfo=ctx.config.timezone)


async def prompt(ctx: Context, draft: NewRoundData, *, replace: bool = False) -> Reply:
    """Return the question of the current creation step."""
    step = Step(ctx.step or Step.NAME)
    cancel = Cancel().choice(ctx.t("cancel-button"))
    if step is Step.NAME:
        return Reply(text=ctx.t("round-ask-name"), choices=(cancel,), replace=replace)
    if step is Step.DATE:
        today = Today().choice(ctx.t("round-today-button"))
        if draft.past_day is None:
            return Reply(text=ctx.t("round-ask-date"), choices=(today, cancel), replace=replace)
        keep = ConfirmPast().choice(ctx.t("round-past-keep-button"))
        text = ctx.t("round-date-past", date=short_date(ctx, draft.past_day))
        return Reply(text=text, choices=(keep, today, cancel), replace=replace)
    if step is Step.ANNOUNCED:
        return announce_step.ask_announced(ctx, replace=replace)
    if step is Step.SHORT_NOTICE:
        return announce_step.ask_short_notice(ctx, draft.announced_on, draft.held_on, replace=replace)
    if step is Step.PLACE:
        online = Online().choice(ctx.t("round-online-button"))
        return Reply(text=ctx.t("round-ask-place"), choices=(online, cancel), replace=replace)
    if step is Step.COMMITMENTS:
        chosen = set(draft.commitment_ids)
        choices = [
            ToggleCommitment(commitment=c.id).choice(("✅ " if c.id in chosen else "▫️ ") + f"{c.number}. {ctx.name(c)}")
            for c in await catalogue.list_commitments(ctx.conn)
        ]
        done = CommitmentsDone().choice(ctx.t("round-commitments-done"))
        return Reply(text=ctx.t("round-ask-commitments"), choices=(*choices, done, cancel), replace=replace)
    if step is Step.QUESTIONS:
        text = ctx.t("round-ask-questions", questions=numbered([q for _, q in default_questions(ctx)]))
        use = DefaultQuestions().choice(ctx.t("round-questions-default"))
        return Reply(text=text, choices=(use, cancel), replace=replace)
    if step is Step.DEADLINE:
        week = InAWeek().choice(ctx.t("round-week-button"))
        if draft.past_deadline is None:
            return Reply(text=ctx.t("round-ask-deadline"), choices=(week, cancel), replace=replace)
        keep = ConfirmPast().choice(ctx.t("round-past-keep-button"))
        text = ctx.t("round-deadline-past-confirm", deadline=deadline_text(ctx, draft.past_deadline))
        return Reply(text=text, choices=(keep, week, cancel), replace=replace)
    return await _preview(ctx, draft, replace=replace)


async def _preview(ctx: Context, draft: NewRoundData, *, replace: bool) -> Reply:
    chosen = set(draft.commitment_ids)
    commitments = [c for c in await catalogue.list_commitments(ctx.conn) if c.id in chosen]
    text = ctx.t(
        "round-preview",
        name=draft.name,
        date=short_date(ctx, draft.held_on) if draft.held_on else ctx.t("round-no-date"),
        place=place_text(ctx, draft.place, draft.online),
        deadline=deadline_text(ctx, draft.deadline),
        groups=groups_text(ctx, commitments),
        questions=numbered([text for _, text in draft.questions]),
    )
    text += "\n" + announce_step.preview_line(ctx, draft.announced_on, draft.held_on, draft.short_notice_confirmed)
    choices = (
        Create().choice(ctx.t("round-create-button")),
        CreateAndOpen().choice(ctx.t("round-create-open-button")),
        Cancel().choice(ctx.t("cancel-button")),
    )
    return Reply(text=text, choices=choices, replace=replace)


@requires_role(Who.COORDINATOR)
async def begin(ctx: Context, press: NewRound) -> list[Reply]:
    """Start creating a round, with every commitment of the active plan selected."""
    everything = [c.id for c in await catalogue.list_commitments(ctx.conn)]
    draft = NEW_ROUND.start(ctx, Step.NAME, commitment_ids=everything)
    return [await prompt(ctx, draft)]


_ORDER = list(Step)


async def _advance(ctx: Context, draft: NewRoundData, *, replace: bool = True) -> list[Reply]:
    """Store the step's answer and ask the next question."""
    following = _ORDER[_ORDER.index(Step(ctx.step or Step.NAME)) + 1]
    NEW_ROUND.goto(ctx, following, draft)
    return [await prompt(ctx, draft, replace=replace)]


@requires_role(Who.COORDINATOR)
async def today(ctx: Context, press: Today) -> list[Reply]:
    """The round is held today."""
    draft = NEW_ROUND.load(ctx)
    draft.held_on = ctx.local_now.date()
    return await _advance(ctx, draft)


@requires_role(Who.COORDINATOR)
async def online(ctx: Context, press: Online) -> list[Reply]:
    """The round is held online."""
    draft = NEW_ROUND.load(ctx)
    draft.place, draft.online = None, True
    return await _advance(ctx, draft)


@requires_role(Who.COORDINATOR)
async def default(ctx: Context, press: DefaultQuestions) -> list[Reply]:
    """Use the seed meeting's questions."""
    draft = NEW_ROUND.load(ctx)
    draft.questions = default_questions(ctx)
    return await _advance(ctx, draft)


@requires_role(Who.COORDINATOR)
async def toggle(ctx: Context, press: ToggleCommitment) -> list[Reply]:
    """Put a working group in or out of the round."""
    if press.commitment not in {c.id for c in await catalogue.list_commitments(ctx.conn)}:
        return await stale_button(ctx)
    draft = NEW_ROUND.load(ctx)
    chosen = draft.commitment_ids
    draft.commitment_ids = (
        [c for c in chosen if c != press.commitment]
        if press.commitment in chosen
        else [
            *chosen,
            press.commitment,
        ]
    )
    NEW_ROUND.goto(ctx, Step.COMMITMENTS, draft)
    return [await prompt(ctx, draft, replace=True)]


@requires_role(Who.COORDINATOR)
async def groups_done(ctx: Context, press: CommitmentsDone) -> list[Reply]:
    """Go on once at least one working group is chosen."""
    draft = NEW_ROUND.load(ctx)
    if not draft.commitment_ids:
        return [Reply(text=ctx.t("round-commitments-empty")), await prompt(ctx, draft)]
    return await _advance(ctx, draft)


@requires_role(Who.COORDINATOR)
async def in_a_week(ctx: Context, press: InAWeek) -> list[Reply]:
    """The deadline is a week after the round's date."""
    draft = NEW_ROUND.load(ctx)
    held = (draft.held_on or ctx.local_now.date()) + timedelta(days=7)
    return await _take_deadline(ctx, draft, local_deadline(ctx, held, None), replace=True)


def _stored_questions(questions: list[tuple[str | None, str]]) -> list[tuple[str | None, str]]:
    """Return the questions as stored: a default one in Arabic (it is shown from the catalogue in either language)."""
    arabic = load_messages()
    return [(key, arabic.t(DEFAULT_QUESTIONS[key]) if key in DEFAULT_QUESTIONS else text) for key, text in questions]


@requires_role(Who.COORDINATOR)
async def create(ctx: Context, press: Create | CreateAndOpen) -> list[Reply]:
    """Save the round (and open it, with the second button)."""
    draft = NEW_ROUND.load(ctx)
    created = await rounds.create_round(
        ctx.conn,
        name=draft.name,
        held_on=draft.held_on,
        place=draft.place,
        online=draft.online,
        deadline=draft.deadline,
        commitment_ids=draft.commitment_ids,
        questions=_stored_questions(draft.questions),
        created_by=ctx.participant.id if ctx.participant else None,
        now=ctx.now,
    )
    created = await timeline.set_timeline(
        ctx.conn,
        created.id,
        announced_on=draft.announced_on,
        confirmed_by=ctx.participant.id if ctx.participant and draft.short_notice_confirmed else None,
        confirmed_at=ctx.now if draft.short_notice_confirmed else None,
    )
    if isinstance(press, CreateAndOpen):
        created = await rounds.open_round(ctx.conn, created.id, ctx.now)
    ctx.end()
    return await card(ctx, created, note=ctx.t("round-created"), replace=True)


@requires_role(Who.COORDINATOR)
async def take_name(ctx: Context, draft: NewRoundData) -> list[Reply]:
    """Take the round's name."""
    name = clean_line(ctx.incoming.text or "")
    low, high = NAME_LIMITS
    if not low <= len(name) <= high:
        return [Reply(text=ctx.t("round-name-invalid", min=low, max=high)), await prompt(ctx, draft)]
    draft.name = name
    return await _advance(ctx, draft, replace=False)


@requires_role(Who.COORDINATOR)
async def take_date(ctx: Context, draft: NewRoundData) -> list[Reply]:
    """Take the round's date («اليوم» is today); a date that has passed is kept once the coordinator confirms."""
    typed = ctx.incoming.text or ""
    today = ctx.local_now.date()
    if draft.past_day is not None and intent.says_yes(label_key(typed)):  # «اختر «نعم»», and «نعم» typed
        draft.held_on, draft.past_day = draft.past_day, None
        return await _advance(ctx, draft, replace=False)
    parsed = (today, None) if label_key(typed) == label_key(ctx.t("round-today-word")) else parse_day(typed)
    if parsed is None:
        return [Reply(text=date_refusal(ctx, typed)), await prompt(ctx, draft)]
    draft.past_day = None
    if parsed[0] < today:
        draft.past_day = parsed[0]
        NEW_ROUND.goto(ctx, Step.DATE, draft)
        return [await prompt(ctx, draft)]
    draft.held_on = parsed[0]
    return await _advance(ctx, draft, replace=False)


async def _announced(ctx: Context, draft: NewRoundData, day: date, *, replace: bool) -> list[Reply]:
    """Take the announcement date; a round less than two weeks after it asks for a confirmation first."""
    if draft.held_on is not None and day > draft.held_on:
        return [Reply(text=ctx.t("announce-after-round")), await prompt(ctx, draft)]
    draft.announced_on, draft.short_notice_confirmed = day, False
    following = Step.SHORT_NOTICE if timeline.short_notice(day, draft.held_on) else Step.PLACE
    NEW_ROUND.goto(ctx, following, draft)
    return [await prompt(ctx, draft, replace=replace)]


@requires_role(Who.COORDINATOR)
async def take_announced(ctx: Context, draft: NewRoundData) -> list[Reply]:
    """Take the typed announcement date."""
    typed = ctx.incoming.text or ""
    day = parse_day(typed)
    if day is None or day[1] is not None:
        return [Reply(text=date_refusal(ctx, typed)), await prompt(ctx, draft)]
    return await _announced(ctx, draft, day[0], replace=False)


@requires_role(Who.COORDINATOR)
async def announced_today(ctx: Context, press: AnnouncedToday) -> list[Reply]:
    """The timeline is announced today."""
    return await _announced(ctx, NEW_ROUND.load(ctx), ctx.local_now.date(), replace=True)


@requires_role(Who.COORDINATOR)
async def short_notice(ctx: Context, press: ShortNotice) -> list[Reply]:
    """Confirm a short notice (recorded with the round), or go back to the announcement date."""
    draft = NEW_ROUND.load(ctx)
    if press.answer is ShortNoticeAnswer.CHANGE:
        NEW_ROUND.goto(ctx, Step.ANNOUNCED, draft)
        return [await prompt(ctx, draft, replace=True)]
    draft.short_notice_confirmed = True
    NEW_ROUND.goto(ctx, Step.PLACE, draft)
    return [await prompt(ctx, draft, replace=True)]


@requires_role(Who.COORDINATOR)
async def confirm_past(ctx: Context, press: ConfirmPast) -> list[Reply]:
    """Keep the date or deadline that has passed: the round records a meeting that took place."""
    draft = NEW_ROUND.load(ctx)
    if NEW_ROUND.at(ctx, Step.DATE) and draft.past_day is not None:
        draft.held_on, draft.past_day = draft.past_day, None
        return await _advance(ctx, draft)
    if NEW_ROUND.at(ctx, Step.DEADLINE) and draft.past_deadline is not None:
        draft.deadline, draft.past_deadline = draft.past_deadline, None
        return await _advance(ctx, draft)
    return await stale_button(ctx)


@requires_role(Who.COORDINATOR)
async def take_place(ctx: Context, draft: NewRoundData) -> list[Reply]:
    """Take where the round is held."""
    place = clean_line(ctx.incoming.text or "")
    low, high = PLACE_LIMITS
    if not low <= len(place) <= high:
        return [Reply(text=ctx.t("round-place-invalid", min=low, max=high)), await prompt(ctx, draft)]
    draft.place, draft.online = place, False
    return await _advance(ctx, draft, replace=False)


@requires_role(Who.COORDINATOR)
async def take_questions(ctx: Context, draft: NewRoundData) -> list[Reply]:
    """Take the discussion questions, one per line (or several on a line, each ending with «؟»)."""
    questions = split_items(ctx.incoming.text or "")
    if questions and not all(has_letters(q) for q in questions):  # «1» typed for the first choice is no question
        return [Reply(text=ctx.t("round-questions-need-words")), await prompt(ctx, draft)]
    if not 1 <= len(questions) <= MAX_QUESTIONS or any(len(q) > QUESTION_MAX for q in questions):
        return [Reply(text=ctx.t("round-questions-invalid", max=MAX_QUESTIONS, length=QUESTION_MAX))]
    draft.questions = [(None, q) for q in questions]
    return await _advance(ctx, draft, replace=False)


@requires_role(Who.COORDINATOR)
async def take_deadline(ctx: Context, draft: NewRoundData) -> list[Reply]:
    """Take the deadline for input."""
    typed = ctx.incoming.text or ""
    if draft.past_deadline is not None and intent.says_yes(label_key(typed)):
        draft.deadline, draft.past_deadline = draft.past_deadline, None
        return await _advance(ctx, draft, replace=False)
    parsed = parse_day(typed)
    if parsed is None:
        return [Reply(text=date_refusal(ctx, typed, "round-deadline-invalid")), await prompt(ctx, draft)]
    return await _take_deadline(ctx, draft, local_deadline(ctx, *parsed), replace=False)


async def _take_deadline(ctx: Context, draft: NewRoundData, deadline: datetime, *, replace: bool) -> list[Reply]:
    held = draft.held_on
    if held is not None and deadline.astimezone(ctx.config.timezone).date() < held:
        words = {"deadline": deadline_text(ctx, deadline), "date": short_date(ctx, held)}
        return [Reply(text=ctx.t("round-deadline-before-meeting", **words)), await prompt(ctx, draft)]
    draft.past_deadline = None
    if deadline <= ctx.now:  # a meeting being recorded after the fact: asked to confirm
        draft.past_deadline = deadline
        NEW_ROUND.goto(ctx, Step.DEADLINE, draft)
        return [await prompt(ctx, draft, replace=replace)]
    draft.deadline = deadline
    return await _advance(ctx, draft, replace=replace)


async def ask_again(ctx: Context, draft: NewRoundData) -> list[Reply]:
    """Ask a button step's question again when text arrives instead."""
    return [await prompt(ctx, draft)]


@requires_role(Who.COORDINATOR)
async def typed_at_preview(ctx: Context, draft: NewRoundData) -> list[Reply]:
    """Text at the round's preview: say that nothing changed, and show the preview with its buttons again."""
    return [Reply(text=ctx.t("round-preview-typed")), await prompt(ctx, draft)]


@requires_role(Who.COORDINATOR)
async def ask_new_deadline(ctx: Context, press: RoundDeadline) -> list[Reply]:
    """Ask for a round's new deadline."""
    found = await rounds.get_round(ctx.conn, press.round)
    if found is None:
        return await unknown_button(ctx)
    return await ask_new_deadline_again(ctx, MOVE_DEADLINE.start(ctx, DeadlineStep.DEADLINE, round_id=found.id))


async def ask_new_deadline_again(ctx: Context, moving: MovingDeadline) -> list[Reply]:
    """Ask for the round's new deadline."""
    return [Reply(text=ctx.t("round-ask-new-deadline"), choices=(Cancel().choice(ctx.t("cancel-button")),))]


@requires_role(Who.COORDINATOR)
async def take_new_deadline(ctx: Context, moving: MovingDeadline) -> list[Reply]:
    """Take a round's new deadline."""
    cancel = (Cancel().choice(ctx.t("cancel-button")),)
    typed = ctx.incoming.text or ""
    parsed = parse_day(typed)
    found = await rounds.get_round(ctx.conn, moving.round_id)
    if found is None:
        ctx.end()
        return [with_menu(ctx, ctx.t("round-unknown"))]
    if parsed is None:
        return [Reply(text=date_refusal(ctx, typed, "round-deadline-invalid"), choices=cancel)]
    deadline = local_deadline(ctx, *parsed)
    if deadline <= ctx.now:
        return [Reply(text=ctx.t("round-deadline-past"), choices=cancel)]
    moved = await rounds.set_deadline(ctx.conn, found.id, deadline)
    ctx.end()
    told = await round_notices.deadline_moved(ctx, moved)
    note = ctx.t("round-deadline-changed", deadline=deadline_text(ctx, deadline), count=told)
    return await card(ctx, moved, note=note)


def _describe(ctx: Context, draft: NewRoundData) -> str:
    return ctx.t("round-parked", name=draft.name or "—")


NEW_ROUND = Flow(
    name="round_new",
    data=NewRoundData,
    cancel=Cancel,
    # A round half set up is kept when the coordinator leaves it (a command, the menu) and offered back.
    parking=Parking(keep=lambda draft: bool(draft.name), describe=_describe, resume=ask_again),
    steps={
        Step.NAME: Accepts(text=take_name, question=ask_again, goes=(Step.DATE,)),
        Step.DATE: Accepts(
            text=take_date,
            buttons=(on(Today, today), on(ConfirmPast, confirm_past)),
            question=ask_again,
            goes=(Step.ANNOUNCED,),
        ),
        Step.ANNOUNCED: Accepts(
            text=take_announced,
            buttons=(on(AnnouncedToday, announced_today),),
            question=ask_again,
            goes=(Step.SHORT_NOTICE, Step.PLACE),
        ),
        # A date typed at the warning is a new announcement date (checked again); anything else asks again.
        Step.SHORT_NOTICE: Accepts(
            text=take_announced,
            buttons=(on(ShortNotice, short_notice),),
            question=ask_again,
            typing=Typing.CHOICE,
            goes=(Step.ANNOUNCED, Step.PLACE),
        ),
        Step.PLACE: Accepts(
            text=take_place, buttons=(on(Online, online),), question=ask_again, goes=(Step.COMMITMENTS,)
        ),
        Step.COMMITMENTS: Accepts(
            buttons=(on(ToggleCommitment, toggle), on(CommitmentsDone, groups_done)),
            question=ask_again,
            goes=(Step.QUESTIONS,),
        ),
        Step.QUESTIONS: Accepts(
            text=take_questions, buttons=(on(DefaultQuestions, default),), question=ask_again, goes=(Step.DEADLINE,)
        ),
        Step.DEADLINE: Accepts(
            text=take_deadline,
            buttons=(on(InAWeek, in_a_week), on(ConfirmPast, confirm_past)),
            question=ask_again,
            goes=(Step.CONFIRM,),
        ),
        Step.CONFIRM: Accepts(
            text=typed_at_preview,
            buttons=(on(Create, create), on(CreateAndOpen, create)),
            question=ask_again,
            typing=Typing.CHOICE,
        ),
    },
)

MOVE_DEADLINE = Flow(
    name="round_deadline",
    data=MovingDeadline,
    cancel=Cancel,
    steps={DeadlineStep.DEADLINE: Accepts(text=take_new_deadline, question=ask_new_deadline_again)},
)

FEATURE = Feature(
    buttons=(
        on(NewRound, begin),
        on(RoundDeadline, ask_new_deadline),
    ),
    flows=(NEW_ROUND, MOVE_DEADLINE),
)
