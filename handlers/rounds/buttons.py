"""The buttons coordinators press to manage consultation rounds (rnd:*); rounds.py and round_new.py answer them."""

from __future__ import annotations

from handlers.kit.buttons import Button


class RoundList(Button, prefix="rnd:l"):
    """A page of the list of rounds."""

    offset: int


class RoundView(Button, prefix="rnd:v"):
    """One round's card."""

    round: int


class RoundOpen(Button, prefix="rnd:open"):
    """Open a draft round, or reopen a closed one."""

    round: int


class RoundClose(Button, prefix="rnd:close"):
    """Close an open round."""

    round: int


class RoundQr(Button, prefix="rnd:qr"):
    """The printable QR code of the round's join link."""

    round: int


class RoundPublicJoin(Button, prefix="rnd:pub"):
    """Show the join link on the public site while the round is open (public=1), or stop showing it (public=0)."""

    round: int
    public: int


class RoundAttendance(Button, prefix="rnd:att"):
    """Who joined, by sector, organisation and working group."""

    round: int


class RoundFindings(Button, prefix="rnd:fnd"):
    """The round's input by commitment, question and theme."""

    round: int


class RoundDeadline(Button, prefix="rnd:dl"):
    """Move the round's deadline."""

    round: int


class ConfirmPast(Button, prefix="rnd:past"):
    """Keep a date or deadline that has passed: the round records a meeting that already took place."""


class RoundHall(Button, prefix="rnd:hall"):
    """Enter the attendance counted in the hall (handlers/rounds/hall.py)."""

    round: int


class RoundEdit(Button, prefix="rnd:edit"):
    """Edit a draft or open round: name, place, working groups, questions (handlers/rounds/edit.py)."""

    round: int


class NewRound(Button, prefix="rnd:new"):
    """Start creating a round."""


class Today(Button, prefix="rnd:today"):
    """The round is held today."""


class Online(Button, prefix="rnd:online"):
    """The round is held online."""


class ToggleCommitment(Button, prefix="rnd:c"):
    """Put a commitment's working group in or out of the round."""

    commitment: int


class CommitmentsDone(Button, prefix="rnd:cdone"):
    """The working groups are chosen."""


class DefaultQuestions(Button, prefix="rnd:qdef"):
    """Use the seed meeting's five discussion questions."""


class InAWeek(Button, prefix="rnd:week"):
    """The deadline is a week after the round's date."""


class Create(Button, prefix="rnd:ok"):
    """Save the round as a draft."""


class CreateAndOpen(Button, prefix="rnd:okopen"):
    """Save the round and open it at once."""


class Cancel(Button, prefix="rnd:x"):
    """Stop creating a round, or moving a deadline."""


class RoundAnnounce(Button, prefix="rnd:ann"):
    """Preview the round's announcement to everyone (its timeline, OGP standard 3)."""

    round: int


class AnnounceSend(Button, prefix="rnd:annok"):
    """Send the previewed announcement."""

    round: int
