"""The one place that lists every feature and decides which handler answers an event."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import replace

from handlers import (
    broadcast,
    endorse,
    exports,
    fallback,
    follow,
    held,
    inbox,
    invite,
    menu,
    milestones,
    moderation,
    my,
    privacy,
    recommend,
    registration,
    reminders,
    report,
    round_input,
    round_join,
    rounds,
    settings,
    stats,
    status,
    team,
    update,
)
from handlers.context import Context
from handlers.contract import Reply
from handlers.feature import Feature, Handler
from messages_ar import Messages

# Order matters only for readability; duplicates are refused when the router is built.
FEATURES: tuple[Feature, ...] = (
    registration.FEATURE,
    recommend.FEATURE,
    status.FEATURE,
    my.FEATURE,
    rounds.FEATURE,
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
    milestones.FEATURE,
    follow.FEATURE,
    endorse.FEATURE,
    settings.FEATURE,
    reminders.FEATURE,
    broadcast.FEATURE,
    privacy.FEATURE,
    held.FEATURE,
)

# `/join <code>` (and a code typed on its own) is `/start <code>` typed by hand (terminal, WhatsApp): a code with a
# registered deep-link prefix (rounds r_..., invitations ...) goes to that prefix's handler, anything else to the
# feature that registers the "join" command, so every feature that hands out codes shares the one command.
_PAYLOAD = re.compile(r"^[A-Za-z0-9_-]{3,64}$")
MAX_FOLLOW_UPS = 3  # a registration that continues into the command that asked for it, and so on


def _merge(features: tuple[Feature, ...], attribute: str) -> dict[str, Handler]:
    merged: dict[str, Handler] = {}
    for feature in features:
        table: Mapping[str, Handler] = getattr(feature, attribute)
        for key, handler in table.items():
            if key in merged:
                raise ValueError(f"{attribute} {key!r} is claimed twice")
            merged[key] = handler
    return merged


class Router:
    """Maps commands, buttons, flows and deep links to handlers."""

    def __init__(self, messages: Messages, features: tuple[Feature, ...] = FEATURES) -> None:
        self.commands = _merge(features, "commands")
        self.choices = _merge(features, "choices")
        self.flows = _merge(features, "flows")
        self.deep_links = _merge(features, "deep_links")
        self.keywords: dict[str, str] = {}
        for feature in features:
            for key, command in feature.keywords.items():
                self.keywords[messages.t(key)] = command

    async def route(self, ctx: Context) -> list[Reply]:
        """Answer one event, then any follow-up a handler left (the command that needed registration)."""
        replies = await self._dispatch(ctx)
        for _ in range(MAX_FOLLOW_UPS):
            then = ctx.data.get("_then")
            if ctx.flow is not None or ctx.participant is None or not then:
                break
            del ctx.data["_then"]
            command, args = then
            ctx.incoming = replace(ctx.incoming, command=command, args=args, choice=None, text=None)
            replies += await self._dispatch(ctx)
        return replies

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
            return await self._choice(ctx, incoming.choice)
        if incoming.text is not None:
            handler = self.flows.get(ctx.flow or "")
            return await (handler or fallback.not_understood)(ctx)
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
            ctx.data["_then"] = ["start", payload]
            return registration.begin(ctx)
        return await self.deep_links[prefix](ctx)

    async def _choice(self, ctx: Context, choice: str) -> list[Reply]:
        prefix, _, rest = choice.partition(":")
        if prefix == "m":
            if rest in self.commands:
                ctx.incoming = replace(ctx.incoming, command=rest, args="", choice=None)
                return await self._command(ctx, rest, "")
            return await fallback.unknown_button(ctx)
        handler = self.choices.get(prefix)
        if handler is None:
            return await fallback.unknown_button(ctx)
        return await handler(ctx)
