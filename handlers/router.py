"""The one place that lists every feature and decides which handler answers an event."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from handlers import (
    broadcast,
    endorse,
    evidence,
    exports,
    fallback,
    follow,
    held,
    inbox,
    invite,
    irm,
    menu,
    milestones,
    moderation,
    my,
    privacy,
    recommend,
    registration,
    reminders,
    report,
    round_announce,
    round_input,
    round_join,
    round_new,
    rounds,
    rules,
    settings,
    stats,
    status,
    team,
    update,
    update_import,
)
from handlers.context import Context
from handlers.contract import Reply
from handlers.feature import Feature, Handler
from handlers.kit.access import gate
from handlers.kit.buttons import Button, split
from handlers.kit.flows import Flow, StaleFlow
from handlers.kit.hooks import Hooks
from handlers.kit.routes import ButtonRoute, on
from messages_ar import Messages

log = logging.getLogger(__name__)

# Order matters only for readability; duplicates are refused when the router is built.
FEATURES: tuple[Feature, ...] = (
    registration.FEATURE,
    recommend.FEATURE,
    status.FEATURE,
    my.FEATURE,
    rounds.FEATURE,
    round_new.FEATURE,
    round_announce.FEATURE,
    round_join.FEATURE,
    round_input.FEATURE,
    exports.FEATURE,
    stats.FEATURE,
    report.FEATURE,
    menu.FEATURE,
    invite.FEATURE,
    team.FEATURE,
    inbox.FEATURE,
    moderation.FEATURE,
    update.FEATURE,
    update_import.FEATURE,
    milestones.FEATURE,
    follow.FEATURE,
    endorse.FEATURE,
    settings.FEATURE,
    reminders.FEATURE,
    broadcast.FEATURE,
    privacy.FEATURE,
    held.FEATURE,
    irm.FEATURE,
    rules.FEATURE,
    evidence.FEATURE,
)

# `/join <code>` (and a code typed on its own) is `/start <code>` typed by hand (terminal, WhatsApp): a code with a
# registered deep-link prefix (rounds r_..., invitations ...) goes to that prefix's handler, anything else to the
# feature that registers the "join" command, so every feature that hands out codes shares the one command.
_PAYLOAD = re.compile(r"^[A-Za-z0-9_-]{3,64}$")
MAX_FOLLOW_UPS = 3  # a registration that continues into the command that asked for it, and so on


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

    def __init__(self, messages: Messages, features: tuple[Feature, ...] = FEATURES) -> None:
        self.commands: dict[str, Handler] = _merge([f.commands for f in features], "command")
        self.deep_links: dict[str, Handler] = _merge([f.deep_links for f in features], "deep link")
        self.flows: dict[str, Flow[Any]] = _merge([{fl.name: fl for fl in f.flows} for f in features], "flow")
        routes = [route for f in features for route in f.buttons]
        routes.append(on(menu.OpenMenu, self._menu_button))
        self.cancels: dict[type[Button], dict[str, Flow[Any]]] = {}
        for fl in self.flows.values():
            if fl.cancel is not None:
                self.cancels.setdefault(fl.cancel, {})[fl.name] = fl
        routes += [on(button, self._cancel_button) for button in self.cancels]
        self.buttons: dict[str, ButtonRoute[Any]] = _merge([{r.button.prefix: r} for r in routes], "button")
        self.bound = self._flow_bound_buttons()
        self.hooks = Hooks(binding for f in features for binding in f.hooks)
        self.keywords: dict[str, str] = {}
        for feature in features:
            for key, command in feature.keywords.items():
                self.keywords[messages.t(key)] = command

    def _flow_bound_buttons(self) -> dict[type[Button], tuple[Flow[Any], frozenset[str]]]:
        """Return, for each button a flow's table lists, the flow and the steps at which it may be pressed."""
        bound: dict[type[Button], tuple[Flow[Any], frozenset[str]]] = {}
        for flow in self.flows.values():
            for accepts in flow.steps.values():
                for button in accepts.buttons:
                    if button.prefix not in self.buttons:
                        raise ValueError(f"flow {flow.name} lists {button.__name__}, which no feature answers")
                    if button in bound and bound[button][0] is not flow:
                        raise ValueError(f"{button.__name__} is listed by two flows")
                    bound[button] = (flow, flow.steps_with(button))
        return bound

    async def route(self, ctx: Context) -> list[Reply]:
        """Answer one event, then any follow-up a handler left (the command that needed registration)."""
        ctx.hooks = self.hooks
        replies = await self._dispatch_safely(ctx)
        for _ in range(MAX_FOLLOW_UPS):
            then = ctx.carry.then
            if ctx.flow is not None or ctx.participant is None or then is None:
                break
            ctx.carry.then = None
            command, args = then
            ctx.incoming = replace(ctx.incoming, command=command, args=args, choice=None, text=None)
            replies += await self._dispatch_safely(ctx)
        return replies

    async def _dispatch_safely(self, ctx: Context) -> list[Reply]:
        try:
            return await self._dispatch(ctx)
        except StaleFlow as stale:
            log.info("flow %s had data from an older version; ended", stale)
            ctx.end()
            return await fallback.stale_button(ctx)

    async def _dispatch(self, ctx: Context) -> list[Reply]:
        incoming = ctx.incoming
        if incoming.text is not None and incoming.command is None:
            keyword = self.keywords.get(incoming.text.strip())
            if keyword is not None:
                ctx.incoming = incoming = replace(incoming, command=keyword, text=None)
        if incoming.text is not None and incoming.command is None:
            payload = self._typed_payload(incoming.text)
            if payload is not None:
                ctx.incoming = incoming = replace(incoming, command="join", args=payload, text=None)
        if incoming.command is not None:
            return await self._command(ctx, incoming.command, incoming.args)
        if incoming.choice is not None:
            return await self._button(ctx, incoming.choice)
        if incoming.attachment is not None:
            return await self._file(ctx)
        if incoming.text is not None:
            return await self._text(ctx)
        return await fallback.non_text(ctx)

    def _typed_payload(self, text: str) -> str | None:
        """Return a join code typed as a message on its own (r_ABC234), with its prefix as registered."""
        token = text.strip()
        if not _PAYLOAD.match(token):
            return None
        prefix = next((p for p in self.deep_links if token.lower().startswith(p.lower())), None)
        return prefix + token[len(prefix) :] if prefix is not None else None

    async def _command(self, ctx: Context, command: str, args: str) -> list[Reply]:
        if args and (command == "start" or (command == "join" and self._typed_payload(args) is not None)):
            return await self._deep_link(ctx, self._typed_payload(args) or args.strip())
        handler = self.commands.get(command)
        if handler is None and command == "join":
            return [Reply(text=ctx.t("join-ask-code"))]
        if handler is None:
            return await fallback.unknown_command(ctx)
        return await handler(ctx)

    async def _deep_link(self, ctx: Context, payload: str) -> list[Reply]:
        prefix = next((p for p in sorted(self.deep_links, key=len, reverse=True) if payload.startswith(p)), None)
        if prefix is None:
            ctx.incoming = replace(ctx.incoming, args="")
            return [Reply(text=ctx.t("unknown-link")), *await registration.start(ctx)]
        if ctx.participant is None:
            ctx.carry.then = ("start", payload)
            return registration.begin(ctx)
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
        stop = gate(
            ctx, route.who, registered=route.registered, then=route.then
        )  # a forged privileged button is refused, wherever the chat is
        if stop is not None:
            return stop
        bound = self.bound.get(route.button)
        if bound is not None and not (ctx.flow == bound[0].name and ctx.step in bound[1]):
            return await fallback.stale_button(ctx)
        return list(await route.handler(ctx, press))

    async def _text(self, ctx: Context) -> list[Reply]:
        flow = self.flows.get(ctx.flow or "")
        accepts = flow.accepts(ctx) if flow is not None else None
        if flow is None or accepts is None:
            ctx.end()
            return await fallback.not_understood(ctx)
        data = flow.load(ctx)
        if accepts.text is not None:
            return await accepts.text(ctx, data)
        if accepts.ask is not None:
            return await accepts.ask(ctx, data)
        return [Reply(text=ctx.t("use-buttons"))]

    async def _file(self, ctx: Context) -> list[Reply]:
        """Hand a sent file to the step that asked for one; anywhere else, say that files are not read there."""
        flow = self.flows.get(ctx.flow or "")
        accepts = flow.accepts(ctx) if flow is not None else None
        if flow is None or accepts is None or accepts.file is None:
            return await fallback.non_text(ctx)
        return await accepts.file(ctx, flow.load(ctx))

    async def _menu_button(self, ctx: Context, press: menu.OpenMenu) -> list[Reply]:
        """Run the command a main-menu button names."""
        if press.command not in self.commands:
            return await fallback.unknown_button(ctx)
        ctx.incoming = replace(ctx.incoming, command=press.command, args="", choice=None)
        return await self._command(ctx, press.command, "")

    async def _cancel_button(self, ctx: Context, press: Button) -> list[Reply]:
        """Leave the flow whose cancel button was pressed."""
        flow = self.cancels[type(press)].get(ctx.flow or "")
        if flow is None:
            return await fallback.stale_button(ctx)
        data = flow.load(ctx)
        ctx.end()
        if flow.on_cancel is not None:
            return await flow.on_cancel(ctx, data)
        return [menu.with_menu(ctx, ctx.t("cancelled"), replace=True)]
