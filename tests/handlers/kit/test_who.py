"""What an entry point declares (who may use it, whether one registers first) is what the router reads back."""

from __future__ import annotations

from handlers.kit.who import Declared, Who, declare, declared, registered_of, who_of


def test_an_undeclared_entry_is_for_anyone_and_needs_no_registration() -> None:
    assert declared(lambda: None) == Declared()
    assert who_of(lambda: None) is Who.ANYONE and registered_of(lambda: None) is False


def test_a_declaration_is_read_back_and_a_wrapper_keeps_what_it_wraps() -> None:
    # New functions each run: the declarations are kept for the program's life, and a test must not find its own.
    def entry() -> None:
        """A stand-in entry point."""

    def wrapper() -> None:
        """A stand-in for the function a second decorator returns."""

    declare(entry, who=Who.OFFICER, registered=True)
    assert who_of(entry) is Who.OFFICER and registered_of(entry) is True
    declare(wrapper, base=entry, then="recommend")  # a second decorator adds to the first one's declaration
    assert declared(wrapper) == Declared(who=Who.OFFICER, registered=True, then="recommend")
    declare(entry, registered=False)  # a change keeps the rest
    assert declared(entry) == Declared(who=Who.OFFICER, registered=False)
