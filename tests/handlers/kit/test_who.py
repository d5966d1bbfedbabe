"""What an entry point declares (who may use it, whether one registers first) is what the router reads back."""

from __future__ import annotations

from handlers.kit.who import Declared, Who, declare, declared, registered_of, who_of


def _entry() -> None:
    """A stand-in entry point."""


def _wrapper() -> None:
    """A stand-in for the function a second decorator returns."""


def test_an_undeclared_entry_is_for_anyone_and_needs_no_registration() -> None:
    assert declared(lambda: None) == Declared()
    assert who_of(lambda: None) is Who.ANYONE and registered_of(lambda: None) is False


def test_a_declaration_is_read_back_and_a_wrapper_keeps_what_it_wraps() -> None:
    declare(_entry, who=Who.OFFICER, registered=True)
    assert who_of(_entry) is Who.OFFICER and registered_of(_entry) is True
    declare(_wrapper, base=_entry, then="recommend")  # a second decorator adds to the first one's declaration
    assert declared(_wrapper) == Declared(who=Who.OFFICER, registered=True, then="recommend")
    declare(_entry, registered=False)  # a change keeps the rest
    assert declared(_entry) == Declared(who=Who.OFFICER, registered=False)
