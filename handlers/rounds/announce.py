"""A round's timeline (OGP standard 3): its announcement date, a confirmed short notice, and «📣 إعلان» to everyone.

The announcement goes to every registered participant who takes news (a broadcast to `Audience.ALL`), not only to
followers: the standard asks that the timeline be public and the opportunity to take part open, and a person who
registered but follows no commitment is exactly whom an invitation to co-create must reach. It goes once; the round
records when and to how many, and the coordinator gets the delivery summary like any broadcast.
"""

from __future__ import annotations

from handlers.kit import reminder_rules
from handlers.kit.access import requires_role
from handlers.kit.context import Context
from handlers.kit.contract import Reply
from handlers.kit.fallback import unknown_button
from handlers.kit.feature import Feature
from handlers.kit.labels import language_label
from handlers.kit.routes import on
from handlers.kit.text import shorten
from handlers.kit.who import Who
from handlers.rounds.buttons import AnnounceSend, RoundAnnounce, RoundView
from handlers.rounds.timeline import card_lines
from handlers.rounds.views import card, date_text, deadline_text, joining_text, place_text
from messages import LANGUAGES
from storage import audit, broadcasts, rounds, timeline
from storage.broadcasts import Audience
from storage.rounds import Round


def announcement_text(ctx: Context, found: Round) -> str:
    """Return the announcement everyone gets: name, date, place, deadline and how to join."""
    return ctx.t(
        "announce-text",
        name=ctx.name(found, "name"),
        date=date_text(ctx, found),
        place=place_text(ctx, ctx.name(found, "place") if found.place else None, found.online),
        deadline=deadline_text(ctx, found.deadline),
        joining=joining_text(ctx, found),
    )


@requires_role(Who.COORDINATOR)
async def preview(ctx: Context, press: RoundAnnounce) -> list[Reply]:
    """Show the announcement and how many people it reaches (or when it went, if it did)."""
    found = await rounds.get_round(ctx.conn, press.round)
    if found is None:
        return await unknown_button(ctx)
    back = RoundView(round=found.id).choice(shorten(ctx.name(found, "name"), 40))
    if found.announcement_sent_at is not None:
        return [Reply(text=card_lines(ctx, found), choices=(back,))]
    readers = await broadcasts.count_by_language(ctx.conn, Audience.ALL, None)
    count = sum(readers.values())
    text = ctx.t("announce-preview", text=announcement_text(ctx, found), count=count)
    for n, (language, readers_count) in enumerate(readers.items()):  # each gets it in their own language
        text += ("\n\n" if n == 0 else "\n") + ctx.t(
            "announce-readers", language=language_label(ctx, language), count=readers_count
        )
    send = (AnnounceSend(round=found.id).choice(ctx.t("announce-send")),) if count else ()
    return [Reply(text=text, choices=(*send, back), replace=True)]


@requires_role(Who.COORDINATOR)
async def send(ctx: Context, press: AnnounceSend) -> list[Reply]:
    """Queue the announcement once for everyone, honouring quiet hours, and record it with the round."""
    found = await rounds.get_round(ctx.conn, press.round)
    if found is None:
        return await unknown_button(ctx)
    if found.announcement_sent_at is not None:
        return await card(ctx, found, note=ctx.t("announce-already"))
    batch = f"announce-round-{found.id}"
    rules = await reminder_rules.load_rules(ctx.conn, ctx.config.reminder_defaults)
    when = reminder_rules.next_allowed(ctx.now, rules, ctx.config.timezone, official=False)
    text = announcement_text(ctx, found)
    payloads: dict[str, str] = {
        language: Reply(text=announcement_text(ctx.speaking(language), found), language=language).to_payload()
        for language in LANGUAGES
    }
    queued = await broadcasts.queue_broadcast(
        ctx.conn, batch, Audience.ALL, None, payloads, now=ctx.now, not_before=when
    )
    await broadcasts.record_broadcast(
        ctx.conn,
        batch,
        created_by=ctx.participant.id if ctx.participant else None,
        channel=ctx.incoming.channel,
        recipient=ctx.incoming.user,
        audience=Audience.ALL,
        ref=None,
        text=text,
        total=queued,
        now=ctx.now,
    )
    announced = await timeline.mark_announced(ctx.conn, found.id, now=ctx.now, batch=batch, recipients=queued)
    actor = ctx.participant.id if ctx.participant else None
    await audit.record(ctx.conn, actor, "round.announce", f"round:{found.id}", f"recipients={queued}", ctx.now)
    return await card(ctx, announced or found, note=ctx.t("announce-queued", count=queued))


FEATURE = Feature(buttons=(on(RoundAnnounce, preview), on(AnnounceSend, send)))
