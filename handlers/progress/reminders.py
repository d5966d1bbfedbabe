"""/reminders (coordinators): see the reminder rules and change them in the chat."""

from __future__ import annotations

from datetime import time, timedelta
from enum import StrEnum

from pydantic import Field

from handlers.kit import reminder_rules
from handlers.kit.access import requires_role
from handlers.kit.buttons import Button
from handlers.kit.context import Context
from handlers.kit.contract import Choice, Reply
from handlers.kit.fallback import stale_button
from handlers.kit.feature import Feature
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.kit.labels import short_date
from handlers.kit.menu import with_menu
from handlers.kit.reminder_rules import ReminderRules
from handlers.kit.routes import on
from handlers.kit.text import clean_line, western_digits
from handlers.kit.who import Who
from handlers.progress import schedule
from handlers.progress.schedule import Every
from storage import audit, outbox
from storage import reminders as rem

HEALTH_DAYS = 7


class Rule(StrEnum):
    """The rules a coordinator can change, in the order shown."""

    UPDATE_CRON = "update_cron"
    ANSWER_OFFICER_DAYS = "answer_officer_days"
    ANSWER_COORDINATOR_DAYS = "answer_coordinator_days"
    MILESTONE_DAYS_BEFORE = "milestone_days_before"
    ROUND_DAYS_BEFORE = "round_days_before"
    QUIET_START = "quiet_start"
    QUIET_END = "quiet_end"
    WORKING_DAYS = "working_days"


# rule -> (label key, hint key); the schedule and the working days are chosen with buttons, not typed
RULES = {
    Rule.UPDATE_CRON: ("rem-rule-update-cron", None),
    Rule.ANSWER_OFFICER_DAYS: ("rem-rule-answer-officer", "rem-hint-days"),
    Rule.ANSWER_COORDINATOR_DAYS: ("rem-rule-answer-coordinator", "rem-hint-days"),
    Rule.MILESTONE_DAYS_BEFORE: ("rem-rule-milestone", "rem-hint-days"),
    Rule.ROUND_DAYS_BEFORE: ("rem-rule-round", "rem-hint-days"),
    Rule.QUIET_START: ("rem-rule-quiet-start", "rem-hint-time"),
    Rule.QUIET_END: ("rem-rule-quiet-end", "rem-hint-time"),
    Rule.WORKING_DAYS: ("rem-rule-working-days", None),
}
DAY_RULES = (
    Rule.ANSWER_OFFICER_DAYS,
    Rule.ANSWER_COORDINATOR_DAYS,
    Rule.MILESTONE_DAYS_BEFORE,
    Rule.ROUND_DAYS_BEFORE,
)
HOURS = (8, 9, 10, 11, 12, 13)  # offered as buttons for the progress reminder; any hh:mm can be typed


class Step(StrEnum):
    """Steps of changing a rule: a typed value, or the schedule (how often, which day, what time), or the days."""

    VALUE = "value"
    EVERY = "every"
    DAY = "day"
    TIME = "time"
    DAYS = "days"


class Changing(FlowData):
    """The rule being changed and, for the schedule and the working days, what was chosen so far."""

    rule: Rule
    every: Every | None = None
    day: str | None = None
    days: list[str] = Field(default_factory=list)


class Weekday(StrEnum):
    """A day of the week as a button carries it."""

    SUN = "sun"
    MON = "mon"
    TUE = "tue"
    WED = "wed"
    THU = "thu"
    FRI = "fri"
    SAT = "sat"


class EditRule(Button, prefix="rem:e"):
    """Change one rule."""

    rule: Rule


class RestoreDefault(Button, prefix="rem:d"):
    """Give the rule being changed its default back."""


class Close(Button, prefix="rem:x"):
    """Close the reminder settings."""


class PickEvery(Button, prefix="rem:every"):
    """How often the progress reminder goes."""

    every: Every


class TurnOff(Button, prefix="rem:off"):
    """Stop the progress reminder."""


class PickDay(Button, prefix="rem:day"):
    """The weekday the progress reminder goes on."""

    day: Weekday


class PickHour(Button, prefix="rem:h"):
    """The hour the progress reminder goes at."""

    hour: int


class ToggleDay(Button, prefix="rem:wd"):
    """Count a day as a working day, or not."""

    day: Weekday


class SaveDays(Button, prefix="rem:wdok"):
    """Save the working days chosen."""


async def _rules(ctx: Context) -> ReminderRules:
    return await reminder_rules.load_rules(ctx.conn, ctx.config.reminder_defaults)


