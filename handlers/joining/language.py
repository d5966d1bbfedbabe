"""/language (and «اللغة» / "language" typed): the language a person reads the bot in, Arabic or English.

A newcomer is offered the language their app reports (Telegram's language_code; Arabic elsewhere) under their first
answer, with one button to switch (the router asks `offer`). The choice is stored on the participant, and until they
register in the chat's session; everything the bot then says to them follows it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from handlers.joining import roles
from handlers.kit.buttons import Button
from handlers.kit.context import Context
from handlers.kit.contract import Choice, Reply
from handlers.kit.feature import Feature
from handlers.kit.hooks import Hook
from handlers.kit.labels import Lang
from handlers.kit.menu import with_menu
from handlers.kit.routes import on
from messages import DEFAULT_LANGUAGE, LANGUAGES, Language, is_language, load_messages
from storage import participants

# The question of the step the chat is in, asked again in the new language (the router binds it: it knows the flows).
StepQuestion = Callable[[Context], Awaitable[list[Reply]]]
STEP_QUESTION: Hook[StepQuestion] = Hook("language.step_question")
COMMAND = "language"


class Switch(Button, prefix="lang"):
    """Read the bot in another language from now on."""

    language: Lang


def _other(ctx: Context) -> Language:
    """Return the language the person does not read now (the bot has two)."""
    return next(language for language in LANGUAGES if language != ctx.messages.language)


def switch_choice(ctx: Context) -> Choice:
    """Return the button that switches to the other language, named in that language («العربية», "English")."""
    other = _other(ctx)
    label = ctx.t("language-switch-button", language=load_messages(other).t("language-name"))
    return Switch(language=Lang(other)).choice(label)


def offer(ctx: Context, replies: list[Reply]) -> list[Reply]:
    """Return a newcomer's first answer with the offer under its first message: the language, the button to switch."""
    note = ctx.t("language-offered")
    first = replies[0]
    offered = first.model_copy(
        update={"text": f"{first.text}\n\n{note}", "choices": (*first.choices, switch_choice(ctx))}
    )
    return [offered, *replies[1:]]


async def show(ctx: Context) -> list[Reply]:
    """Answer /language: the language the person reads, and the button to switch (the chat stays where it was)."""
    if ctx.carry.language is None:
        ctx.carry.language = ctx.messages.language  # offered now: the first answer need not offer it again
    return [Reply(text=ctx.t("language-current", language=ctx.t("language-name")), choices=(switch_choice(ctx),))]


async def switch(ctx: Context, press: Switch) -> list[Reply]:
    """Store the chosen language, say so in it, and ask the question of the step the chat is in again."""
    language: Language = press.language.value if is_language(press.language.value) else DEFAULT_LANGUAGE
    if ctx.participant is not None:
        ctx.participant = await participants.set_language(ctx.conn, ctx.participant.id, language)
    ctx.carry.language = language
    ctx.messages = load_messages(language)
    await roles.refresh_chat_menu(ctx)
    asked = [reply for question in ctx.hooks(STEP_QUESTION) for reply in await question(ctx)]
    if asked:
        return [Reply(text=ctx.t("language-switched"), replace=True), *asked]
    return [with_menu(ctx, ctx.t("language-switched"), replace=True)]


FEATURE = Feature(
    commands={COMMAND: show},
    buttons=(on(Switch, switch),),
    keywords={"keyword-language": COMMAND},
)
