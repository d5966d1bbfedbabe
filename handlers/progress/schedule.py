"""The officers' progress-reminder schedule in words: a few shapes coordinators choose in the chat, stored as cron.

Cron stays for the environment file (OGP_REMIND_UPDATE_CRON); in the chat a schedule is «أول أحد من كل شهر الساعة
10:00» or «كل أحد الساعة 10:00», chosen with buttons. A cron written by hand that fits none of the shapes is shown as
a schedule from the settings file, never as cron.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import time
from enum import StrEnum

from handlers.kit.context import Context
from handlers.kit.reminder_rules import DAY_NAMES, OFF

WEEK_ORDER = ("sun", "mon", "tue", "wed", "thu", "fri", "sat")  # the week as Jordan's calendars start it
_CRON = re.compile(r"^(\d{1,2}) (\d{1,2}) (\S+) \* (\S+)$")


class Every(StrEnum):
    """How often the progress reminder goes."""

    MONTH = "month"  # the first given weekday of each month
    WEEK = "week"  # each given weekday


@dataclass(frozen=True)
class Schedule:
    """One of the shapes offered in the chat."""

    every: Every
    day: str  # mon ... sun
    at: time

    def cron(self) -> str:
        """Return the schedule as the crontab line the scheduler reads."""
        days = "1-7" if self.every is Every.MONTH else "*"
        return f"{self.at.minute} {self.at.hour} {days} * {self.day}"


def parse(cron: str) -> Schedule | None:
    """Return the shape a cron line has, or None when it is off or fits none of them."""
    match = _CRON.match(" ".join(cron.split()).lower())
    if match is None:
        return None
    minute, hour, days, weekday = int(match.group(1)), int(match.group(2)), match.group(3), match.group(4)
    if weekday not in DAY_NAMES or days not in ("1-7", "*") or hour > 23 or minute > 59:
        return None
    return Schedule(Every.MONTH if days == "1-7" else Every.WEEK, weekday, time(hour, minute))


def day_name(ctx: Context, day: str) -> str:
    """Return a weekday's Arabic name («الأحد»)."""
    return ctx.t(f"day-{day}")


def day_after_every(ctx: Context, day: str) -> str:
    """Return a weekday as it follows «أول» or «كل» («أحد»: «أول أحد من كل شهر»)."""
    return ctx.t(f"day-bare-{day}")


def describe(ctx: Context, cron: str) -> str:
    """Return a schedule in Arabic words: «أول أحد من كل شهر الساعة 10:00», «متوقف», or «من ملف الإعدادات»."""
    if cron == OFF:
        return ctx.t("rem-off")
    schedule = parse(cron)
    if schedule is None:
        return ctx.t("rem-schedule-custom")
    key = "rem-schedule-month" if schedule.every is Every.MONTH else "rem-schedule-week"
    return ctx.t(key, day=day_after_every(ctx, schedule.day), time=schedule.at.strftime("%H:%M"))


def days_text(ctx: Context, days: str) -> str:
    """Return working days (sun,mon,...) as Arabic names in the week's order."""
    chosen = set(days.split(","))
    return ctx.messages.join([day_name(ctx, d) for d in WEEK_ORDER if d in chosen])
