"""What the scheduled reminders say: one function per kind, built from the catalogue (bot/scheduler.py decides who
gets which, and when; this module decides the words and the button that goes with them)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from handlers.kit.contract import Reply
from handlers.kit.menu import OpenMenu
from messages_ar import Messages
from storage.broadcasts import Tally
from storage.models import Commitment
from storage.reminders import DueMilestone, OverdueRecommendation

MAX_LISTED_IDS = 20  # a digest names the oldest few; the count says how many there are, /inbox shows them all


def _with_button(messages: Messages, text: str, command: str, label_key: str) -> Reply:
    return Reply(text=text, choices=(OpenMenu(command=command).choice(messages.t(label_key)),))


def _ids(messages: Messages, items: Iterable[OverdueRecommendation]) -> str:
    listed = [f"#{item.id}" for item in items]
    more = ["…"] if len(listed) > MAX_LISTED_IDS else []
    return messages.join(listed[:MAX_LISTED_IDS] + more)


def update_due(messages: Messages, commitment: Commitment, *, first: bool) -> Reply:
    """Ask an officer for a progress update («what was done so far» when nothing was reported yet)."""
    key = "rem-update-first" if first else "rem-update-due"
    text = messages.t(key, number=commitment.number, title=messages.name(commitment))
    return _with_button(messages, text, "update", "rem-button-update")


def answer_digest(messages: Messages, items: list[OverdueRecommendation], days: int) -> Reply:
    """Tell an officer which recommendations wait for an answer past the days allowed."""
    text = messages.t(
        "rem-answer-due", count=len(items), number=items[0].commitment_number, days=days, ids=_ids(messages, items)
    )
    return _with_button(messages, text, "inbox", "rem-button-inbox")


def overdue_digest(messages: Messages, groups: dict[int, list[OverdueRecommendation]], days: int) -> Reply:
    """Give a coordinator the overdue list, a line per commitment number."""
    total = sum(len(group) for group in groups.values())
    lines = [messages.t("rem-overdue-title", count=total, days=days)]
    for number, group in sorted(groups.items()):
        lines.append(messages.t("rem-overdue-line", number=number, count=len(group), ids=_ids(messages, group)))
    return Reply(text="\n".join(lines))


def milestone_due(messages: Messages, milestone: DueMilestone, commitment: Commitment, *, passed: bool) -> Reply:
    """Remind an officer of a milestone's end date (coming, or passed unfinished)."""
    key = "rem-milestone-passed" if passed else "rem-milestone-soon"
    end = messages.date(milestone.end_date)
    text = messages.t(key, title=messages.name(milestone), number=commitment.number, date=end)
    return _with_button(messages, text, "milestones", "rem-button-milestones")


def round_deadline(messages: Messages, name: str, deadline: datetime) -> Reply:
    """Remind a round's member of its deadline (given in the bot's time zone)."""
    when = f"{messages.date(deadline.date())} {messages.time(deadline)}"
    text = messages.t("rem-round-deadline", name=name, deadline=when)
    return _with_button(messages, text, "recommend", "rem-button-recommend")


def broadcast_summary(messages: Messages, total: int, tally: Tally) -> Reply:
    """Tell a coordinator how their broadcast went."""
    text = messages.t("bc-summary", total=total, sent=tally.sent, failed=tally.failed, unreachable=tally.unreachable)
    return Reply(text=text)


def forum_due(messages: Messages, since: date, *, ever_held: bool) -> Reply:
    """Remind coordinators that the forum has not met for five months (or never, since the bot was in use)."""
    text = messages.t("rem-forum-due" if ever_held else "rem-forum-never", date=messages.date(since))
    return _with_button(messages, text, "round", "rem-button-round")


def snapshot_due(messages: Messages, since: date, *, ever_taken: bool) -> Reply:
    """Remind coordinators that the open data's newest snapshot is five months old (or that there is none)."""
    text = messages.t("rem-snapshot-due" if ever_taken else "rem-snapshot-never", date=messages.date(since))
    return _with_button(messages, text, "evidence", "rem-button-evidence")
