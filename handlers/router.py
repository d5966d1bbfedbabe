"""The one place that lists every feature and decides which handler answers an event."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Mapping
from dataclasses import replace
from functools import lru_cache
from typing import Any

from handlers.answers import answer_sheet, duplicates, inbox, merge, moderation, publishing, search
from handlers.coordination import broadcast, evidence, exports, held, invite, report, rules, stats, team
from handlers.joining import command_help, language, naming, privacy, questions, registration, settings
from handlers.kit import fallback, files, intent, menu
from handlers.kit.access import gate
from handlers.kit.buttons import Button, split
from handlers.kit.context import Context
from handlers.kit.contract import OPENED, Reply
from handlers.kit.feature import FOLLOW_UP, Feature, Handler
from handlers.kit.flows import Accepts, Flow, StaleFlow, Typing
from handlers.kit.hooks import Hooks
from handlers.kit.parking import ConfirmDrop, DropParked, ParkingLot, ResumeParked, does_offer
from handlers.kit.routes import ButtonRoute, on
from handlers.kit.text import label_key
from handlers.kit.who import Who, who_of
from handlers.progress import irm, milestones, reminders, update, update_import
from handlers.recommending import endorse, follow, my, recommend, status
from handlers.rounds import announce as round_announce
from handlers.rounds import edit as round_edit
from handlers.rounds import findings, rapporteurs
from handlers.rounds import hall as round_hall
from handlers.rounds import input as round_input
from handlers.rounds import join as round_join
from handlers.rounds import manage as rounds
from handlers.rounds import new as round_new
from messages import LANGUAGES, load_messages

log = logging.getLogger(__name__)

# Order matters only for readability; duplicates are refused when the router is built.
FEATURES: tuple[Feature, ...] = (
    registration.FEATURE,
    recommend.FEATURE,
    questions.FEATURE,
    status.FEATURE,
    my.FEATURE,
    rounds.FEATURE,
    round_new.FEATURE,
    round_announce.FEATURE,
    round_join.FEATURE,
    round_input.FEATURE,
    rapporteurs.FEATURE,
    findings.FEATURE,
    round_hall.FEATURE,
    round_edit.FEATURE,
    exports.FEATURE,
    stats.FEATURE,
    report.FEATURE,
    menu.FEATURE,
    command_help.FEATURE,
    invite.FEATURE,
    team.FEATURE,
    inbox.FEATURE,
    search.FEATURE,
    answer_sheet.FEATURE,
    moderation.FEATURE,
    merge.FEATURE,
    duplicates.FEATURE,
    update.FEATURE,
    update_import.FEATURE,
    milestones.FEATURE,
    follow.FEATURE,
    endorse.FEATURE,
    settings.FEATURE,
    reminders.FEATURE,
    broadcast.FEATURE,
    privacy.FEATURE,
    publishing.FEATURE,
    naming.FEATURE,
    held.FEATURE,
    irm.FEATURE,
    rules.FEATURE,
    evidence.FEATURE,
    language.FEATURE,
)

# `/join <code>` (and a code typed on its own) is `/start <code>` typed by hand (terminal, WhatsApp): a code with a
# registered deep-link prefix (rounds r_..., invitations ...) goes to that prefix's handler, anything else to the
# feature that registers the "join" command, so every feature that hands out codes shares the one command.
_PAYLOAD = re.compile(r"^[A-Za-z0-9_-]{3,64}$")
MAX_FOLLOW_UPS = 3  # a registration that continues into the command that asked for it, and so on
# Commands that do not leave the chat's flow: /cancel ends it on purpose, /language asks the step again in the new one.
_KEEP_FLOW = frozenset({"cancel", language.COMMAND})

# The same labels are drawn over and over (the /status board's, the menu's); reducing one costs Unicode
# normalisation and a category per character, about 15 µs for a commitment's title: a tenth of a /status (make bench).
_label_key = lru_cache(maxsize=4096)(label_key)


def _keyword_key(text: str) -> str:
    """Return a typed keyword as the router compares it: trimmed, case-folded."""
    return text.strip().casefold()


def _merge(tables: list[Mapping[str, Any]], what: str) -> dict[str, Any]:
    merged: dict[str, Any] = {}
    for table in tables:
        for key, value in table.items():
            if key in merged:
                raise ValueError(f"{what} {key!r} is claimed twice")
            merged[key] = value
    return merged


class Router:
    """Maps commands, buttons, flows and deep links to handlers."""

    def __init__(self, features: tuple[Feature, ...] = FEATURES) -> None:
        self.commands: dict[str, Handler] = _merge([f.commands for f in features], "command")
        self.deep_links: dict[str, Handler] = _merge([f.deep_links for f in features], "deep link")
        self.flows: dict[str, Flow[Any]] = _merge([{fl.name: fl for fl in f.flows} for f in features], "flow")
        self.parking = ParkingLot(self.flows)
        routes = [route for f in features for route in f.routes]
        routes.append(on(menu.OpenMenu, self._menu_button))
        routes += [on(ResumeParked, self._resume_parked), on(DropParked, self._ask_drop_parked)]
        routes.append(on(ConfirmDrop, self._drop_parked))
        self.cancels: dict[type[Button], dict[str, Flow[Any]]] = {}
        for fl in self.flows.values():
            if fl.cancel is not None:
                self.cancels.setdefault(fl.cancel, {})[fl.name] = fl
        routes += [on(button, self._cancel_button) for button in self.cancels]
        self.buttons: dict[str, ButtonRoute[Any]] = _merge([{r.button.prefix: r} for r in routes], "button")
        self.bound = self._flow_bound_buttons()
        bindings = [binding for f in features for binding in f.hooks]
        guards = command_help.COMMAND_GUARDS.bind(self.guards)
        self.hooks = Hooks([*bindings, language.STEP_QUESTION.bind(self._step_question), guards])
        # A keyword typed in either language is its command, whichever language the person reads.
        self.keywords: dict[str, str] = {}
        for feature in features:
            for key, command in feature.keywords.items():
                for catalogue in map(load_messages, LANGUAGES):
                    self.keywords[_keyword_key(catalogue.t(key))] = command

    def guards(self) -> dict[str, Who]:
        """Return every command with the level its handler declares (for /help)."""
        return {name: who_of(handler) for name, handler in self.commands.items()}

    def keyword(self, text: str) -> str | None:
        """Return the command a typed keyword stands for («قائمة», "Menu", "language"), or None."""
        return self.keywords.get(_keyword_key(text))

    def _flow_bound_buttons(self) -> dict[type[Button], tuple[Flow[Any], frozenset[str]]]:
        """Return, for each button a flow's table lists, the flow and the steps at which it may be pressed."""
        bound: dict[type[Button], tuple[Flow[Any], frozenset[str]]] = {}
        for flow in self.flows.values():
            for accepts in flow.steps.values():
                for button in accepts.families:
                    if button in bound and bound[button][0] is not flow:
                        raise ValueError(f"{button.__name__} is listed by two flows")
                    bound[button] = (flow, flow.steps_with(button))
        return bound

    async def route(self, ctx: Context) -> list[Reply]:
        """Answer one event, then any follow-up a handler left (the command that needed registration)."""
        ctx.hooks = self.hooks
        at = (ctx.flow, ctx.step)
        held = self._held(ctx)
        first = ctx.participant is None and ctx.carry.language is None  # a newcomer's first message
        replies = await self._dispatch_safely(ctx)
        # Offered under the first answer (a document asked for comes later: the next answer offers it), once.
        if first and replies and ctx.carry.language is None and ctx.incoming.command != language.COMMAND:
            ctx.carry.language = ctx.messages.language
            replies = language.offer(ctx, replies)
        for _ in range(MAX_FOLLOW_UPS):
            then = ctx.carry.then
            if ctx.flow is not None or ctx.participant is None or then is None:
                break
            ctx.carry.then = None
            command, args = then
            ctx.incoming = replace(ctx.incoming, command=command, args=args, choice=None, text=None)
            replies += await self._dispatch_safely(ctx)
        for follow_up in ctx.hooks(FOLLOW_UP):
            addendum = await follow_up(ctx) if replies else None
            if addendum is not None:
                last = replies[-1]
                text = f"{last.text}\n\n{addendum.text}" if last.text else addendum.text
                replies[-1] = last.model_copy(update={"text": text, "choices": (*last.choices, *addendum.choices)})
        await files.let_go(ctx, held - self._held(ctx))  # "cancelled, nothing saved" holds for its files too
        return self._mark(ctx, at, replies)

    def _held(self, ctx: Context) -> set[int]:
        """Return the stored files the chat's drafts hold: its flow's data and each parked draft's."""
        drafts = [(ctx.flow, ctx.data), *((p.flow, p.data) for p in ctx.carry.parked)]
        held: set[int] = set()
        for name, data in drafts:
            flow = self.flows.get(name or "")
            if flow is None or flow.holds is None:
                continue
            parsed = flow.parse(data)
            if parsed is not None:
                held.update(file_id for file_id in flow.holds(parsed) if file_id is not None)
        return held

    def _mark(self, ctx: Context, at: tuple[str | None, str | None], replies: list[Reply]) -> list[Reply]:
        """Remember the buttons now on screen (a label typed as text acts as the button), and mark the newest
        buttons of a step that takes typed text (a terminal then reads a typed number as text, not a choice)."""
        last = next((i for i in range(len(replies) - 1, -1, -1) if replies[i].choices), None)
        if last is None:
            if (ctx.flow, ctx.step) != at:
                ctx.carry.shown = []  # the buttons on screen belong to a step the chat has left
            return replies
        ctx.carry.shown = [(_label_key(c.label), c.id) for c in replies[last].choices]
        accepts = self._accepts(ctx)
        if accepts is not None and accepts.typed is Typing.TEXT:
            replies[last] = replies[last].model_copy(update={"free_text": True})
        return replies

    def _accepts(self, ctx: Context) -> Accepts[Any] | None:
        flow = self.flows.get(ctx.flow or "")
        return flow.accepts(ctx) if flow is not None else None

    async def _dispatch_safely(self, ctx: Context) -> list[Reply]:
        try:
            return await self._dispatch(ctx)
        except StaleFlow as stale:
            log.info("flow %s had data from an older version; ended", stale)
            ctx.end()
            return await fallback.stale_button(ctx)

    async def _dispatch(self, ctx: Context) -> list[Reply]:
        incoming = ctx.incoming
        if incoming.attachment is not None and incoming.command is None and incoming.choice is None:
            return await self._file(ctx)  # a caption is the file's words, never a keyword or a label
        if incoming.text is not None and incoming.command is None:
            keyword = self.keyword(incoming.text)
            if keyword is not None:
                ctx.incoming = incoming = replace(incoming, command=keyword, text=None)
        if incoming.text is not None and incoming.command is None:
            payload = self.typed_code(incoming.text)
            if payload is not None:
                ctx.incoming = incoming = replace(incoming, command="join", args=payload, text=None)
        if incoming.text is not None and incoming.command is None:
            choice = self._typed_label(ctx, incoming.text)
            if choice is not None:
                ctx.incoming = incoming = replace(incoming, choice=choice, text=None)
        if incoming.command is not None:
            return await self._command(ctx, incoming.command, incoming.args)
        if incoming.choice is not None:
            return await self._button(ctx, incoming.choice)
        if incoming.text is not None:
            return await self._text(ctx)
        return await fallback.non_text(ctx)

    def typed_code(self, text: str) -> str | None:
        """Return a join code typed as a message on its own (r_ABC234), with its prefix as registered."""
        token = text.strip()
        if not _PAYLOAD.match(token):
            return None
        prefix = next((p for p in self.deep_links if token.lower().startswith(p.lower())), None)
        return prefix + token[len(prefix) :] if prefix is not None else None

    def _typed_label(self, ctx: Context, text: str) -> str | None:
        """Return the button whose label the person typed (among the buttons on screen), or None.

        The whole label, or its opening words when only one label opens with them («نعم» for «✅ نعم، لقاء
        سابق»), or a yes the prompt asked for («اختر «نعم»») when only one label says yes («✅ أوافق»)."""
        key = label_key(text)
        if not key:
            return None
        shown = [(label, choice) for label, choice in ctx.carry.shown if self._fits_step(ctx, choice)]
        exact = [choice for label, choice in shown if label == key]
        accepts = self._accepts(ctx)
        if accepts is not None and accepts.typed is Typing.TEXT:  # «عمّان» typed as a place is the place
            return exact[0] if len(exact) == 1 else None
        opening = [choice for label, choice in shown if label.startswith(key + " ")]
        yes = [choice for label, choice in shown if intent.says_yes(label)] if intent.says_yes(key) else []
        return next((found[0] for found in (exact, opening, yes) if len(found) == 1), None)

    def _fits_step(self, ctx: Context, data: str) -> bool:
        """Tell whether a button on screen may be typed here: a flow's button only at its own flow's step."""
        found = self.find(data)
        if found is None:
            return False
        bound = self.bound.get(found[0].button)
        return bound is None or (ctx.flow == bound[0].name and ctx.step in bound[1])

    async def _command(self, ctx: Context, command: str, args: str) -> list[Reply]:
        if command == OPENED:
            return await self._opened(ctx)
        if args and (command == "start" or (command == "join" and self.typed_code(args) is not None)):
            return await self._deep_link(ctx, self.typed_code(args) or args.strip())
        handler = self.commands.get(command)
        if handler is None and command == "join":
            return [Reply(text=ctx.t("join-ask-code"))]
        if handler is None:
            return await fallback.unknown_command(ctx)  # a mistyped command leaves the flow as it was
        if command not in _KEEP_FLOW:  # any other command leaves the flow, keeping a draft
            self.parking.leave(ctx)
        if does_offer(handler) and (offer := self.parking.offer(ctx, command)) is not None:
            return offer
        return await handler(ctx)

    async def _opened(self, ctx: Context) -> list[Reply]:
        """Greet a chat as it opens (a terminal): the question of a step left unfinished is asked again, else /start.

        A flow may have its draft offered back instead when it waits for typed text (go on, or drop it)."""
        ask = None if self._awaits_kept_text(ctx) else self._step_question_of(ctx)
        if ask is not None:
            return [Reply(text=ctx.t("opened-resume")), *await ask]
        ctx.incoming = replace(ctx.incoming, command="start", args="")
        return await self._command(ctx, "start", "")

    async def _resume_parked(self, ctx: Context, press: ResumeParked) -> list[Reply]:
        """Go on with the newest parked draft."""
        resumed = await self.parking.resume(ctx)
        return resumed if resumed is not None else await fallback.stale_button(ctx)

    async def _ask_drop_parked(self, ctx: Context, press: DropParked) -> list[Reply]:
        """Ask once before dropping the newest parked draft."""
        asked = self.parking.confirm_drop(ctx, press.command)
        return asked if asked is not None else await fallback.stale_button(ctx)

    async def _drop_parked(self, ctx: Context, press: ConfirmDrop) -> list[Reply]:
        """Drop the newest parked draft, then run the command that offered it."""
        if not self.parking.drop(ctx):
            return await fallback.stale_button(ctx)
        note = Reply(text=ctx.t("parked-dropped"), replace=True)
        if press.command not in self.commands:
            return [note, *await fallback.not_understood(ctx)]
        ctx.incoming = replace(ctx.incoming, command=press.command, args="", choice=None)
        return [note, *await self._command(ctx, press.command, "")]

    async def _deep_link(self, ctx: Context, payload: str) -> list[Reply]:
        prefix = next((p for p in sorted(self.deep_links, key=len, reverse=True) if payload.startswith(p)), None)
        if prefix is None:
            ctx.incoming = replace(ctx.incoming, args="")
            return [Reply(text=ctx.t("unknown-link")), *await registration.start(ctx)]
        self.parking.leave(ctx)
        # Each deep link looks at its code before a newcomer registers (a used invitation is refused at once, a
        # round greets by the meeting's name), then asks for registration itself (`@requires` or need_registration).
        return await self.deep_links[prefix](ctx)

    @property
    def families(self) -> frozenset[str]:
        """Return the first word of every button prefix (rec, inbox, m, ...)."""
        return frozenset(p.partition(":")[0] for p in self.buttons)

    def find(self, data: str) -> tuple[ButtonRoute[Any], Button] | None:
        """Return the route and the typed button that callback data names, or None when nothing fits."""
        parts = split(data)
        for cut in range(len(parts), 0, -1):
            route = self.buttons.get(":".join(parts[:cut]))
            if route is not None:
                press = route.button.unpack(parts[cut:])
                return (route, press) if press is not None else None
        return None

    async def _button(self, ctx: Context, data: str) -> list[Reply]:
        found = self.find(data)
        if found is None:
            return await fallback.unknown_button(ctx)
        route, press = found
        # A forged privileged button is refused, wherever the chat is.
        if (stop := gate(ctx, route.who, registered=route.registered, then=route.then)) is not None:
            return stop
        bound = self.bound.get(route.button)
        # A button of a parked draft's message brings the draft back; any other from a step left behind is stale.
        if bound is not None and not self.parking.reach(ctx, bound[0].name, bound[1]):
            return await fallback.stale_button(ctx)
        return list(await route.answer(ctx, press))

    async def _text(self, ctx: Context) -> list[Reply]:
        flow = self.flows.get(ctx.flow or "")
        accepts = flow.accepts(ctx) if flow is not None else None
        if flow is None or accepts is None:
            ctx.end()
            kind = intent.read(ctx.incoming.text or "", ctx.config.recommendation_min)
            if (answered := await fallback.courtesy(ctx, kind)) is not None:
                return answered
            for offer in ctx.hooks(fallback.FREE_TEXT):
                if (offered := await offer(ctx)) is not None:
                    return offered
            return await fallback.not_understood(ctx)
        data = flow.load(ctx)
        if accepts.text is not None:
            return await accepts.text(ctx, data)
        return await self._use_buttons(ctx, flow, accepts, data)

    async def _use_buttons(self, ctx: Context, flow: Flow[Any], accepts: Accepts[Any], data: Any) -> list[Reply]:
        """Answer text at a step that takes only buttons: the flow's note above the step's question, with its choices
        again and the flow's cancel button (a terminal numbers them), nothing stored."""
        asked = await accepts.question(ctx, data) if accepts.question is not None else []
        if ctx.flow != flow.name:  # the question found the flow could not go on (its item is gone) and ended it
            return asked
        last = next((r for r in reversed(asked) if r.choices), None)
        choices = last.choices if last is not None else ()
        cancel = flow.cancel_choice(ctx)
        if cancel is not None and all(c.id != cancel.id for c in choices):
            choices = (*choices, cancel)
        text = ctx.t(flow.note) if last is None or not last.text else f"{ctx.t(flow.note)}\n\n{last.text}"
        return [Reply(text=text, choices=choices)]

    async def _step_question(self, ctx: Context) -> list[Reply]:
        """Ask the question of the step the chat is in again (after the person changed language)."""
        ask = self._step_question_of(ctx)
        return await ask if ask is not None else []

    def _awaits_kept_text(self, ctx: Context) -> bool:
        """Tell whether the chat waits for typed text in a flow whose kept draft is offered back on opening."""
        flow = self.flows.get(ctx.flow or "")
        if flow is None or flow.parking is None or not flow.parking.offered_on_opening:
            return False
        accepts = flow.accepts(ctx)
        return accepts is not None and accepts.typed is Typing.TEXT and self.parking.keeps(ctx)

    def _step_question_of(self, ctx: Context) -> Awaitable[list[Reply]] | None:
        """Return the asking of the current step's question, or None when the chat is in no step that can ask."""
        flow = self.flows.get(ctx.flow or "")
        accepts = flow.accepts(ctx) if flow is not None else None
        if flow is None or accepts is None or accepts.question is None:
            return None
        return self._with_cancel(ctx, flow, accepts.question(ctx, flow.load(ctx)))

    async def _with_cancel(self, ctx: Context, flow: Flow[Any], asking: Awaitable[list[Reply]]) -> list[Reply]:
        """Return the question's replies with the flow's cancel button under the last, when it lacks one."""
        asked = await asking
        cancel = flow.cancel_choice(ctx)
        if cancel is None or not asked or ctx.flow != flow.name:
            return asked
        last = next((i for i in range(len(asked) - 1, -1, -1) if asked[i].choices), len(asked) - 1)
        if any(c.id == cancel.id for r in asked for c in r.choices):
            return asked
        asked[last] = asked[last].model_copy(update={"choices": (*asked[last].choices, cancel)})
        return asked

    async def _file(self, ctx: Context) -> list[Reply]:
        """Hand a sent file to the step that asked for one (or, outside a flow, to a feature that offers to take it);
        a file the channel refused gets its reason, and the chat stays where it was."""
        sent = ctx.incoming.attachment
        if sent is not None and sent.refused is not None:
            return [Reply(text=files.refusal(ctx, sent.refused))]
        flow = self.flows.get(ctx.flow or "")
        accepts = flow.accepts(ctx) if flow is not None else None
        if flow is not None and accepts is not None and accepts.file is not None:
            return await accepts.file(ctx, flow.load(ctx))
        if flow is None or accepts is None:
            ctx.end()
            for offer in ctx.hooks(fallback.FREE_FILE):
                if (offered := await offer(ctx)) is not None:
                    return offered
        await files.discard(ctx)  # refused for its use here: not kept
        return await fallback.non_text(ctx)

    async def _menu_button(self, ctx: Context, press: menu.OpenMenu) -> list[Reply]:
        """Run the command a main-menu button names."""
        if press.command not in self.commands:
            return await fallback.unknown_button(ctx)
        ctx.incoming = replace(ctx.incoming, command=press.command, args="", choice=None)
        return await self._command(ctx, press.command, "")

    async def _cancel_button(self, ctx: Context, press: Button) -> list[Reply]:
        """Leave the flow whose cancel button was pressed (or drop the parked draft whose message it is on)."""
        flows = self.cancels[type(press)]
        flow = flows.get(ctx.flow or "")
        if flow is None:
            parked = next((p for p in reversed(ctx.carry.parked) if p.flow in flows), None)
            if parked is None:
                return await fallback.stale_button(ctx)
            ctx.carry.parked = [p for p in ctx.carry.parked if p is not parked]
            return [menu.with_menu(ctx, ctx.t("cancelled"), replace=True)]
        data = flow.load(ctx)
        ctx.end()
        if flow.on_cancel is not None:
            return await flow.on_cancel(ctx, data)
        return [menu.with_menu(ctx, ctx.t("cancelled"), replace=True)]
