"""Closing the loop: tell authors about answers and followers about status changes, through the outbox."""

from __future__ import annotations

from handlers.kit.context import Context
from handlers.kit.contract import Reply
from handlers.kit.files import recommendation_text
from handlers.kit.labels import completion_label, progress_bar, state_label
from handlers.kit.menu import OpenMenu
from handlers.kit.text import shorten
from handlers.recommending.commitment_buttons import Detail
from storage import answers, catalogue, follows, participants
from storage.models import Commitment, Recommendation, StatusUpdate
from storage.timefmt import to_db


async def _author_identity(ctx: Context, rec: Recommendation) -> tuple[int, str, str, str] | None:
    """Return (participant, channel, id, language) to tell a recommendation's author, or None if they must not hear."""
    if rec.participant_id is None:
        return None
    author = await participants.get_participant(ctx.conn, rec.participant_id)
    if author is None or author.forgotten_at is not None or not author.notify_answers:
        return None
    identities = await participants.identities_of(ctx.conn, author.id)
    preferred = [i for i in identities if i[0] == rec.channel] or identities
    if not preferred:
        return None
    channel, external_id = preferred[0]
    return author.id, channel, external_id, author.language


QUOTE_CHARS = 300  # enough of the recommendation for its author to recognise it


async def author_reach(ctx: Context, rec: Recommendation) -> tuple[int, str, str, str] | None:
    """Return (participant, channel, id, language) to reach a recommendation's author, or None if they must not hear."""
    return await _author_identity(ctx, rec)


async def can_tell(ctx: Context, rec: Recommendation) -> bool:
    """Tell whether the author of a recommendation would be told about its answer."""
    return await _author_identity(ctx, rec) is not None


async def notice_language(ctx: Context, rec: Recommendation) -> str:
    """Return the language the author of a recommendation reads (the officer's when the author will not hear)."""
    target = await _author_identity(ctx, rec)
    return target[3] if target is not None else ctx.messages.language


async def answer_text(ctx: Context, rec: Recommendation) -> str:
    """Return the notice an author gets: the state, their recommendation quoted, and the reason or response.

    ctx speaks the author's language (`ctx.speaking(await notice_language(ctx, rec))`).
    """
    commitment = await catalogue.get_commitment(ctx.conn, rec.commitment_id)
    text = ctx.t(
        "loop-answer",
        receipt=ctx.t("receipt", id=rec.id),
        number=commitment.number if commitment else 0,
        state=state_label(ctx, rec.state),
    )
    text += "\n\n" + ctx.t("loop-answer-quote", text=shorten(recommendation_text(ctx, rec), QUOTE_CHARS))
    if rec.response:
        key = "loop-answer-reason" if answers.needs_reason(rec.state) else "loop-answer-response"
        text += "\n\n" + ctx.t(key, response=rec.response)
    return text


async def answer_given(ctx: Context, rec: Recommendation) -> int | None:
    """Tell the author, on the channel they used, what became of their recommendation; return the outbox id."""
    target = await _author_identity(ctx, rec)
    if target is None:
        return None
    participant_id, channel, external_id, language = target
    author = ctx.speaking(language)
    reply = Reply(text=await answer_text(author, rec), choices=(OpenMenu(command="my").choice(author.t("menu-my")),))
    key = f"answer:{rec.id}:{to_db(ctx.now)}"
    return await author.push(channel, external_id, reply, participant_id=participant_id, dedupe_key=key)


async def status_changed(ctx: Context, commitment: Commitment, update: StatusUpdate) -> int:
    """Tell followers and recommenders of a commitment about a new status, once each, each in their language;
    return how many."""
    recipients = await follows.status_recipients(ctx.conn, commitment.id, update.author_id)
    notices: dict[str, Reply] = {}
    queued = 0
    for person in recipients:
        reader = ctx.speaking(person.language)
        if person.language not in notices:
            notices[person.language] = _status_notice(reader, commitment, update)
        key = f"status:{update.id}:{person.participant_id}"
        row = await reader.push(
            person.channel,
            person.external_id,
            notices[person.language],
            participant_id=person.participant_id,
            dedupe_key=key,
            batch=f"status:{update.id}",
        )
        queued += row is not None
    return queued


def _status_notice(ctx: Context, commitment: Commitment, update: StatusUpdate) -> Reply:
    """Return the notice of a new status, in ctx's language."""
    text = ctx.t(
        "loop-status",
        number=commitment.number,
        title=ctx.name(commitment),
        completion=completion_label(ctx, update.completion),
        bar=progress_bar(update.progress),
    )
    if update.note:
        text += "\n\n" + update.note
    if update.evidence_url:
        text += "\n" + ctx.t("status-evidence", url=update.evidence_url)
    choices = (
        Detail(commitment=commitment.id).choice(ctx.t("loop-status-open")),
        OpenMenu(command="settings").choice(ctx.t("menu-settings")),
    )
    return Reply(text=text, choices=choices)
