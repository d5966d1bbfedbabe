"""Whether a person's name is shown with their published recommendations: asked once, changed in /settings.

The public site names an author only when they said yes (storage/publishing.py); until then they appear by sector
and governorate. The question matters only to people with input to publish: it is asked below the answer to the
first thing they do once they have a recommendation (the receipt of their first one, or, for people who recommended
before the site existed, whatever they write next), once per chat and never in the middle of a flow.
"""

from __future__ import annotations

from enum import StrEnum

from handlers.kit.access import requires
from handlers.kit.buttons import Button
from handlers.kit.context import Context, Member
from handlers.kit.contract import Reply
from handlers.kit.feature import FOLLOW_UP, Feature
from handlers.kit.menu import with_menu
from handlers.kit.routes import on
from handlers.kit.who import Who
from storage import publishing, recommendations


class Answer(StrEnum):
    """Yes, show my name; or no."""

    YES = "yes"
    NO = "no"


class ShowName(Button, prefix="name"):
    """The answer to «show my name with my published recommendations?»."""

    answer: Answer


def question(ctx: Context, *, replace: bool = False) -> Reply:
    """Return the question, with its two answers."""
    choices = (
        ShowName(answer=Answer.YES).choice(ctx.t("name-yes-button")),
        ShowName(answer=Answer.NO).choice(ctx.t("name-no-button")),
    )
    when = ctx.t("name-when-arrival" if ctx.config.publish_on_arrival else "name-when-answered")  # as consent said
    return Reply(text=ctx.t("name-ask", when=when), choices=choices, replace=replace)


async def ask_once(ctx: Context) -> Reply | None:
    """Ask a person with input to publish who never answered, once per chat, when no flow is under way."""
    if ctx.participant is None or ctx.participant.show_name is not None or ctx.carry.asked_name or ctx.flow:
        return None
    if not await recommendations.count_by_participant(ctx.conn, ctx.participant.id):
        return None
    ctx.carry.asked_name = True
    return question(ctx)


@requires(Who.REGISTERED, then="settings")
async def answer(ctx: Member, press: ShowName) -> list[Reply]:
    """Record the answer (it can be changed in /settings)."""
    show = press.answer is Answer.YES
    await publishing.set_show_name(ctx.conn, ctx.participant.id, show)
    ctx.participant = ctx.participant.model_copy(update={"show_name": show})
    return [with_menu(ctx, ctx.t("name-shown" if show else "name-hidden"), replace=True)]


FEATURE = Feature(buttons=(on(ShowName, answer),), hooks=(FOLLOW_UP.bind(ask_once),))
