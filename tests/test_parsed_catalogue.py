"""The catalogues' parsed trees kept beside them: used while the files are the same, parsed again when not."""

from __future__ import annotations

from pathlib import Path

from fluent.syntax import ast

from messages.parsed import CACHE_FOLDER, parse_resources


def _messages(resources: dict[str, ast.Resource]) -> dict[str, str]:
    found = {}
    for resource in resources.values():
        for entry in resource.body:
            if isinstance(entry, ast.Message) and entry.value is not None:
                found[entry.id.name] = "".join(e.value for e in entry.value.elements if isinstance(e, ast.TextElement))
    return found


def _kept(folder: Path) -> list[Path]:
    return sorted((folder / CACHE_FOLDER).glob("catalogue-*.pickle"))


def test_the_trees_are_kept_and_a_changed_file_is_parsed_again(tmp_path: Path) -> None:
    (tmp_path / "a.ftl").write_text("hello = مرحبا\n", encoding="utf-8")
    assert _messages(parse_resources(tmp_path)) == {"hello": "مرحبا"}
    [first] = _kept(tmp_path)
    assert _messages(parse_resources(tmp_path)) == {"hello": "مرحبا"}  # read back from what was kept
    (tmp_path / "a.ftl").write_text("hello = أهلاً\n", encoding="utf-8")
    assert _messages(parse_resources(tmp_path)) == {"hello": "أهلاً"}
    [second] = _kept(tmp_path)
    assert second != first  # the older trees were dropped with their files' version


def test_a_damaged_copy_is_parsed_again(tmp_path: Path) -> None:
    (tmp_path / "a.ftl").write_text("hello = مرحبا\n", encoding="utf-8")
    parse_resources(tmp_path)
    [kept] = _kept(tmp_path)
    kept.write_bytes(b"not a pickle")
    assert _messages(parse_resources(tmp_path)) == {"hello": "مرحبا"}
    assert kept.read_bytes() != b"not a pickle"


def test_a_folder_where_nothing_can_be_kept_only_costs_the_parse(tmp_path: Path) -> None:
    (tmp_path / "a.ftl").write_text("hello = مرحبا\n", encoding="utf-8")
    (tmp_path / CACHE_FOLDER).write_text("a file where the folder would be", encoding="utf-8")  # refuses even root
    assert _messages(parse_resources(tmp_path)) == {"hello": "مرحبا"}
    assert _messages(parse_resources(tmp_path)) == {"hello": "مرحبا"}
    assert (tmp_path / CACHE_FOLDER).read_text(encoding="utf-8") == "a file where the folder would be"
