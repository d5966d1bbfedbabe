"""/irm (coordinators): enter and correct what the IRM published about each commitment, field by field."""

from __future__ import annotations

import re
from enum import StrEnum

from handlers.kit.access import requires_role
from handlers.kit.buttons import Button
from handlers.kit.context import Context
from handlers.kit.contract import Choice, Reply
from handlers.kit.fallback import unknown_button
from handlers.kit.feature import Feature
from handlers.kit.flows import Accepts, Flow, FlowData
from handlers.kit.labels import irm_field_label, irm_label
from handlers.kit.routes import on
from handlers.kit.text import clean_line
from handlers.kit.who import Who
from storage import audit, catalogue, irm
from storage.irm import SCALES, IrmAssessment, IrmField
from storage.models import Commitment

CLEAR = "unset"  # the value of the button that clears a field (no scale uses it)
URL_MAX = 500
_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


class Step(StrEnum):
    """The one typed step: the link to the IRM's report."""

    URL = "url"


class Editing(FlowData):
    """The commitment whose source link is being typed."""

    commitment: int


class IrmList(Button, prefix="irm:l"):
    """The commitments to assess."""


class IrmCard(Button, prefix="irm:c"):
    """One commitment's assessment, with a button per field."""

    commitment: int


class IrmEdit(Button, prefix="irm:e"):
    """The values one field can take."""

    commitment: int
    field: IrmField


class IrmSet(Button, prefix="irm:s"):
    """Give a field a value (or clear it)."""

    commitment: int
    field: IrmField
    value: str


class Cancel(Button, prefix="irm:x"):
    """Leave the link as it was."""


async def _commitment(ctx: Context, commitment_id: int) -> Commitment | None:
    """Return a commitment of the active plan, or None."""
    return next((c for c in await catalogue.list_commitments(ctx.conn) if c.id == commitment_id), None)


def assessment_lines(ctx: Context, assessment: IrmAssessment) -> list[str]:
    """Return one line per field: its name and value (or that nothing was entered)."""
    lines = []
    for field in IrmField:
        code = assessment.value(field)
        if code is None:
            value = ctx.t("irm-not-entered")
        else:
            value = code if field is IrmField.SOURCE_URL else irm_label(ctx, field, code)
        lines.append(ctx.t("irm-line", field=irm_field_label(ctx, field), value=value))
    return lines


@requires_role(Who.COORDINATOR)
async def start(ctx: Context) -> list[Reply]:
    """Answer /irm: choose the commitment."""
    return await _list(ctx, replace=False)


@requires_role(Who.COORDINATOR)
async def show_list(ctx: Context, press: IrmList) -> list[Reply]:
    """Show the commitments again."""
    return await _list(ctx, replace=True)


async def _list(ctx: Context, *, replace: bool) -> list[Reply]:
    commitments = await catalogue.list_commitments(ctx.conn)
    choices = tuple(IrmCard(commitment=c.id).choice(f"{c.number}. {ctx.name(c)}") for c in commitments)
    return [Reply(text=ctx.t("irm-choose-commitment"), choices=choices, replace=replace)]


@requires_role(Who.COORDINATOR)
async def show_card(ctx: Context, press: IrmCard) -> list[Reply]:
    """Show one commitment's assessment with a button per field."""
    return await card(ctx, press.commitment, replace=True)


async def card(ctx: Context, commitment_id: int, *, replace: bool, note: str | None = None) -> list[Reply]:
    """Show a commitment's assessment and the buttons that change it."""
    commitment = await _commitment(ctx, commitment_id)
    if commitment is None:
        return await unknown_button(ctx)
    assessment = await irm.get_assessment(ctx.conn, commitment.id)
    head = [note, ""] if note else []
    title = ctx.t("irm-title", number=commitment.number, title=ctx.name(commitment))
    text = "\n".join([*head, title, *assessment_lines(ctx, assessment), "", ctx.t("irm-choose-field")])
    choices = [IrmEdit(commitment=commitment.id, field=f).choice(irm_field_label(ctx, f)) for f in IrmField]
    choices.append(IrmList().choice(ctx.t("all-commitments")))
    return [Reply(text=text, choices=tuple(choices), replace=replace)]


