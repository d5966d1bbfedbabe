"""The reminder rules: validation, day names, quiet hours and working days (handlers/kit/reminder_rules.py)."""

from __future__ import annotations

from datetime import time

import pytest
from pydantic import ValidationError

from bot.settings import Settings
from handlers.kit.reminder_rules import ReminderRules, RuleError, next_allowed, parse_rule
from tests.bot.reminder_support import AMMAN, amman

RULES = ReminderRules()


@pytest.mark.parametrize(
    ("moment", "official", "expected"),
    [
        (amman(2026, 12, 6, 10), True, amman(2026, 12, 6, 10)),  # Sunday morning: now
        (amman(2026, 12, 6, 8, 30), True, amman(2026, 12, 6, 9)),  # before the end of quiet hours
        (amman(2026, 12, 6, 21), False, amman(2026, 12, 7, 9)),  # quiet hours start at 21:00
        (amman(2026, 12, 3, 22), False, amman(2026, 12, 4, 9)),  # Thursday night: Friday for participants
        (amman(2026, 12, 3, 22), True, amman(2026, 12, 6, 9)),  # ... Sunday for officials
        (amman(2026, 12, 5, 12), True, amman(2026, 12, 6, 9)),  # Saturday noon
        (amman(2026, 12, 5, 12), False, amman(2026, 12, 5, 12)),
    ],
)
def test_next_allowed(moment: object, official: bool, expected: object) -> None:
    assert next_allowed(moment, RULES, AMMAN, official=official) == expected  # type: ignore[arg-type]


def test_quiet_hours_within_one_day_and_none() -> None:
    daytime = parse_rule(parse_rule(RULES, "quiet_start", "13:00"), "quiet_end", "15:00")
    assert next_allowed(amman(2026, 12, 6, 14), daytime, AMMAN, official=False) == amman(2026, 12, 6, 15)
    never = parse_rule(parse_rule(RULES, "quiet_start", "00:00"), "quiet_end", "00:00")
    assert next_allowed(amman(2026, 12, 6, 23), never, AMMAN, official=False) == amman(2026, 12, 6, 23)


def test_rules_are_validated() -> None:
    assert parse_rule(RULES, "working_days", "Sunday, mon").working_days == "sun,mon"
    assert parse_rule(RULES, "quiet_end", "08:30").quiet_end == time(8, 30)
    for key, value in [("update_cron", "0 25 * * *"), ("answer_officer_days", "-1"), ("working_days", "xyz")]:
        with pytest.raises(RuleError):
            parse_rule(RULES, key, value)
    with pytest.raises(RuleError):
        parse_rule(RULES, "nonsense", "1")


def test_settings_fail_loudly_on_a_bad_default() -> None:
    with pytest.raises(ValidationError, match="OGP_REMIND"):
        Settings(_env_file=None, remind_update_cron="every day")
    assert Settings(_env_file=None, quiet_hours_start="22:30").reminder_defaults().quiet_start == time(22, 30)


@pytest.mark.parametrize("cron", ["0 10 * * 0", "0 10 * * 1-5", "0 10 1-7 * 7", "0 10 * * */2", "0 10 * * sun,1"])
def test_numeric_day_of_week_is_refused(cron: str) -> None:
    # crontab counts 0 (and 7) as Sunday, APScheduler 0 as Monday: "0 10 * * 0" would fire on Mondays.
    with pytest.raises(RuleError, match="sun, mon"):
        parse_rule(RULES, "update_cron", cron)
    with pytest.raises(ValidationError, match="day of the week by name"):
        Settings(_env_file=None, remind_update_cron=cron)


@pytest.mark.parametrize(
    ("cron", "weekday"),
    [("0 10 * * sun", 6), ("0 10 * * SUN", 6), ("0 10 1-7 * mon", 0), ("0 10 * * thu-fri", 3), ("0 10 * * *", None)],
)
def test_day_names_fire_on_that_day(cron: str, weekday: int | None) -> None:
    trigger = parse_rule(RULES, "update_cron", cron).update_trigger(AMMAN)
    assert trigger is not None
    fire = trigger.get_next_fire_time(None, amman(2026, 12, 1, 12))  # a Tuesday
    assert fire is not None and fire.hour == 10
    assert weekday is None or fire.weekday() == weekday
