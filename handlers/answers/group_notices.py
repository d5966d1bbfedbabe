"""An answer to a working group's finding reaches its rapporteur and the members who joined the group in the bot."""

from __future__ import annotations

from handlers.answers import notify
from handlers.kit.context import Context
from handlers.kit.contract import Reply
from handlers.kit.menu import OpenMenu
from handlers.rounds.rapporteurs import group_label
from storage import catalogue, working_groups
from storage.models import Recommendation
from storage.timefmt import to_db
from storage.working_groups import Listener


async def answer_given(ctx: Context, finding: Recommendation) -> int | None:
    """Tell each listener of the group, once and in their language; return the first notice's outbox id."""
    commitment = await catalogue.get_commitment(ctx.conn, finding.commitment_id)
    if finding.group_round_id is None or commitment is None:
        return None
    first: int | None = None
    for person in await working_groups.listeners(ctx.conn, finding):
        reader = ctx.speaking(person.language)
        text = reader.t(
            "findings-answer-notice",
            group=group_label(reader, commitment),
            notice=await notify.answer_text(reader, finding),
        )
        reply = Reply(text=text, choices=(OpenMenu(command="findings").choice(reader.t("command-findings")),))
        key = f"answer:{finding.id}:{person.participant_id}:{to_db(ctx.now)}"
        row = await reader.push(
            person.channel, person.external_id, reply, participant_id=person.participant_id, dedupe_key=key
        )
        first = first if first is not None else row
    return first


async def reachable(ctx: Context, rec: Recommendation) -> list[Listener]:
    """Return who speaks for a recommendation and may hear about it: its author, or its working group's listeners."""
    if rec.group_round_id is not None:
        return await working_groups.listeners(ctx.conn, rec)
    target = await notify.author_reach(ctx, rec)
    if target is None:
        return []
    participant_id, channel, external_id, language = target
    return [Listener(participant_id=participant_id, channel=channel, external_id=external_id, language=language)]
