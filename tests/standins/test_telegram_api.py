"""Tests of the Telegram Bot API stand-in, driven by a real python-telegram-bot client and raw HTTP."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest
from aiohttp import web
from telegram import Bot, BotCommand, BotCommandScopeChat, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest, Conflict, Forbidden, NetworkError, RetryAfter, TimedOut
from telegram.ext import ApplicationBuilder, CallbackQueryHandler, CommandHandler, ContextTypes
from telegram.request import HTTPXRequest

from .telegram import MAX_UPLOAD_BYTES, NOT_MODIFIED, QUERY_INVALID, BotApiStandIn, SimulatedUser

TOKEN = "123:ABC"


@pytest.fixture
async def api() -> AsyncIterator[BotApiStandIn]:
    """A running stand-in."""
    async with BotApiStandIn(token=TOKEN, bot_username="ogp_test_bot", webhook_retry_delay=0.01) as stand_in:
        yield stand_in


@pytest.fixture
async def bot(api: BotApiStandIn) -> AsyncIterator[Bot]:
    """A PTB Bot pointed at the stand-in."""
    async with Bot(TOKEN, base_url=api.base_url) as client:
        yield client


@pytest.fixture
async def http(api: BotApiStandIn) -> AsyncIterator[httpx.AsyncClient]:
    """A raw HTTP client for /bot<TOKEN>/<method>."""
    async with httpx.AsyncClient(base_url=f"{api.base_url}{TOKEN}/") as client:
        yield client


@pytest.fixture
async def salma(api: BotApiStandIn) -> SimulatedUser:
    """A user who has started the bot."""
    user = api.user(1001, first_name="سلمى")
    await user.send("مرحبا")
    return user


def keyboard(*rows: list[tuple[str, str]]) -> InlineKeyboardMarkup:
    """An inline keyboard from rows of (label, callback_data)."""
    return InlineKeyboardMarkup([[InlineKeyboardButton(t, callback_data=d) for t, d in row] for row in rows])


async def error_of(response: httpx.Response) -> tuple[int, str]:
    """Status and description of an error answer, after checking its shape."""
    body = response.json()
    assert body["ok"] is False
    assert body["error_code"] == response.status_code
    return response.status_code, body["description"]


# ---------------------------------------------------------------- wire basics


async def test_get_me_through_ptb(api: BotApiStandIn, bot: Bot) -> None:
    me = await bot.get_me()
    assert (me.id, me.username, me.is_bot) == (123, "ogp_test_bot", True)
    assert api.base_url.startswith("http://127.0.0.1:") and api.base_url.endswith("/bot")


async def test_wrong_token_is_unauthorized(api: BotApiStandIn) -> None:
    async with httpx.AsyncClient() as client:
        response = await client.post(f"{api.base_url}999:WRONG/getMe")
    assert response.status_code == 401
    assert response.json() == {"ok": False, "error_code": 401, "description": "Unauthorized"}


async def test_unknown_method_is_not_found(http: httpx.AsyncClient) -> None:
    response = await http.post("sendTelepathy")
    assert response.status_code == 404
    assert response.json() == {"ok": False, "error_code": 404, "description": "Not Found"}


async def test_json_and_form_bodies_are_decoded(
    api: BotApiStandIn, http: httpx.AsyncClient, salma: SimulatedUser
) -> None:
    markup = {"inline_keyboard": [[{"text": "نعم", "callback_data": "yes"}]]}
    as_json = await http.post("sendMessage", json={"chat_id": salma.id, "text": "أ", "reply_markup": markup})
    as_form = await http.post(
        "sendMessage", data={"chat_id": str(salma.id), "text": "ب", "reply_markup": json.dumps(markup)}
    )
    assert as_json.status_code == as_form.status_code == 200
    result = as_form.json()["result"]
    assert result["chat"] == {"id": 1001, "type": "private", "first_name": "سلمى"}
    assert result["from"]["id"] == 123 and result["reply_markup"] == markup
    assert [m.labels for m in await salma.wait_messages(2)] == [["نعم"], ["نعم"]]
    assert api.calls[-1] == ("sendMessage", {"chat_id": 1001, "text": "ب", "reply_markup": markup})


async def test_log_out_makes_later_calls_unauthorized(http: httpx.AsyncClient) -> None:
    assert (await http.post("logOut")).json() == {"ok": True, "result": True}
    assert (await http.post("getMe")).status_code == 401


# ---------------------------------------------------------------- sending and chats


async def test_user_sees_messages_with_buttons(bot: Bot, salma: SimulatedUser) -> None:
    sent = await bot.send_message(salma.id, "اختر", reply_markup=keyboard([("نعم", "yes"), ("لا", "no")]))
    [event] = await salma.wait_messages()
    assert (event.text, event.message_id, event.event) == ("اختر", sent.message_id, "sent")
    assert event.buttons == [[("نعم", "yes"), ("لا", "no")]]
    assert salma.last.labels == ["نعم", "لا"]
    assert [m.from_bot for m in salma.chat] == [False, True]


async def test_sending_to_unknown_or_unstarted_user_fails(api: BotApiStandIn, bot: Bot) -> None:
    api.user(2002)
    for chat_id in (2002, 9999, "@someone"):
        with pytest.raises(BadRequest, match="Chat not found"):
            await bot.send_message(chat_id, "نص")
    seeded = api.user(2003, started=True)
    await bot.send_message(seeded.id, "تذكير")
    assert seeded.last.text == "تذكير"


async def test_blocked_user_gives_forbidden(
    api: BotApiStandIn, bot: Bot, http: httpx.AsyncClient, salma: SimulatedUser
) -> None:
    api.block(salma.id)
    with pytest.raises(Forbidden, match="blocked by the user"):
        await bot.send_message(salma.id, "نص")
    response = await http.post("sendMessage", data={"chat_id": salma.id, "text": "نص"})
    assert await error_of(response) == (403, "Forbidden: bot was blocked by the user")
    api.unblock(salma.id)
    await bot.send_message(salma.id, "عدت")


async def test_text_length_limits(http: httpx.AsyncClient, salma: SimulatedUser) -> None:
    ok = await http.post("sendMessage", data={"chat_id": salma.id, "text": "ع" * 4096})
    assert ok.status_code == 200
    for text, description in [
        ("ع" * 4097, "Bad Request: message is too long"),
        ("   \n ", "Bad Request: message text is empty"),
        ("", "Bad Request: message text is empty"),
    ]:
        response = await http.post("sendMessage", data={"chat_id": salma.id, "text": text})
        assert await error_of(response) == (400, description)


async def test_parse_modes_are_checked_like_the_real_parser(http: httpx.AsyncClient, salma: SimulatedUser) -> None:
    good = {"<b>مهم</b> &amp; عاجل": "HTML", r"*مهم* \- عاجل\.": "MarkdownV2"}
    for text, mode in good.items():
        response = await http.post("sendMessage", data={"chat_id": salma.id, "text": text, "parse_mode": mode})
        assert response.status_code == 200
    assert [m.text for m in await salma.wait_messages(2)] == ["مهم & عاجل", "مهم - عاجل."]
    bad = {"سطر<br>سطر": "HTML", "<b>مفتوح": "HTML", "نهاية.": "MarkdownV2", "*مفتوح": "MarkdownV2"}
    for text, mode in bad.items():
        response = await http.post("sendMessage", data={"chat_id": salma.id, "text": text, "parse_mode": mode})
        status, description = await error_of(response)
        assert (status, description.startswith("Bad Request: can't parse entities: ")) == (400, True)


async def test_document_upload_and_caption_limit(bot: Bot, salma: SimulatedUser) -> None:
    sent = await bot.send_document(salma.id, b"PK\x03\x04 data", filename="report.xlsx", caption="التقرير")
    assert sent.document is not None and sent.document.file_name == "report.xlsx"
    assert salma.last.document == ("report.xlsx", b"PK\x03\x04 data")
    assert salma.last.caption == "التقرير"
    again = await bot.send_document(salma.id, sent.document.file_id)
    assert again.document is not None and salma.last.document == ("report.xlsx", b"PK\x03\x04 data")
    with pytest.raises(BadRequest, match="caption is too long"):
        await bot.send_document(salma.id, b"x", filename="a.txt", caption="ع" * 1025)
    with pytest.raises(BadRequest, match="Wrong file identifier"):
        await bot.send_document(salma.id, "no-such-file-id")


async def test_photo_upload(bot: Bot, salma: SimulatedUser) -> None:
    sent = await bot.send_photo(salma.id, b"\x89PNG fake", caption="صورة")
    assert sent.photo and salma.last.photo == b"\x89PNG fake"


async def test_document_over_the_upload_limit_is_refused(
    api: BotApiStandIn, http: httpx.AsyncClient, salma: SimulatedUser
) -> None:
    assert api.max_upload_bytes == MAX_UPLOAD_BYTES == 50 * 1024 * 1024
    api.max_upload_bytes = 1024  # the same code path without pushing 50 MB through every test run
    ok = await http.post("sendDocument", data={"chat_id": str(salma.id)}, files={"document": ("ok.bin", b"1" * 1024)})
    assert ok.status_code == 200
    files = {"document": ("big.bin", b"\0" * 1025)}
    response = await http.post("sendDocument", data={"chat_id": str(salma.id)}, files=files)
    assert await error_of(response) == (413, "Request Entity Too Large")


async def test_chat_action(bot: Bot, http: httpx.AsyncClient, salma: SimulatedUser) -> None:
    assert await bot.send_chat_action(salma.id, "typing") is True
    response = await http.post("sendChatAction", data={"chat_id": salma.id, "action": "dancing"})
    assert (await error_of(response))[0] == 400


# ---------------------------------------------------------------- keyboards


async def test_callback_data_is_limited_to_64_bytes(bot: Bot, salma: SimulatedUser) -> None:
    await bot.send_message(salma.id, "حسن", reply_markup=keyboard([("أ", "ب" * 32)]))
    for data in ("ب" * 33, "x" * 65):
        with pytest.raises(BadRequest, match="Button_data_invalid"):
            await bot.send_message(salma.id, "سيئ", reply_markup=keyboard([("أ", data)]))


async def test_keyboard_shape_limits(http: httpx.AsyncClient, salma: SimulatedUser) -> None:
    def button(i: int, text: str = "زر") -> dict[str, str]:
        return {"text": text, "callback_data": str(i)}

    cases: list[tuple[list[list[dict[str, str]]], str]] = [
        ([[button(r * 8 + c) for c in range(8)] for r in range(13)], "reply markup is too long"),
        ([[button(c) for c in range(9)]], "reply markup is too long"),
        ([[button(1, text=" ")]], "BUTTON_TEXT_INVALID"),
        ([[{"text": "بلا فعل"}]], "Text buttons are unallowed in the inline keyboard"),
        ([[button(1) | {"callback_data": ""}]], "BUTTON_DATA_INVALID"),
    ]
    for rows, expected in cases:
        markup = json.dumps({"inline_keyboard": rows})
        response = await http.post("sendMessage", data={"chat_id": salma.id, "text": "ن", "reply_markup": markup})
        status, description = await error_of(response)
        assert status == 400 and expected in description
    hundred = json.dumps({"inline_keyboard": [[button(r * 5 + c) for c in range(5)] for r in range(20)]})
    ok = await http.post("sendMessage", data={"chat_id": salma.id, "text": "ن", "reply_markup": hundred})
    assert ok.status_code == 200


async def test_press_finds_button_by_label_then_data(api: BotApiStandIn, bot: Bot, salma: SimulatedUser) -> None:
    await bot.send_message(salma.id, "قديم", reply_markup=keyboard([("نعم", "old")]))
    await bot.send_message(salma.id, "جديد", reply_markup=keyboard([("نعم", "new"), ("لا", "نعم")]))
    await bot.get_updates(offset=-1)
    first = await salma.press("نعم")
    second = await salma.press("old")
    queries = {u.update_id: u.callback_query for u in await bot.get_updates() if u.callback_query}
    assert (queries[first].data, queries[second].data) == ("new", "old")
    assert queries[first].from_user.language_code == "ar"
    message = queries[first].message
    assert message is not None and message.chat.id == salma.id
    with pytest.raises(LookupError):
        await salma.press("غير موجود")
    link = InlineKeyboardMarkup([[InlineKeyboardButton("الموقع", url="https://example.org")]])
    await bot.send_message(salma.id, "رابط", reply_markup=link)
    with pytest.raises(LookupError, match="no callback_data"):
        await salma.press("الموقع")
    assert len(api.unanswered_callback_queries()) == 2


async def test_answer_callback_query_rules(
    api: BotApiStandIn, bot: Bot, http: httpx.AsyncClient, salma: SimulatedUser
) -> None:
    await bot.send_message(salma.id, "اختر", reply_markup=keyboard([("نعم", "yes")]))
    await salma.press("نعم")
    [query_id] = api.unanswered_callback_queries()
    too_long = await http.post("answerCallbackQuery", data={"callback_query_id": query_id, "text": "ع" * 201})
    assert (await error_of(too_long))[0] == 400
    assert await bot.answer_callback_query(query_id, text="تم") is True
    assert api.unanswered_callback_queries() == []
    assert api.callback_answers[query_id] == {"text": "تم", "show_alert": False}
    for bad_id in (query_id, "123456"):
        response = await http.post("answerCallbackQuery", data={"callback_query_id": bad_id})
        assert await error_of(response) == (400, QUERY_INVALID)


async def test_forged_callback_data_on_a_deleted_message(bot: Bot, salma: SimulatedUser) -> None:
    await bot.get_updates(offset=-1)
    update_id = await salma.press_data("admin:delete:all", message_id=999)
    [update] = [u for u in await bot.get_updates() if u.update_id == update_id]
    assert update.callback_query is not None and update.callback_query.data == "admin:delete:all"
    assert update.callback_query.message is not None and update.callback_query.message.message_id == 999
    assert not update.callback_query.message.is_accessible


# ---------------------------------------------------------------- editing and deleting


async def test_edit_rules(bot: Bot, http: httpx.AsyncClient, salma: SimulatedUser) -> None:
    markup = keyboard([("نعم", "yes")])
    sent = await bot.send_message(salma.id, "سؤال", reply_markup=markup)
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text("سؤال", salma.id, sent.message_id, reply_markup=markup)
    same = {"chat_id": salma.id, "message_id": sent.message_id, "reply_markup": json.dumps(markup.to_dict())}
    assert await error_of(await http.post("editMessageReplyMarkup", data=same)) == (400, NOT_MODIFIED)
    await bot.edit_message_text("سؤال", salma.id, sent.message_id)
    assert salma.last.buttons == [] and salma.last.text == "سؤال"
    await bot.edit_message_text("جواب", salma.id, sent.message_id)
    assert [(m.event, m.text) for m in await salma.wait_messages(3)] == [
        ("sent", "سؤال"),
        ("edited", "سؤال"),
        ("edited", "جواب"),
    ]
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("لا شيء", salma.id, 4242)
    with pytest.raises(BadRequest, match="Message can't be edited"):
        await bot.edit_message_text("تعديل", salma.id, salma.chat[0].message_id)


async def test_delete_message(bot: Bot, salma: SimulatedUser) -> None:
    sent = await bot.send_message(salma.id, "مؤقت")
    assert await bot.delete_message(salma.id, sent.message_id) is True
    assert [m.text for m in salma.chat] == ["مرحبا"]
    with pytest.raises(BadRequest, match="Message to delete not found"):
        await bot.delete_message(salma.id, sent.message_id)


# ---------------------------------------------------------------- commands


async def test_commands_are_validated_and_stored_per_scope(api: BotApiStandIn, bot: Bot, salma: SimulatedUser) -> None:
    await bot.set_my_commands([BotCommand("start", "ابدأ"), BotCommand("help", "مساعدة")])
    await bot.set_my_commands([BotCommand("admin", "إدارة")], scope=BotCommandScopeChat(salma.id), language_code="ar")
    assert api.commands() == [("start", "ابدأ"), ("help", "مساعدة")]
    assert api.commands({"type": "chat", "chat_id": salma.id}, "ar") == [("admin", "إدارة")]
    assert api.commands("all_private_chats") == []
    assert [c.command for c in await bot.get_my_commands()] == ["start", "help"]
    await bot.delete_my_commands()
    assert api.commands() == []
    invalid = [
        [BotCommand("Start", "ابدأ")],
        [BotCommand("x" * 33, "ابدأ")],
        [BotCommand("بدء", "ابدأ")],
        [BotCommand("start", "")],
        [BotCommand("start", "و" * 257)],
        [BotCommand(f"c{i}", "و") for i in range(101)],
    ]
    for commands in invalid:
        with pytest.raises(BadRequest):
            await bot.set_my_commands(commands)
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.set_my_commands([BotCommand("start", "ابدأ")], scope=BotCommandScopeChat(5555))


async def test_command_scope_type_is_checked(http: httpx.AsyncClient) -> None:
    data = {"commands": json.dumps([{"command": "start", "description": "ابدأ"}])}
    response = await http.post("setMyCommands", data=data | {"scope": json.dumps({"type": "everyone"})})
    assert (await error_of(response))[0] == 400
    response = await http.post("setMyCommands", data=data | {"scope": json.dumps({"type": "chat"})})
    assert (await error_of(response))[0] == 400


# ---------------------------------------------------------------- updates and long polling


async def test_commands_carry_a_bot_command_entity(bot: Bot, api: BotApiStandIn) -> None:
    user = api.user(1002, first_name="أحمد", username="ahmad")
    update_id = await user.command("start", "qr_42")
    [update] = await bot.get_updates()
    assert update.update_id == update_id and update.message is not None
    assert update.message.text == "/start qr_42"
    assert update.message.parse_entities() == {update.message.entities[0]: "/start"}
    assert update.message.from_user is not None and update.message.from_user.first_name == "أحمد"
    assert update.message.chat.id == 1002 and update.message.chat.type == "private"


async def test_unconfirmed_updates_are_delivered_again(api: BotApiStandIn, bot: Bot) -> None:
    user = api.user(1003)
    ids = [await user.send("أ"), await user.send("ب")]
    assert [u.update_id for u in await bot.get_updates()] == ids
    assert [u.update_id for u in await bot.get_updates()] == ids
    assert [u.update_id for u in await bot.get_updates(offset=ids[0] + 1)] == ids[1:]
    assert await bot.get_updates(offset=ids[1] + 1) == ()
    assert api.pending_updates == 0


async def test_redeliver_puts_a_confirmed_update_back(api: BotApiStandIn, bot: Bot) -> None:
    user = api.user(1004)
    first = await user.send("أ")
    await bot.get_updates()
    await bot.get_updates(offset=first + 1)
    api.redeliver(first)
    [again] = await bot.get_updates(offset=first + 1)
    assert again.update_id == first and again.message is not None and again.message.text == "أ"
    assert await bot.get_updates(offset=first + 1) == ()
    with pytest.raises(ValueError, match="unknown"):
        api.redeliver(1)


async def test_long_poll_returns_as_soon_as_an_update_arrives(api: BotApiStandIn, bot: Bot) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=30, read_timeout=40))
    await api.wait_for(lambda: any(method == "getUpdates" for method, _ in api.calls), 5)
    update_id = await api.user(1005).send("هل من أحد؟")
    async with asyncio.timeout(5):
        updates = await poll
    assert [u.update_id for u in updates] == [update_id]


async def test_long_poll_times_out_empty(bot: Bot) -> None:
    assert await bot.get_updates(timeout=1) == ()


async def test_a_second_poller_terminates_the_first(api: BotApiStandIn, http: httpx.AsyncClient) -> None:
    first = asyncio.create_task(http.post("getUpdates", data={"timeout": 30}, timeout=40))
    await api.wait_for(lambda: len(api.calls) == 1, 5)
    second = await http.post("getUpdates", data={"timeout": 0})
    assert second.json() == {"ok": True, "result": []}
    status, description = await error_of(await first)
    assert status == 409 and description.startswith("Conflict: terminated by other getUpdates request")


# ---------------------------------------------------------------- flood control and faults


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_overall_flood_limit_answers_429_with_retry_after(
    clocked_api: tuple[BotApiStandIn, FakeClock],
) -> None:
    api, clock = clocked_api
    users = [api.user(3000 + i) for i in range(4)]
    for user in users:
        await user.send("أ")
    api.rate_limit(overall_per_second=3)
    async with Bot(TOKEN, base_url=api.base_url) as bot:
        for user in users[:3]:
            await bot.send_message(user.id, "رد")
        with pytest.raises(RetryAfter) as caught:
            await bot.send_message(users[3].id, "رد")
        assert caught.value.retry_after == dt.timedelta(seconds=1)
        async with httpx.AsyncClient() as client:
            response = await client.post(f"{api.base_url}{TOKEN}/sendMessage", data={"chat_id": 3000, "text": "x"})
        assert response.status_code == 429
        assert response.json()["parameters"] == {"retry_after": 1}
        assert response.json()["description"] == "Too Many Requests: retry after 1"
        clock.now += 0.5
        with pytest.raises(RetryAfter):
            await bot.send_message(users[3].id, "رد")
        clock.now += 0.5
        await bot.send_message(users[3].id, "رد")


async def test_per_chat_flood_limit_allows_a_small_burst(
    clocked_api: tuple[BotApiStandIn, FakeClock],
) -> None:
    api, clock = clocked_api
    user = api.user(3100)
    await user.send("أ")
    api.rate_limit(per_chat_per_second=1, per_chat_burst=2)
    async with Bot(TOKEN, base_url=api.base_url) as bot:
        await bot.send_message(user.id, "1")
        await bot.send_message(user.id, "2")
        with pytest.raises(RetryAfter):
            await bot.send_message(user.id, "3")
        clock.now += 1.0
        await bot.send_message(user.id, "3")


@pytest.fixture
async def clocked_api(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[tuple[BotApiStandIn, FakeClock]]:
    """A stand-in on a hand-moved clock."""
    # PTB 22 warns on every RetryAfter unless opted in to timedelta values, and warnings are errors here.
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    clock = FakeClock()
    async with BotApiStandIn(token=TOKEN, clock=clock) as stand_in:
        yield stand_in, clock


async def test_fail_next_injects_errors_then_recovers(
    api: BotApiStandIn, http: httpx.AsyncClient, salma: SimulatedUser
) -> None:
    api.fail_next("sendMessage", status=502, count=2)
    data = {"chat_id": salma.id, "text": "نص"}
    assert await error_of(await http.post("sendMessage", data=data)) == (502, "Bad Gateway")
    assert (await http.post("sendMessage", data=data)).status_code == 502
    assert (await http.post("sendMessage", data=data)).status_code == 200
    assert [m.text for m in salma.chat if m.from_bot] == ["نص"]
    api.fail_next("sendMessage", status=429, count=1, retry_after=7)
    response = await http.post("sendMessage", data=data)
    assert response.status_code == 429 and response.json()["parameters"] == {"retry_after": 7}


async def test_fail_next_surfaces_as_ptb_errors(api: BotApiStandIn, bot: Bot, salma: SimulatedUser) -> None:
    api.fail_next("sendMessage", status=502, count=1)
    with pytest.raises(NetworkError):
        await bot.send_message(salma.id, "نص")
    api.fail_next("sendMessage", status=400, count=1, description="Bad Request: chat not found")
    with pytest.raises(BadRequest, match="Chat not found"):
        await bot.send_message(salma.id, "نص")


async def test_delay_next_provokes_a_client_timeout_but_still_delivers(
    api: BotApiStandIn, salma: SimulatedUser
) -> None:
    api.delay_next("sendMessage", seconds=0.5)
    request = HTTPXRequest(read_timeout=0.05)
    async with Bot(TOKEN, base_url=api.base_url, request=request) as bot:
        with pytest.raises(TimedOut):
            await bot.send_message(salma.id, "متأخر")
    [late] = await salma.wait_messages()
    assert late.text == "متأخر"


# ---------------------------------------------------------------- webhook mode


class WebhookReceiver:
    """A tiny bot-side webhook endpoint that records posts and answers with scripted statuses."""

    def __init__(self, statuses: list[int]) -> None:
        self.statuses = statuses
        self.posts: list[tuple[dict[str, Any], str | None]] = []

    async def handle(self, request: web.Request) -> web.Response:
        self.posts.append((await request.json(), request.headers.get("X-Telegram-Bot-Api-Secret-Token")))
        return web.Response(status=self.statuses.pop(0) if self.statuses else 200)


@pytest.fixture
async def receiver() -> AsyncIterator[tuple[WebhookReceiver, str]]:
    """A running webhook receiver and its URL."""
    hook = WebhookReceiver([500, 502])
    app = web.Application()
    app.router.add_post("/hook", hook.handle)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    try:
        yield hook, f"http://127.0.0.1:{runner.addresses[0][1]}/hook"
    finally:
        await runner.cleanup()


async def test_webhook_posts_with_secret_and_retries(
    api: BotApiStandIn, bot: Bot, receiver: tuple[WebhookReceiver, str]
) -> None:
    hook, url = receiver
    assert await bot.set_webhook(url, secret_token="s3cr3t-Token_1") is True
    update_id = await api.user(1006).send("عبر الويب هوك")
    await api.wait_idle()
    assert [(post["update_id"], secret) for post, secret in hook.posts] == [(update_id, "s3cr3t-Token_1")] * 3
    assert api.webhook_attempts == [(update_id, 500), (update_id, 502), (update_id, 200)]
    assert hook.posts[0][0]["message"]["text"] == "عبر الويب هوك"
    info = await bot.get_webhook_info()
    assert info.url == url and info.pending_update_count == 0
    assert info.last_error_message is not None and "502" in info.last_error_message
    with pytest.raises(Conflict, match="webhook is active"):
        await bot.get_updates()
    await bot.delete_webhook()
    later = await api.user(1006).send("عبر الاستطلاع")
    assert [u.update_id for u in await bot.get_updates()] == [later]


async def test_webhook_settings_are_validated(bot: Bot) -> None:
    with pytest.raises(BadRequest, match=r"(?i)https url must be provided"):
        await bot.set_webhook("http://example.org/hook")
    with pytest.raises(BadRequest, match=r"(?i)secret token"):
        await bot.set_webhook("https://example.org/hook", secret_token="bad secret!")


# ---------------------------------------------------------------- a whole PTB application


async def test_ptb_application_round_trip(api: BotApiStandIn) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text(f"أهلاً {context.args}", reply_markup=keyboard([("نعم", "yes")]))

    async def chosen(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer("تم")
        await query.edit_message_text(f"اخترت {query.data}")

    application = ApplicationBuilder().token(TOKEN).base_url(api.base_url).build()
    application.add_handler(CommandHandler("start", start))
    application.add_handler(CallbackQueryHandler(chosen))
    user = api.user(1007, first_name="سلمى")
    async with application:
        await application.start()
        assert application.updater is not None
        await application.updater.start_polling(poll_interval=0, timeout=10)
        await user.command("start", "abc")
        [greeting] = await user.wait_messages()
        await user.press("نعم")
        [edited] = await user.wait_messages()
        await api.wait_idle()
        await application.updater.stop()
        await application.stop()
    assert (greeting.text, greeting.labels) == ("أهلاً ['abc']", ["نعم"])
    assert (edited.event, edited.text, edited.buttons) == ("edited", "اخترت yes", [])
    assert api.unanswered_callback_queries() == []
    assert api.pending_updates == 0


async def test_wait_messages_times_out_with_a_report(api: BotApiStandIn, salma: SimulatedUser) -> None:
    with pytest.raises(TimeoutError, match=r"expected 1 new bot message\(s\)") as caught:
        await salma.wait_messages(timeout=0.05)
    assert "chat so far" in str(caught.value) and "مرحبا" in str(caught.value)