def value_text(ctx: Context, rules: ReminderRules, key: Rule) -> str:
    """Return a rule's value in Arabic words (never cron or English day names)."""
    if key is Rule.UPDATE_CRON:
        return schedule.describe(ctx, rules.update_cron)
    if key is Rule.WORKING_DAYS:
        return schedule.days_text(ctx, rules.working_days)
    if key in DAY_RULES:
        days = int(getattr(rules, key.value))
        return ctx.t("rem-days", days=days) if days else ctx.t("rem-off")
    return reminder_rules.rule_text(rules, key)


@requires_role(Who.COORDINATOR)
async def start(ctx: Context) -> list[Reply]:
    """Answer /reminders: the rules, the next reminders and how delivery went."""
    ctx.end()
    return [await _overview(ctx)]


async def _overview(ctx: Context, *, note: str | None = None, replace: bool = False) -> Reply:
    rules = await _rules(ctx)
    lines = [note, ""] if note else []
    lines.append(ctx.t("rem-title"))
    for key, (label, _) in RULES.items():
        lines.append(ctx.t("rem-rule-line", rule=ctx.t(label), value=value_text(ctx, rules, key)))
    lines += [
        "",
        _next_updates(ctx, rules),
        _health(await outbox.push_counts(ctx.conn, ctx.now - timedelta(days=HEALTH_DAYS)), ctx),
    ]
    choices = tuple(EditRule(rule=key).choice(ctx.t(label)) for key, (label, _) in RULES.items())
    return Reply(text="\n".join(lines), choices=(*choices, Close().choice(ctx.t("rem-close"))), replace=replace)


def _next_updates(ctx: Context, rules: ReminderRules) -> str:
    trigger = rules.update_trigger(ctx.config.timezone)
    if trigger is None:
        return ctx.t("rem-update-off")
    moments: list[str] = []
    moment = trigger.get_next_fire_time(None, ctx.now)
    while moment is not None and len(moments) < 3:
        local = moment.astimezone(ctx.config.timezone)
        moments.append(f"{short_date(ctx, local)} {ctx.messages.time(local)}")
        moment = trigger.get_next_fire_time(moment, moment + timedelta(seconds=1))
    return ctx.t("rem-update-next", times=ctx.messages.join(moments))


def _health(counts: dict[str, int], ctx: Context) -> str:
    return ctx.t(
        "rem-health",
        days=HEALTH_DAYS,
        sent=counts.get("sent", 0),
        waiting=counts.get("pending", 0) + counts.get("sending", 0),
        failed=counts.get("failed", 0),
        unreachable=counts.get("unreachable", 0),
    )


@requires_role(Who.COORDINATOR)
async def close(ctx: Context, press: Close) -> list[Reply]:
    """Close the settings (and leave a change half-made)."""
    ctx.end()
    return [with_menu(ctx, ctx.t("rem-closed"), replace=True)]


def _closing(ctx: Context) -> tuple[Choice, ...]:
    return (RestoreDefault().choice(ctx.t("rem-default-button")), Close().choice(ctx.t("rem-close")))


@requires_role(Who.COORDINATOR)
async def edit_rule(ctx: Context, press: EditRule) -> list[Reply]:
    """Ask for a rule's new value: buttons for the schedule and the working days, a typed value otherwise."""
    rules = await _rules(ctx)
    if press.rule is Rule.UPDATE_CRON:
        CHANGE_RULE.start(ctx, Step.EVERY, rule=press.rule)
        return [_ask_every(ctx, rules)]
    if press.rule is Rule.WORKING_DAYS:
        changing = CHANGE_RULE.start(ctx, Step.DAYS, rule=press.rule, days=rules.working_days.split(","))
        return [_ask_days(ctx, changing, replace=True)]
    return _ask_value(ctx, press.rule, rules)


@requires_role(Who.COORDINATOR)
async def restore_default(ctx: Context, press: RestoreDefault) -> list[Reply]:
    """Give the rule its default back."""
    key = CHANGE_RULE.load(ctx).rule
    await rem.reset_rule(ctx.conn, key)
    actor = ctx.participant.id if ctx.participant else None
    await audit.record(ctx.conn, actor, "reminders.reset", f"rule:{key}", None, ctx.now)
    ctx.end()
    return [await _overview(ctx, note=ctx.t("rem-reset", rule=ctx.t(RULES[key][0])), replace=True)]


