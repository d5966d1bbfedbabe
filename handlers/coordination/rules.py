"""/rules: the forum's rules of participation, public to everyone; coordinators set them (every version is kept)."""

from __future__ import annotations

from enum import StrEnum

from handlers.kit.access import requires_role
from handlers.kit.buttons import Button
from handlers.kit.context import Context
from handlers.kit.contract import Reply
from handlers.kit.feature import Feature
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.kit.labels import short_date
from handlers.kit.menu import with_menu
from handlers.kit.routes import on
from handlers.kit.text import clean_text
from handlers.kit.who import Who
from storage import audit, forum_rules

RULES_LIMITS = (20, 3500)  # one Telegram message with its heading


class Step(StrEnum):
    """Steps of setting the rules."""

    TEXT = "text"
    PREVIEW = "preview"
    ENGLISH = "english"


class Draft(FlowData):
    """The rules being written, and their English version when given."""

    text: str = ""
    text_en: str | None = None


class EditRules(Button, prefix="rules:e"):
    """Write new rules (coordinators)."""


class AddEnglish(Button, prefix="rules:en"):
    """Give the previewed rules an English version (optional)."""


class SaveRules(Button, prefix="rules:ok"):
    """Publish the previewed rules."""


class Cancel(Button, prefix="rules:x"):
    """Keep the rules as they are."""


async def show(ctx: Context) -> list[Reply]:
    """Answer /rules: the rules in force and when they were set (coordinators may change them)."""
    rules = await forum_rules.current_rules(ctx.conn)
    if rules is None:
        text = ctx.t("rules-none")
    else:
        text = ctx.t("rules-show", text=ctx.name(rules, "text"), date=short_date(ctx, rules.set_at))
    if not ctx.is_coordinator:
        return [with_menu(ctx, text)]
    return [Reply(text=text, choices=(EditRules().choice(ctx.t("rules-edit")),))]


@requires_role(Who.COORDINATOR)
async def edit(ctx: Context, press: EditRules) -> list[Reply]:
    """Ask for the new rules."""
    return await ask_again(ctx, RULES.start(ctx, Step.TEXT))


async def ask_again(ctx: Context, draft: Draft) -> list[Reply]:
    """Ask for the rules, or for their English version, as the step the chat is in wants."""
    low, high = RULES_LIMITS
    key = "rules-ask-english" if RULES.at(ctx, Step.ENGLISH) else "rules-ask"
    return [Reply(text=ctx.t(key, min=low, max=high), choices=(Cancel().choice(ctx.t("cancel-button")),))]


@requires_role(Who.COORDINATOR)
async def take_text(ctx: Context, draft: Draft) -> list[Reply]:
    """Take the rules' text, then preview them."""
    text = clean_text(ctx.incoming.text or "")
    low, high = RULES_LIMITS
    if not low <= len(text) <= high:
        return [Reply(text=ctx.t("rules-length", min=low, max=high, length=len(text)))]
    draft = Draft(text=text)
    RULES.goto(ctx, Step.PREVIEW, draft)
    return [_preview(ctx, draft)]


def _preview(ctx: Context, draft: Draft) -> Reply:
    """Show the rules as everyone will see them (and their English version), with the preview's choices."""
    text = ctx.t("rules-preview", text=draft.text)
    if draft.text_en:
        text += "\n\n" + ctx.t("rules-preview-english", text=draft.text_en)
    english = AddEnglish().choice(ctx.t("rules-english-change" if draft.text_en else "rules-english-add"))
    choices = (SaveRules().choice(ctx.t("rules-save")), english, Cancel().choice(ctx.t("cancel-button")))
    return Reply(text=text, choices=choices)


@requires_role(Who.COORDINATOR)
async def ask_english(ctx: Context, press: AddEnglish) -> list[Reply]:
    """Ask for the rules' English version (optional: without it English readers see the Arabic)."""
    draft = RULES.load(ctx)
    RULES.goto(ctx, Step.ENGLISH, draft)
    return await ask_again(ctx, draft)


@requires_role(Who.COORDINATOR)
async def take_english(ctx: Context, draft: Draft) -> list[Reply]:
    """Take the English version within the same limits, then preview both."""
    text = clean_text(ctx.incoming.text or "")
    low, high = RULES_LIMITS
    if not low <= len(text) <= high:
        return [Reply(text=ctx.t("rules-length", min=low, max=high, length=len(text)))]
    draft.text_en = text
    RULES.goto(ctx, Step.PREVIEW, draft)
    return [_preview(ctx, draft)]


@requires_role(Who.COORDINATOR)
async def save(ctx: Context, press: SaveRules) -> list[Reply]:
    """Publish the rules (the earlier version is kept) and audit it."""
    draft = RULES.load(ctx)
    actor = ctx.participant.id if ctx.participant else None
    stored = await forum_rules.set_rules(ctx.conn, draft.text, actor, ctx.now, text_en=draft.text_en)
    await audit.record(ctx.conn, actor, "rules.set", f"rules:{stored.id}", None, ctx.now)
    ctx.end()
    return [with_menu(ctx, ctx.t("rules-saved"))]


async def show_preview(ctx: Context, draft: Draft) -> list[Reply]:
    """Show the preview with its buttons again."""
    return [_preview(ctx, draft)]


RULES = Flow(
    name="rules",
    data=Draft,
    cancel=Cancel,
    steps={
        Step.TEXT: Accepts(text=take_text, question=ask_again, goes=(Step.PREVIEW,)),
        Step.PREVIEW: Accepts(
            buttons=(on(SaveRules, save), on(AddEnglish, ask_english)), question=show_preview, goes=(Step.ENGLISH,)
        ),
        Step.ENGLISH: Accepts(text=take_english, question=ask_again, goes=(Step.PREVIEW,)),
    },
)

FEATURE = Feature(
    commands={"rules": show},
    buttons=(on(EditRules, edit),),
    flows=(RULES,),
    keywords={"keyword-rules": "rules"},
)
