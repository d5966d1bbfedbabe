"""/search for officers (their commitments) and coordinators (all): recommendations and updates, paged, openable."""

from __future__ import annotations

from datetime import timedelta

from bot.clock import FakeClock
from bot.core import Core
from storage import catalogue, inbox
from storage.models import Completion
from tests.loop_support import coordinator, officer, recommend, registered, rows
from tests.support import RecordingTransport, texts

MINUTES = "نشر محاضر اجتماعات اللجنة التوجيهية خلال أسبوع من انعقادها"


async def test_officers_find_on_their_commitments_and_coordinators_everywhere(
    core: Core, transport: RecordingTransport
) -> None:
    coord = await coordinator(core, transport)
    person = await registered(core, transport, "3001", "هالة")
    on_two = await recommend(person, 2, MINUTES)
    on_three = await recommend(person, 3, "إتاحة مَحاضر الإجتماعات للعموم على الموقع الإلكتروني")
    await recommend(person, 2, "توفير مواصلات عامة مجانية لكبار السن وذوي الإعاقة")
    two = await officer(core, transport, coord, "3002", number=2)
    found = texts(await two.command("search", "المحاضر"))  # «محاضر» with the article, and spelled otherwise too
    assert f"#{on_two}" in found and f"#{on_three}" not in found and "مواصلات" not in found
    assert f"inbox:o:{on_two}:0" in [c.id for c in two.last_with_choices.choices]  # type: ignore[union-attr]
    opened = texts(await two.press(f"inbox:o:{on_two}:0"))
    assert MINUTES in opened
    everywhere = texts(await coord.command("search", "محاضر الاجتماعات"))
    assert f"#{on_two}" in everywhere and f"#{on_three}" in everywhere
    assert everywhere.index(f"#{on_three}") < everywhere.index(f"#{on_two}")  # newest first
    assert "لا توجد توصيات ولا تحديثات" in texts(await coord.command("search", "زراعة الزيتون"))
    assert "اكتب الكلمات بعد الأمر" in texts(await coord.command("search"))


async def test_results_are_paged_and_updates_are_found(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    coord = await coordinator(core, transport)
    person = await registered(core, transport, "3001", "هالة")
    for n in range(6):
        await recommend(person, 1, f"نقترح نشر تقارير الموازنة المفتوحة رقم {n} على موقع الوزارة")
    first = texts(await coord.command("search", "الموازنة"))
    assert "6 نتائج" in first and "#6" in first and "#1" not in first
    second = texts(await coord.press("find:p:5"))
    assert "#1" in second and "#6" not in second
    clock.advance(timedelta(hours=1))
    async with core.db.transaction() as conn:
        await catalogue.add_status_update(conn, 1, Completion.LIMITED, 20, clock.now(), note="نشرنا الموازنة")
    assert "تحديث على الالتزام 1" in texts(await coord.command("search", "موازنة"))
    assert await rows(core, "SELECT COUNT(*) AS n FROM update_terms") == [{"n": 1}]


async def test_participants_cannot_search_and_a_forged_page_is_refused(
    core: Core, transport: RecordingTransport
) -> None:
    person = await registered(core, transport, "3001", "هالة")
    await recommend(person, 2, MINUTES)
    refused = texts(await person.command("search", "محاضر"))
    assert MINUTES not in refused
    assert MINUTES not in texts(await person.press_data("find:p:0"))


async def test_hidden_recommendations_are_not_found(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    person = await registered(core, transport, "3001", "هالة")
    receipt = await recommend(person, 2, MINUTES)
    async with core.db.transaction() as conn:
        await inbox.hide(conn, receipt, "spam")
    assert "لا توجد توصيات" in texts(await coord.command("search", "محاضر"))
    async with core.db.transaction() as conn:
        await inbox.unhide(conn, receipt)
    assert f"#{receipt}" in texts(await coord.command("search", "محاضر"))


async def test_search_in_english(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    await coord.command("language")
    await coord.press("lang:en")
    person = await registered(core, transport, "3001", "هالة")
    receipt = await recommend(person, 2, "Publish the steering committee minutes within a week")
    found = texts(await coord.command("search", "MINUTES published"))
    assert f"Recommendation #{receipt}" in found and "One result" in found


async def test_an_officers_pages_merge_recommendations_and_updates_by_date(
    core: Core, transport: RecordingTransport, clock: FakeClock
) -> None:
    coord = await coordinator(core, transport)
    person = await registered(core, transport, "3001", "هالة")
    two = await officer(core, transport, coord, "3002", number=2)
    said: list[str] = []  # what the officer should see, oldest first
    for n in range(4):
        clock.advance(timedelta(hours=1))
        said.append(f"#{await recommend(person, 2, f'نقترح نشر تقارير الموازنة المفتوحة رقم {n} كل شهر')}")
        await recommend(person, 3, f"نقترح نشر الموازنة العامة للبلديات رقم {n}")  # another officer's commitment
        if n in (1, 2):
            clock.advance(timedelta(hours=1))
            note = f"نشرنا موازنة المرحلة {n}"
            async with core.db.transaction() as conn:
                await catalogue.add_status_update(conn, 2, Completion.LIMITED, 20 * n, clock.now(), note=note)
            said.append(note)
    first = texts(await two.command("search", "الموازنة"))
    second = texts(await two.press("find:p:5"))
    assert "6 نتائج" in first and "مرحلة" not in first.split("\n")[0]
    newest = [first.index(item) for item in reversed(said[1:])]
    assert newest == sorted(newest) and said[0] not in first  # newest first, across both kinds
    assert said[0] in second and said[1] not in second  # the oldest alone on the second page
    assert "البلديات" not in first + second
    assert await rows(
        core, "SELECT commitment, COUNT(*) AS n FROM recommendation_terms GROUP BY commitment ORDER BY commitment"
    ) == [{"commitment": "c2", "n": 4}, {"commitment": "c3", "n": 4}]
    assert await rows(core, "SELECT COUNT(*) AS n FROM update_terms") == [{"n": 2}]


async def test_a_word_like_a_commitments_index_term_finds_only_text(core: Core, transport: RecordingTransport) -> None:
    coord = await coordinator(core, transport)
    person = await registered(core, transport, "3001", "هالة")
    receipt = await recommend(person, 2, "Publish the c2 budget tables every month")
    await recommend(person, 2, "Publish the procurement contracts")
    found = texts(await coord.command("search", "c2"))
    assert f"#{receipt}" in found and "نتيجة واحدة" in found  # not every recommendation on commitment 2
    assert await rows(core, "SELECT COUNT(*) AS n FROM recommendation_terms WHERE commitment = 'c2'") == [{"n": 2}]