@requires_role(Who.COORDINATOR)
async def edit(ctx: Context, press: IrmEdit) -> list[Reply]:
    """Offer a field's values (or, for the source link, ask for it)."""
    commitment = await _commitment(ctx, press.commitment)
    if commitment is None:
        return await unknown_button(ctx)
    back = IrmCard(commitment=commitment.id).choice(ctx.t("irm-back"))
    clear = IrmSet(commitment=commitment.id, field=press.field, value=CLEAR).choice(ctx.t("irm-clear"))
    if press.field is IrmField.SOURCE_URL:
        return await ask_url(ctx, IRM_LINK.start(ctx, Step.URL, commitment=commitment.id))
    values: list[Choice] = [
        IrmSet(commitment=commitment.id, field=press.field, value=code).choice(irm_label(ctx, press.field, code))
        for code in SCALES[press.field]._value2member_map_
    ]
    text = ctx.t("irm-choose-value", field=irm_field_label(ctx, press.field))
    return [Reply(text=text, choices=(*values, clear, back), replace=True)]


@requires_role(Who.COORDINATOR)
async def set_value(ctx: Context, press: IrmSet) -> list[Reply]:
    """Store a field's value (or clear it) and show the assessment again."""
    raw = None if press.value == CLEAR else press.value
    if raw is not None and (press.field is IrmField.SOURCE_URL or raw not in SCALES[press.field]._value2member_map_):
        return await unknown_button(ctx)
    if IRM_LINK.at(ctx):
        ctx.end()
    return await _save(ctx, press.commitment, press.field, raw)


async def _save(ctx: Context, commitment_id: int, field: IrmField, raw: str | None) -> list[Reply]:
    commitment = await _commitment(ctx, commitment_id)
    if commitment is None:
        return await unknown_button(ctx)
    actor = ctx.participant.id if ctx.participant else None
    await irm.set_field(ctx.conn, commitment.id, field, raw, by=actor, now=ctx.now)
    await audit.record(ctx.conn, actor, "irm.assess", f"commitment:{commitment.id}", f"{field.value}={raw}", ctx.now)
    note = ctx.t("irm-saved", field=irm_field_label(ctx, field))
    return await card(ctx, commitment.id, replace=False, note=note)


async def ask_url(ctx: Context, editing: Editing) -> list[Reply]:
    """Ask for the source link, with a button to clear it."""
    field = IrmField.SOURCE_URL
    clear = IrmSet(commitment=editing.commitment, field=field, value=CLEAR).choice(ctx.t("irm-clear"))
    return [Reply(text=ctx.t("irm-ask-url"), choices=(clear, Cancel().choice(ctx.t("cancel-button"))))]


@requires_role(Who.COORDINATOR)
async def take_url(ctx: Context, editing: Editing) -> list[Reply]:
    """Take the link to the IRM's report."""
    url = clean_line(ctx.incoming.text or "")
    if len(url) > URL_MAX or not _URL.match(url):
        return [Reply(text=ctx.t("irm-url-invalid"))]
    ctx.end()
    return await _save(ctx, editing.commitment, IrmField.SOURCE_URL, url)


async def cancelled(ctx: Context, editing: Editing) -> list[Reply]:
    """Back to the assessment, nothing changed."""
    return await card(ctx, editing.commitment, replace=True, note=ctx.t("cancelled"))


IRM_LINK = Flow(
    name="irm",
    data=Editing,
    cancel=Cancel,
    on_cancel=cancelled,
    steps={Step.URL: Accepts(text=take_url, question=ask_url)},
)

FEATURE = Feature(
    commands={"irm": start},
    buttons=(
        on(IrmList, show_list),
        on(IrmCard, show_card),
        on(IrmEdit, edit),
        on(IrmSet, set_value),
    ),
    flows=(IRM_LINK,),
)
