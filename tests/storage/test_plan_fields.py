"""The plan catalogue carries OGP's commitment fields; load-plan validates them; NAP4 invents none of them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from bot.cli import main
from bot.core import load_plan
from bot.settings import DEFAULT_PLAN
from storage import catalogue
from storage.database import open_database
from storage.models import OgpValue


def _spec() -> dict[str, Any]:
    spec: dict[str, Any] = json.loads(DEFAULT_PLAN.read_text(encoding="utf-8"))
    return spec


def _write(tmp_path: Path, spec: dict[str, Any]) -> Path:
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(spec, ensure_ascii=False), encoding="utf-8")
    return path


async def test_nap4_leaves_what_is_unverified_empty(tmp_path: Path) -> None:
    db = await open_database(tmp_path / "x.sqlite3")
    try:
        await load_plan(db, DEFAULT_PLAN)
        async with db.transaction() as conn:
            plan = await catalogue.active_plan(conn)
            commitments = await catalogue.list_commitments(conn)
    finally:
        await db.close()
    assert plan is not None and plan.number == 4  # the action plan number
    assert [c.number for c in commitments] == [1, 2, 3, 4, 5]
    for c in commitments:  # nap4.md: short titles, OGP theme, values and supporting institutions are unverified
        assert c.short_title_ar is None and c.ogp_theme is None
        assert catalogue.institutions(c.supporting_ar) == []
        assert set(c.ogp_values().values()) == {None}
    assert commitments[4].lead_agency_en.startswith("National Library Department")


async def test_fields_given_are_stored_and_updated(tmp_path: Path) -> None:
    spec = _spec()
    first = spec["commitments"][0]
    first.update(
        short_title_ar="الشراكة مع المجتمع المدني",
        ogp_theme="Civic Space",
        supporting_institutions_ar=["وزارة الشؤون السياسية والبرلمانية"],
        supporting_institutions_en=["Ministry of Political and Parliamentary Affairs"],
        ogp_values={"civic_participation": True, "access_to_information": False},
    )
    db = await open_database(tmp_path / "x.sqlite3")
    try:
        await load_plan(db, _write(tmp_path, spec))
        async with db.transaction() as conn:
            stored = (await catalogue.list_commitments(conn))[0]
    finally:
        await db.close()
    assert stored.short_title_ar == "الشراكة مع المجتمع المدني" and stored.ogp_theme == "Civic Space"
    assert catalogue.institutions(stored.supporting_ar) == ["وزارة الشؤون السياسية والبرلمانية"]
    assert stored.ogp_values() == {
        OgpValue.ACCESS_TO_INFORMATION: False,
        OgpValue.CIVIC_PARTICIPATION: True,
        OgpValue.PUBLIC_ACCOUNTABILITY: None,
        OgpValue.TECHNOLOGY_INNOVATION: None,
    }


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        ({"ogp_values": {"transparency": True}}, "Extra inputs are not permitted"),
        ({"supporting_institutions_ar": ["جهة أ", "جهة أ"]}, "listed twice"),
        (
            {"supporting_institutions_ar": ["جهة أ"], "supporting_institutions_en": ["Agency A", "Agency B"]},
            "same institutions",
        ),
        ({"supporting_institutions_ar": ["وزارة الشؤون السياسية والبرلمانية"]}, "not also a supporting"),
        ({"ogp_id": "EG0059"}, "must start with the plan's country JO"),
        ({"short_title_ar": "ت"}, "at least 3 characters"),
    ],
)
def test_load_plan_refuses_what_does_not_fit(tmp_path: Path, change: dict[str, Any], reason: str) -> None:
    spec = _spec()
    spec["commitments"][2].update(change)
    with pytest.raises(ValidationError, match=reason):
        catalogue.read_plan_file(_write(tmp_path, spec))


def test_load_plan_command_stores_the_fields(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    spec = _spec()
    spec["commitments"][1]["ogp_theme"] = "Open Data"
    monkeypatch.setenv("OGP_DATABASE", str(tmp_path / "cli.sqlite3"))
    assert main(["load-plan", str(_write(tmp_path, spec)), "--activate"]) == 0


async def test_english_names_are_optional_and_the_arabic_shows_instead(tmp_path: Path) -> None:
    from messages import load_messages

    spec = _spec()
    del spec["title_en"], spec["owner_en"]
    first = spec["commitments"][0]
    del first["title_en"], first["lead_agency_en"], first["themes"][0]["title_en"]
    db = await open_database(tmp_path / "x.sqlite3")
    try:
        await load_plan(db, _write(tmp_path, spec))
        async with db.transaction() as conn:
            plan = await catalogue.active_plan(conn)
            c1, c2 = (await catalogue.list_commitments(conn))[:2]
            funding = (await catalogue.list_themes(conn, c1.id))[0]
    finally:
        await db.close()
    english, arabic = load_messages("en"), load_messages("ar")
    assert plan is not None and english.name(plan) == arabic.name(plan) == spec["title_ar"]
    assert english.name(plan, "owner") == spec["owner_ar"]
    assert english.name(c1) == first["title_ar"] and english.name(c1, "lead_agency") == first["lead_agency_ar"]
    assert english.name(funding) == "الحصول على التمويل"
    assert (
        english.name(c2) == spec["commitments"][1]["title_en"] and arabic.name(c2) == spec["commitments"][1]["title_ar"]
    )
    spec["commitments"][1]["title_en"] = "x"  # an English name, when given, is checked like the Arabic
    with pytest.raises(ValidationError):
        catalogue.read_plan_file(_write(tmp_path, spec))
    del spec["commitments"][1]["title_ar"]  # the Arabic is required
    with pytest.raises(ValidationError):
        catalogue.read_plan_file(_write(tmp_path, spec))
