"""Consolidation at the real `ogp-bot console`, in English: a coordinator names a working group's rapporteur, who
enters the group's finding; a participant is shown a similar recommendation and endorses it instead; a liaison
officer merges two recommendations, answers the kept one, both authors read it at their terminals, and unmerges.

Each person is a terminal of their own (`--as`) on one database; what is pushed to someone waits in the outbox
until their terminal opens, as it does for a person who steps away.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from tests.channels.test_console import run_console

ENV = {"OGP_COORDINATORS": "console:coord", "OGP_PUBLISH": "immediate"}
ENGLISH = "🌐 English"
RECEIPT = re.compile(r"receipt number #(\d+)")
FINDING = "Link ministry budgets to clear performance indicators that civil society can follow"
KEPT = "Publish the steering committee's minutes within a week of each meeting"
AGAIN = "publish the steering-committee minutes within one week after every meeting"  # the same, worded otherwise
DUPLICATE = "نشر محاضر اجتماعات اللجنة التوجيهية خلال أسبوع من انعقادها"  # the same idea, in Arabic
ANSWER = "The minutes will be on the ministry's site within a week, starting with the next meeting"


class Terminals:
    """Terminals on one database, one identity each."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.db = folder / "bot.sqlite3"

    def at(self, identity: str, *lines: str) -> str:
        """Open the identity's terminal, type the lines, and return everything it printed."""
        return run_console(self.db, list(lines), cwd=self.folder, identity=identity, **ENV)

    def rows(self, sql: str, *params: object) -> list[tuple[object, ...]]:
        """Read the bot's database."""
        with sqlite3.connect(self.db) as conn:
            return [tuple(row) for row in conn.execute(sql, params)]


def register(name: str, organisation: str) -> list[str]:
    """Lines that switch to English and register (civil society, Amman) with consent."""
    return [ENGLISH, name, organisation, "1", "1", "1"]


def receipt(printed: str) -> int:
    found = RECEIPT.findall(printed)
    assert found, printed[-2000:]
    return int(found[-1])


def test_rapporteur_similar_input_merge_and_unmerge_at_the_terminal(tmp_path: Path) -> None:
    term = Terminals(tmp_path)
    made = term.at(
        "coord",
        *register("May Alimat", "Open Government Unit"),
        "/round",
        "1",  # new round
        "First stakeholder meeting",
        "30/11/2099",
        "15/11/2099",
        "Geneva Hotel - Amman",
        "6",  # every commitment's working group
        "Use these",  # the seed's five questions
        "31/12/2099 17:00",
        "2",  # save and open
        "/rapporteurs",
        "Working group 1",
        "✉️ Invite a rapporteur",
        "/invite",
        "Liaison officer for commitment 1",
    )
    round_code, seat, invitation = (re.search(p, made) for p in (r"r_[A-Z0-9]{6}", r"g_[\w-]{8,}", r"i_[\w-]{8,}"))
    assert round_code and seat and invitation, made[-3000:]

    # Rana takes the rapporteur's invitation, registers, and enters the group's finding.
    rana = term.at(
        "rana", seat.group(0), *register("Rana Yousef", "Al-Hayat Centre"), "/findings", "11", "1", "3", FINDING, "1"
    )

    assert "You are now the rapporteur of Working group 1." in rana and "with 11 at the table" in rana
    finding = receipt(rana)

    # Leila and Sami write the same idea in English and in Arabic; Omar is shown Leila's and endorses it instead.
    def recommend(who: str, name: str, text: str, *then: str) -> str:
        joining = [round_code.group(0), *register(name, "Transparency Society"), "1"]  # working group 1
        return term.at(who, *joining, "/recommend", "1", "3", text, *then)

    kept = receipt(recommend("leila", "Leila Haddad", KEPT, "1"))
    merged = receipt(recommend("sami", "Sami Khalil", DUPLICATE, "1"))  # another language: not offered as alike
    omar = recommend("omar", "Omar Nimri", AGAIN, "👍 Endorse")
    assert "There is a similar recommendation" in omar and f"#{kept} — 👍 0" in omar and KEPT in omar
    assert f"Your endorsement of recommendation #{kept} is recorded." in omar and "receipt number" not in omar

    # The liaison officer takes the invitation, merges Sami's into Leila's, answers it, finds it and unmerges it.
    officer = term.at(
        "officer",
        invitation.group(0),
        *register("Reem Obeidat", "Ministry of Planning"),
        "/inbox",
        f"#{merged}",
        "🔗 Same as #…",
        str(kept),
        "✅ Merge",
        "/inbox",
        f"#{kept}",
        "Adopted",
        ANSWER,
        "✅ Save and send",
        "/search محاضر اللجنة التوجيهية",
        f"Open #{merged}",
        f"↩️ Unmerge from #{kept}",
    )
    assert "Your role is now “Liaison officer for commitment 1”" in officer
    assert f"#{merged} will be merged into #{kept}" in officer and f"#{merged} is merged into #{kept}." in officer
    assert f"The reply to recommendation #{kept} is saved" in officer
    assert f"🔗 Merged into #{kept}" in officer
    assert f"#{merged} is separate from #{kept} again" in officer

    # Each author reads, at their terminal, the merge, then the answer to their own text, then the unmerge.
    leila, sami = term.at("leila"), term.at("sami")
    assert f"Recommendation #{merged} says what your #{kept} says" in leila
    assert ANSWER in leila and f"“{KEPT}”" in leila and DUPLICATE not in leila
    assert f"Your recommendation #{merged} on commitment 1 says what recommendation #{kept} says" in sami
    assert ANSWER in sami and f"“{DUPLICATE}”" in sami
    assert f"Your recommendation #{merged} is separate from recommendation #{kept} again" in sami

    # What was stored: the group's finding, one endorsement instead of a fourth text, the answers, the audit.
    assert term.rows(
        "SELECT id, participant_id IS NULL, group_round_id, at_table, merged_into FROM recommendations"
    ) == [
        (finding, 1, 1, 11, None),
        (kept, 0, None, None, None),
        (merged, 0, None, None, None),
    ]
    assert term.rows("SELECT COUNT(*) FROM endorsements WHERE recommendation_id = ?", kept) == [(1,)]
    answers = term.rows("SELECT recommendation_id, state FROM recommendation_answers ORDER BY id")
    assert answers == [(kept, "accepted"), (merged, "accepted")]
    audit = term.rows(
        "SELECT action FROM audit_log WHERE action LIKE '%merge' OR action LIKE 'rapporteur.%' ORDER BY id"
    )
    assert audit == [
        ("rapporteur.name",),
        ("rapporteur.claim",),
        ("recommendation.merge",),
        ("recommendation.unmerge",),
    ]
