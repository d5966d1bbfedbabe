"""/reminders (coordinators): see the reminder rules and change them in the chat."""

from __future__ import annotations

from datetime import timedelta
from enum import StrEnum

from handlers.context import Context
from handlers.contract import Reply
from handlers.feature import Feature
from handlers.kit.access import requires_role
from handlers.kit.buttons import Button
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.kit.routes import on
from handlers.kit.who import Who
from handlers.labels import short_date
from handlers.menu import with_menu
from handlers.text import clean_line, western_digits
from storage import audit, outbox
from storage import reminders as rem
from storage.reminders import ReminderRules

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


# rule -> (label key, hint key)
RULES = {
    Rule.UPDATE_CRON: ("rem-rule-update-cron", "rem-hint-update-cron"),
    Rule.ANSWER_OFFICER_DAYS: ("rem-rule-answer-officer", "rem-hint-days"),
    Rule.ANSWER_COORDINATOR_DAYS: ("rem-rule-answer-coordinator", "rem-hint-days"),
    Rule.MILESTONE_DAYS_BEFORE: ("rem-rule-milestone", "rem-hint-days"),
    Rule.ROUND_DAYS_BEFORE: ("rem-rule-round", "rem-hint-days"),
    Rule.QUIET_START: ("rem-rule-quiet-start", "rem-hint-time"),
    Rule.QUIET_END: ("rem-rule-quiet-end", "rem-hint-time"),
    Rule.WORKING_DAYS: ("rem-rule-working-days", "rem-hint-working-days"),
}


class Step(StrEnum):
    """The one step: the rule's new value."""

    VALUE = "value"


class Changing(FlowData):
    """The rule being changed."""

    rule: Rule


class EditRule(Button, prefix="rem:e"):
    """Change one rule."""

    rule: Rule


class RestoreDefault(Button, prefix="rem:d"):
    """Give the rule being changed its default back."""


class Close(Button, prefix="rem:x"):
    """Close the reminder settings."""


async def _rules(ctx: Context) -> ReminderRules:
    return await rem.load_rules(ctx.conn, ctx.config.reminder_defaults)


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
        lines.append(ctx.t("rem-rule-line", rule=ctx.t(label), value=rem.rule_text(rules, key)))
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


@requires_role(Who.COORDINATOR)
async def edit_rule(ctx: Context, press: EditRule) -> list[Reply]:
    """Ask for a rule's new value."""
    return _ask_value(ctx, press.rule, await _rules(ctx))


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
    label, hint = RULES[key]
    text = ctx.t(
        "rem-ask-value",
        rule=ctx.t(label),
        value=rem.rule_text(rules, key),
        default=rem.rule_text(ctx.config.reminder_defaults, key),
        hint=ctx.t(hint),
    )
    choices = (RestoreDefault().choice(ctx.t("rem-default-button")), Close().choice(ctx.t("rem-close")))
    return [Reply(text=text, choices=choices, replace=True)]


@requires_role(Who.COORDINATOR)
async def take_value(ctx: Context, changing: Changing) -> list[Reply]:
    """Take a rule's new value."""
    key = changing.rule
    value = western_digits(clean_line(ctx.incoming.text or ""))
    try:
        changed = rem.parse_rule(await _rules(ctx), key, value)
    except rem.RuleError:
        return [
            Reply(
                text=ctx.t("rem-bad-value", hint=ctx.t(RULES[key][1])),
                choices=(Close().choice(ctx.t("rem-close")),),
            )
        ]
    stored = rem.rule_text(changed, key)
    actor = ctx.participant.id if ctx.participant else None
    await rem.save_rule(ctx.conn, key, stored, actor, ctx.now)
    await audit.record(ctx.conn, actor, "reminders.change", f"rule:{key}", stored, ctx.now)
    ctx.end()
    return [await _overview(ctx, note=ctx.t("rem-saved", rule=ctx.t(RULES[key][0]), value=stored))]


CHANGE_RULE = Flow(
    name="reminders", data=Changing, steps={Step.VALUE: Accepts(text=take_value, buttons=(RestoreDefault,))}
)

FEATURE = Feature(
    commands={"reminders": start},
    buttons=(on(EditRule, edit_rule), on(RestoreDefault, restore_default), on(Close, close)),
    flows=(CHANGE_RULE,),
)
