"""The buttons of the commitment views (/status, following, endorsing), answered by status, follow and endorse."""

from __future__ import annotations

from enum import StrEnum

from handlers.kit.buttons import Button


class Board(Button, prefix="st:list"):
    """Every commitment with its status."""


class Detail(Button, prefix="st:c"):
    """One commitment in detail."""

    commitment: int


class Switch(StrEnum):
    """Follow a commitment, or stop following it."""

    ON = "on"
    OFF = "off"


class Follow(Button, prefix="fol"):
    """Follow a commitment or stop, from the /follow list."""

    switch: Switch
    commitment: int


class FollowHere(Button, prefix="fol:d"):
    """Follow a commitment or stop, from its status view (which is shown again)."""

    switch: Switch
    commitment: int


class Browse(Button, prefix="endo:l"):
    """A page of a commitment's visible recommendations, to read and support."""

    commitment: int
    offset: int


class Support(Button, prefix="endo:r"):
    """Support a recommendation (once)."""

    rec: int
    offset: int