def _ask_value(ctx: Context, key: Rule, rules: ReminderRules) -> list[Reply]:
    CHANGE_RULE.start(ctx, Step.VALUE, rule=key)
    return [_value_question(ctx, key, rules).model_copy(update={"replace": True})]


def _value_question(ctx: Context, key: Rule, rules: ReminderRules) -> Reply:
    label, hint = RULES[key]
    text = ctx.t(
        "rem-ask-value",
        rule=ctx.t(label),
        value=value_text(ctx, rules, key),
        default=value_text(ctx, ctx.config.reminder_defaults, key),
        hint=ctx.t(hint or "rem-hint-days"),
    )
    return Reply(text=text, choices=_closing(ctx))


async def _save(ctx: Context, key: Rule, value: str) -> list[Reply]:
    """Store a rule's value (already valid) and show the rules again."""
    changed = reminder_rules.parse_rule(await _rules(ctx), key, value)
    stored = reminder_rules.rule_text(changed, key)
    actor = ctx.participant.id if ctx.participant else None
    await rem.save_rule(ctx.conn, key, stored, actor, ctx.now)
    await audit.record(ctx.conn, actor, "reminders.change", f"rule:{key}", stored, ctx.now)
    ctx.end()
    note = ctx.t("rem-saved", rule=ctx.t(RULES[key][0]), value=value_text(ctx, changed, key))
    return [await _overview(ctx, note=note, replace=True)]


@requires_role(Who.COORDINATOR)
async def take_value(ctx: Context, changing: Changing) -> list[Reply]:
    """Take a rule's new typed value (a number of days, a time of day)."""
    key = changing.rule
    value = western_digits(clean_line(ctx.incoming.text or ""))
    try:
        reminder_rules.parse_rule(await _rules(ctx), key, value)
    except reminder_rules.RuleError:
        return [Reply(text=ctx.t("rem-bad-value", hint=ctx.t(RULES[key][1] or "rem-hint-days")), choices=_closing(ctx))]
    replies = await _save(ctx, key, value)
    return [reply.model_copy(update={"replace": False}) for reply in replies]


def _ask_every(ctx: Context, rules: ReminderRules) -> Reply:
    text = ctx.t(
        "rem-ask-every",
        value=schedule.describe(ctx, rules.update_cron),
        default=schedule.describe(ctx, ctx.config.reminder_defaults.update_cron),
    )
    choices = (
        PickEvery(every=Every.MONTH).choice(ctx.t("rem-every-month")),
        PickEvery(every=Every.WEEK).choice(ctx.t("rem-every-week")),
        TurnOff().choice(ctx.t("rem-turn-off")),
        *_closing(ctx),
    )
    return Reply(text=text, choices=choices, replace=True)


@requires_role(Who.COORDINATOR)
async def pick_every(ctx: Context, press: PickEvery) -> list[Reply]:
    """Take how often, then ask which day."""
    changing = CHANGE_RULE.load(ctx)
    changing.every = press.every
    CHANGE_RULE.goto(ctx, Step.DAY, changing)
    return [_ask_day(ctx, changing).model_copy(update={"replace": True})]


def _ask_day(ctx: Context, changing: Changing) -> Reply:
    key = "rem-ask-day-month" if changing.every is Every.MONTH else "rem-ask-day-week"
    days = tuple(PickDay(day=Weekday(d)).choice(schedule.day_name(ctx, d)) for d in schedule.WEEK_ORDER)
    return Reply(text=ctx.t(key), choices=(*days, Close().choice(ctx.t("rem-close"))))


@requires_role(Who.COORDINATOR)
async def pick_day(ctx: Context, press: PickDay) -> list[Reply]:
    """Take the day, then ask the time."""
    changing = CHANGE_RULE.load(ctx)
    changing.day = press.day.value
    CHANGE_RULE.goto(ctx, Step.TIME, changing)
    return [_ask_time(ctx, replace=True)]


def _ask_time(ctx: Context, *, replace: bool = False) -> Reply:
    hours = tuple(PickHour(hour=h).choice(f"{h:02d}:00") for h in HOURS)
    return Reply(text=ctx.t("rem-ask-time"), choices=(*hours, Close().choice(ctx.t("rem-close"))), replace=replace)


@requires_role(Who.COORDINATOR)
async def pick_hour(ctx: Context, press: PickHour) -> list[Reply]:
    """Take the hour and save the schedule."""
    if not 0 <= press.hour <= 23:
        return await stale_button(ctx)
    return await _save_schedule(ctx, CHANGE_RULE.load(ctx), time(press.hour, 0))


