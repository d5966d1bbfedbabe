"""The reminder rules: what coordinators may set (schedule, day counts, quiet hours, working days), how a typed value
is checked, and when a push may go. Storage keeps only their stored values (storage/reminders.py)."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import aiosqlite
from apscheduler.triggers.cron import CronTrigger
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from storage import reminders

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # datetime.weekday() order
OFF = "off"


class ReminderRules(BaseModel):
    """The rules every reminder job follows; a day count of 0 (or a schedule of 'off') turns a rule off."""

    model_config = ConfigDict(frozen=True)

    update_cron: str = "0 10 1-7 * sun"  # officers' progress reminder: first Sunday of the month, 10:00
    answer_officer_days: int = Field(default=14, ge=0, le=365)
    answer_coordinator_days: int = Field(default=30, ge=0, le=365)
    milestone_days_before: int = Field(default=7, ge=0, le=365)
    round_days_before: int = Field(default=2, ge=0, le=60)
    quiet_start: time = time(21, 0)
    quiet_end: time = time(9, 0)
    working_days: str = "sun,mon,tue,wed,thu"

    @field_validator("update_cron")
    @classmethod
    def _valid_cron(cls, value: str) -> str:
        value = " ".join(value.split())
        if value.lower() == OFF:
            return OFF
        fields = value.split(" ")
        if len(fields) == 5 and any(ch.isdigit() for ch in fields[4]):
            # crontab counts 0 (and 7) as Sunday, APScheduler 0 as Monday: a number would name the wrong day.
            raise ValueError(
                "write the day of the week by name (sun, mon, tue, wed, thu, fri, sat), not as a number: "
                "crontab counts 0 as Sunday, the scheduler as Monday"
            )
        try:
            CronTrigger.from_crontab(value, timezone=UTC)
        except ValueError as error:
            raise ValueError(f"not a crontab schedule: {error}") from error
        return value

    @field_validator("working_days")
    @classmethod
    def _valid_days(cls, value: str) -> str:
        days = [d.strip().lower()[:3] for d in value.split(",") if d.strip()]
        if not days or any(d not in DAY_NAMES for d in days):
            raise ValueError("working days are names such as sun,mon,tue")
        return ",".join(sorted(set(days), key=lambda d: (DAY_NAMES.index(d) + 1) % 7))

    def working_weekdays(self) -> frozenset[int]:
        """Return the working days as datetime.weekday() numbers."""
        return frozenset(DAY_NAMES.index(d) for d in self.working_days.split(","))

    def update_trigger(self, zone: ZoneInfo) -> CronTrigger | None:
        """Return the APScheduler trigger of the officers' progress reminder, or None when it is off."""
        if self.update_cron == OFF:
            return None
        return CronTrigger.from_crontab(self.update_cron, timezone=zone)


RULE_KEYS: tuple[str, ...] = tuple(ReminderRules.model_fields)


class RuleError(ValueError):
    """A value a coordinator typed does not fit the rule."""


def parse_rule(base: ReminderRules, key: str, value: str) -> ReminderRules:
    """Return base with one rule changed, or raise RuleError."""
    if key not in RULE_KEYS:
        raise RuleError(f"unknown rule {key}")
    try:
        return ReminderRules.model_validate({**base.model_dump(), key: value.strip()})
    except ValidationError as error:
        raise RuleError(error.errors()[0]["msg"]) from error


def rule_text(rules: ReminderRules, key: str) -> str:
    """Return a rule's value as it is stored and typed."""
    value = getattr(rules, key)
    return value.strftime("%H:%M") if isinstance(value, time) else str(value)


async def load_rules(conn: aiosqlite.Connection, defaults: ReminderRules) -> ReminderRules:
    """Return the defaults overridden by the rules stored in the database (a bad stored value is ignored)."""
    rules = defaults
    for key, value in (await reminders.stored_rules(conn)).items():
        try:
            rules = parse_rule(rules, key, value)
        except RuleError:
            continue
    return rules


def _in_quiet(moment: time, start: time, end: time) -> bool:
    if start == end:
        return False
    if start < end:
        return start <= moment < end
    return moment >= start or moment < end


def _at(day: date, clock: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, clock, tzinfo=zone)


def next_allowed(moment: datetime, rules: ReminderRules, zone: ZoneInfo, *, official: bool) -> datetime:
    """Return the first instant at or after moment outside quiet hours (and, for officials, on a working day)."""
    local = moment.astimezone(zone)
    working = rules.working_weekdays()
    for _ in range(16):  # at most a week of days off and a quiet night in between
        if _in_quiet(local.timetz().replace(tzinfo=None), rules.quiet_start, rules.quiet_end):
            wake = _at(local.date(), rules.quiet_end, zone)
            local = wake if wake > local else _at(local.date() + timedelta(days=1), rules.quiet_end, zone)
            continue
        if official and local.weekday() not in working:
            start = rules.quiet_end if rules.quiet_start != rules.quiet_end else time(0, 0)
            local = _at(local.date() + timedelta(days=1), start, zone)
            continue
        return local.astimezone(UTC)
    return moment
