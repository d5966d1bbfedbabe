"""/reminders (coordinators): see the reminder rules and change them in the chat."""

from __future__ import annotations

from datetime import timedelta

from handlers.context import Context
from handlers.contract import Choice, Reply
from handlers.fallback import stale_button, unknown_button
from handlers.feature import Feature
from handlers.labels import short_date
from handlers.menu import with_menu
from handlers.text import clean_line, western_digits
from storage import outbox
from storage import reminders as rem
from storage.reminders import ReminderRules

FLOW = "reminders"
STEP_VALUE = "value"
HEALTH_DAYS = 7

# rule -> (label key, hint key), in the order shown
RULES = {
    "update_cron": ("rem-rule-update-cron", "rem-hint-update-cron"),
    "answer_officer_days": ("rem-rule-answer-officer", "rem-hint-days"),
    "answer_coordinator_days": ("rem-rule-answer-coordinator", "rem-hint-days"),
    "milestone_days_before": ("rem-rule-milestone", "rem-hint-days"),
    "round_days_before": ("rem-rule-round", "rem-hint-days"),
    "quiet_start": ("rem-rule-quiet-start", "rem-hint-time"),
    "quiet_end": ("rem-rule-quiet-end", "rem-hint-time"),
    "working_days": ("rem-rule-working-days", "rem-hint-working-days"),
}


async def _rules(ctx: Context) -> ReminderRules:
    return await rem.load_rules(ctx.conn, ctx.config.reminder_defaults)


async def start(ctx: Context) -> list[Reply]:
    """Answer /reminders: coordinators only."""
    if not ctx.is_coordinator:
        return [with_menu(ctx, ctx.t("rem-not-allowed"))]
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
    choices = tuple(Choice(id=f"rem:e:{key}", label=ctx.t(label)) for key, (label, _) in RULES.items())
    return Reply(
        text="\n".join(lines), choices=(*choices, Choice(id="rem:x", label=ctx.t("rem-close"))), replace=replace
    )


def _next_updates(ctx: Context, rules: ReminderRules) -> str:
    trigger = rules.update_trigger(ctx.config.timezone)
    if trigger is None:
        return ctx.t("rem-update-off")
    moments: list[str] = []
    moment = trigger.get_next_fire_time(None, ctx.now)
    while moment is not None and len(moments) < 3:
        moments.append(f"{short_date(ctx, moment)} {moment.astimezone(ctx.config.timezone):%H:%M}")
        moment = trigger.get_next_fire_time(moment, moment + timedelta(seconds=1))
    return ctx.t("rem-update-next", times="، ".join(moments))


def _health(counts: dict[str, int], ctx: Context) -> str:
    return ctx.t(
        "rem-health",
        days=HEALTH_DAYS,
        sent=counts.get("sent", 0),
        waiting=counts.get("pending", 0) + counts.get("sending", 0),
        failed=counts.get("failed", 0),
        unreachable=counts.get("unreachable", 0),
    )


async def on_choice(ctx: Context) -> list[Reply]:
    """Route a rem:* button, re-checking the role."""
    if not ctx.is_coordinator:
        ctx.end()
        return [with_menu(ctx, ctx.t("rem-not-allowed"))]
    parts = (ctx.incoming.choice or "").split(":")
    if parts == ["rem", "x"]:
        ctx.end()
        return [with_menu(ctx, ctx.t("rem-closed"), replace=True)]
    if len(parts) == 3 and parts[1] == "e" and parts[2] in RULES:
        return _ask_value(ctx, parts[2], await _rules(ctx))
    if parts == ["rem", "d"]:
        if ctx.flow != FLOW or ctx.step != STEP_VALUE:
            return await stale_button(ctx)
        key = str(ctx.data["rule"])
        await rem.reset_rule(ctx.conn, key)
        ctx.end()
        return [await _overview(ctx, note=ctx.t("rem-reset", rule=ctx.t(RULES[key][0])), replace=True)]
    return await unknown_button(ctx)


def _ask_value(ctx: Context, key: str, rules: ReminderRules) -> list[Reply]:
    ctx.goto(FLOW, STEP_VALUE, rule=key)
    label, hint = RULES[key]
    text = ctx.t(
        "rem-ask-value",
        rule=ctx.t(label),
        value=rem.rule_text(rules, key),
        default=rem.rule_text(ctx.config.reminder_defaults, key),
        hint=ctx.t(hint),
    )
    choices = (Choice(id="rem:d", label=ctx.t("rem-default-button")), Choice(id="rem:x", label=ctx.t("rem-close")))
    return [Reply(text=text, choices=choices, replace=True)]


async def on_text(ctx: Context) -> list[Reply]:
    """Take a rule's new value."""
    if not ctx.is_coordinator:
        ctx.end()
        return [with_menu(ctx, ctx.t("rem-not-allowed"))]
    key = str(ctx.data.get("rule", ""))
    if key not in RULES:
        ctx.end()
        return [with_menu(ctx, ctx.t("not-understood"))]
    value = western_digits(clean_line(ctx.incoming.text or ""))
    try:
        changed = rem.parse_rule(await _rules(ctx), key, value)
    except rem.RuleError:
        return [
            Reply(
                text=ctx.t("rem-bad-value", hint=ctx.t(RULES[key][1])),
                choices=(Choice(id="rem:x", label=ctx.t("rem-close")),),
            )
        ]
    stored = rem.rule_text(changed, key)
    await rem.save_rule(ctx.conn, key, stored, ctx.participant.id if ctx.participant else None, ctx.now)
    ctx.end()
    return [await _overview(ctx, note=ctx.t("rem-saved", rule=ctx.t(RULES[key][0]), value=stored))]


FEATURE = Feature(commands={"reminders": start}, choices={"rem": on_choice}, legacy_flows={FLOW: on_text})
