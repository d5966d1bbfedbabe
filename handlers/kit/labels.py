"""Catalogue labels for stored values, and how dates and progress are drawn."""

from __future__ import annotations

from datetime import date, datetime
from enum import StrEnum

from handlers.kit.context import Context
from handlers.kit.reminder_rules import DAY_NAMES
from messages import LANGUAGES
from reports import evidence
from reports.tables import catalogue_keys, irm_key, ogp_value_key
from storage.irm import IrmField
from storage.models import GOVERNORATES, Completion, OgpValue, RecommendationState, Sector
from storage.public import AUTHOR_ALWAYS, AUTHOR_IF_NAMED

_BAR_CELLS = 10
CHANNELS = ("telegram", "whatsapp", "console")  # the channels whose names the catalogue holds (exports)


class Lang(StrEnum):
    """A language the bot speaks (messages.LANGUAGES), as a button's field."""

    AR = "ar"
    EN = "en"


def shown_label(ctx: Context, first: int, last: int, total: int) -> str:
    """Return which items a page shows: all of them, one by its number, or a range."""
    if first == 1 and last == total:
        return ctx.t("page-shown-all")
    if first == last:
        return ctx.t("page-shown-one", number=first)
    return ctx.t("page-shown-range", first=first, last=last)


def sector_label(ctx: Context, sector: Sector | str) -> str:
    """Return the Arabic name of a sector."""
    return ctx.t(f"sector-{Sector(sector).value}")


def governorate_label(ctx: Context, key: str) -> str:
    """Return the Arabic name of a governorate."""
    return ctx.t(f"gov-{key}")


def completion_label(ctx: Context, completion: Completion | str) -> str:
    """Return the Arabic name of a completion level."""
    return ctx.t(f"completion-{Completion(completion).value}")


def state_label(ctx: Context, state: RecommendationState | str) -> str:
    """Return the Arabic name of a recommendation state."""
    return ctx.t(f"state-{RecommendationState(state).value}")


def irm_label(ctx: Context, field: IrmField, code: str) -> str:
    """Return the Arabic name of a value the IRM gave (its completion, early results, potential impact, star)."""
    return ctx.t(irm_key(field, code))


def irm_field_label(ctx: Context, field: IrmField) -> str:
    """Return the Arabic name of an IRM field."""
    return ctx.t(f"irm-field-{field.value}")


def ogp_value_label(ctx: Context, value: OgpValue) -> str:
    """Return the Arabic name of one of OGP's four values."""
    return ctx.t(ogp_value_key(value))


def language_label(ctx: Context, language: str) -> str:
    """Return a language's name as the reader's catalogue writes it (العربية, English)."""
    return ctx.t(f"language-in-{language}")


def author_detail_label(ctx: Context, field: str) -> str:
    """Return the words for one published detail of a recommendation's author (storage/public.py's fields)."""
    return ctx.t(f"disclose-author-{field}")


def dynamic_keys() -> frozenset[str]:
    """Return every catalogue key the label functions can build (for the catalogue test)."""
    keys = {f"sector-{s.value}" for s in Sector} | {f"sector-plural-{s.value}" for s in Sector}
    keys |= {f"gov-{g}" for g in GOVERNORATES}
    keys |= {f"completion-{c.value}" for c in Completion}
    keys |= {f"state-{s.value}" for s in RecommendationState}
    keys |= {f"channel-{c}" for c in CHANNELS}
    keys |= {f"day-{d}" for d in DAY_NAMES} | {f"day-bare-{d}" for d in DAY_NAMES}
    keys |= {f"language-in-{language}" for language in LANGUAGES}
    keys |= {f"disclose-author-{field}" for field in (*AUTHOR_ALWAYS, *AUTHOR_IF_NAMED)}
    return frozenset(keys) | catalogue_keys() | evidence.catalogue_keys()


def progress_bar(progress: int) -> str:
    """Return a text progress bar such as ▰▰▰▱▱▱▱▱▱▱ 30%."""
    progress = max(0, min(100, progress))
    filled = round(progress / 100 * _BAR_CELLS)
    return "▰" * filled + "▱" * (_BAR_CELLS - filled) + f" {progress}%"


def short_date(ctx: Context, moment: date | datetime) -> str:
    """Return a date as day/month/year, in the bot's time zone for instants (as the seed writes 30/9/2019)."""
    if isinstance(moment, datetime):
        moment = moment.astimezone(ctx.config.timezone).date()
    return ctx.messages.date(moment)
