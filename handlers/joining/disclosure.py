"""What becomes public and what never does: one paragraph, said before consent and again in /privacy.

The author's details it names are the ones the public site and open-data files really carry (storage/public.py
declares them beside the query that reads them), so the promise and the files cannot drift apart.
"""

from __future__ import annotations

from handlers.kit.context import Context
from handlers.kit.labels import author_detail_label
from storage.public import AUTHOR_ALWAYS, AUTHOR_IF_NAMED


def author_words(ctx: Context, fields: tuple[str, ...]) -> str:
    """Return the catalogue's words for an author's published details, as one enumeration."""
    return ctx.messages.join_and([author_detail_label(ctx, field) for field in fields])


def disclosure(ctx: Context) -> str:
    """Return what is published (when, where, under which licence, about whom) and what never is."""
    when = ctx.t("disclose-when-arrival" if ctx.config.publish_on_arrival else "disclose-when-answered")
    return ctx.t(
        "disclose-public",
        when=when,
        licence=ctx.config.public_licence,
        always=author_words(ctx, AUTHOR_ALWAYS),
        named=author_words(ctx, AUTHOR_IF_NAMED),
    )