@requires_role(Who.COORDINATOR)
async def take_time(ctx: Context, changing: Changing) -> list[Reply]:
    """Take a typed time (hh:mm) and save the schedule."""
    try:
        at = time.fromisoformat(western_digits(clean_line(ctx.incoming.text or "")).zfill(5))
    except ValueError:
        return [Reply(text=ctx.t("rem-bad-value", hint=ctx.t("rem-hint-time"))), _ask_time(ctx)]
    replies = await _save_schedule(ctx, changing, at.replace(second=0, microsecond=0))
    return [reply.model_copy(update={"replace": False}) for reply in replies]


async def _save_schedule(ctx: Context, changing: Changing, at: time) -> list[Reply]:
    if changing.every is None or changing.day is None:
        ctx.end()
        return [await _overview(ctx)]
    return await _save(ctx, Rule.UPDATE_CRON, schedule.Schedule(changing.every, changing.day, at).cron())


@requires_role(Who.COORDINATOR)
async def turn_off(ctx: Context, press: TurnOff) -> list[Reply]:
    """Stop the progress reminder."""
    return await _save(ctx, Rule.UPDATE_CRON, reminder_rules.OFF)


def _ask_days(ctx: Context, changing: Changing, *, replace: bool = False) -> Reply:
    chosen = set(changing.days)
    days = tuple(
        ToggleDay(day=Weekday(d)).choice(("✅ " if d in chosen else "▫️ ") + schedule.day_name(ctx, d))
        for d in schedule.WEEK_ORDER
    )
    save = SaveDays().choice(ctx.t("rem-save-days"))
    return Reply(text=ctx.t("rem-ask-days"), choices=(*days, save, *_closing(ctx)), replace=replace)


@requires_role(Who.COORDINATOR)
async def toggle_day(ctx: Context, press: ToggleDay) -> list[Reply]:
    """Count a day as a working day, or not."""
    changing = CHANGE_RULE.load(ctx)
    day = press.day.value
    changing.days = [d for d in changing.days if d != day] if day in changing.days else [*changing.days, day]
    CHANGE_RULE.goto(ctx, Step.DAYS, changing)
    return [_ask_days(ctx, changing, replace=True)]


@requires_role(Who.COORDINATOR)
async def save_days(ctx: Context, press: SaveDays) -> list[Reply]:
    """Save the working days (at least one)."""
    changing = CHANGE_RULE.load(ctx)
    if not changing.days:
        return [Reply(text=ctx.t("rem-days-empty")), _ask_days(ctx, changing)]
    return await _save(ctx, Rule.WORKING_DAYS, ",".join(changing.days))


async def ask_step(ctx: Context, changing: Changing) -> list[Reply]:
    """Ask the question of the step the chat is in again."""
    if CHANGE_RULE.at(ctx, Step.VALUE):
        return [_value_question(ctx, changing.rule, await _rules(ctx))]
    if CHANGE_RULE.at(ctx, Step.TIME):
        return [_ask_time(ctx)]
    if CHANGE_RULE.at(ctx, Step.DAYS):
        return [_ask_days(ctx, changing)]
    if CHANGE_RULE.at(ctx, Step.EVERY):
        return [_ask_every(ctx, await _rules(ctx)).model_copy(update={"replace": False})]
    return [_ask_day(ctx, changing)]


CHANGE_RULE = Flow(
    name="reminders",
    data=Changing,
    entry=(Step.VALUE, Step.EVERY, Step.DAYS),
    steps={
        Step.VALUE: Accepts(question=ask_step, text=take_value, buttons=(on(RestoreDefault, restore_default),)),
        Step.EVERY: Accepts(
            buttons=(on(PickEvery, pick_every), on(TurnOff, turn_off), on(RestoreDefault, restore_default)),
            question=ask_step,
            goes=(Step.DAY,),
        ),
        Step.DAY: Accepts(buttons=(on(PickDay, pick_day),), question=ask_step, goes=(Step.TIME,)),
        Step.TIME: Accepts(question=ask_step, text=take_time, buttons=(on(PickHour, pick_hour),)),
        Step.DAYS: Accepts(
            buttons=(on(ToggleDay, toggle_day), on(SaveDays, save_days), on(RestoreDefault, restore_default)),
            question=ask_step,
        ),
    },
)

FEATURE = Feature(
    commands={"reminders": start},
    buttons=(
        on(EditRule, edit_rule),
        on(Close, close),
    ),
    flows=(CHANGE_RULE,),
)
