"""Reading a call's parameters: query string, JSON, form or multipart body, decoded into typed values."""

from __future__ import annotations

import json
import re
from typing import Any

import aiohttp
from aiohttp import web

from .errors import ApiError, bad
from .model import Json, Upload

_JSON_FIELDS = frozenset(
    {
        "reply_markup",
        "commands",
        "scope",
        "entities",
        "caption_entities",
        "allowed_updates",
        "link_preview_options",
        "reply_parameters",
    }
)
_INT_FIELDS = frozenset(
    {"message_id", "offset", "limit", "timeout", "cache_time", "max_connections", "reply_to_message_id"}
)
_BOOL_FIELDS = frozenset(
    {
        "drop_pending_updates",
        "show_alert",
        "disable_notification",
        "protect_content",
        "disable_content_type_detection",
        "allow_sending_without_reply",
        "has_spoiler",
    }
)


async def read_params(request: web.Request, max_upload_bytes: int) -> Json:
    """Query string plus a JSON, form-encoded or multipart body, decoded into typed values."""
    raw: dict[str, Any] = dict(request.query)
    if request.method == "POST" and request.can_read_body:
        if request.content_type == "application/json":
            raw.update(await _read_json(request))
        elif request.content_type == "multipart/form-data":
            raw.update(await _read_multipart(request, max_upload_bytes))
        else:
            raw.update((k, v) for k, v in (await request.post()).items() if isinstance(v, str))
    return _decode_params(raw)


async def _read_json(request: web.Request) -> dict[str, Any]:
    """A JSON body, which must be an object."""
    try:
        body = await request.json()
    except ValueError as exc:
        raise bad("can't parse JSON object") from exc
    if not isinstance(body, dict):
        raise bad("can't parse JSON object")
    return body


async def _read_multipart(request: web.Request, max_upload_bytes: int) -> dict[str, Any]:
    """Fields and files of a multipart body; files over the upload limit get 413."""
    out: dict[str, Any] = {}
    reader = await request.multipart()
    while (part := await reader.next()) is not None:
        if not isinstance(part, aiohttp.BodyPartReader) or part.name is None:
            continue
        if part.filename is None:
            out[part.name] = await part.text()
            continue
        data = bytes(await part.read(decode=False))
        if len(data) > max_upload_bytes:
            raise ApiError(413, "Request Entity Too Large")
        content_type = part.headers.get("Content-Type", "application/octet-stream")
        out[part.name] = Upload(part.filename, data, content_type)
    return out


def _decode_params(raw: dict[str, Any]) -> Json:
    """Turn form values into typed values: JSON-encoded objects, integers and booleans."""
    return {key: _decode(key, value) for key, value in raw.items()}


def _decode(key: str, value: Any) -> Any:
    """One form value, typed by its parameter's name."""
    if not isinstance(value, str):
        return value
    if key in _JSON_FIELDS:
        try:
            return json.loads(value)
        except ValueError as exc:
            raise bad(f"can't parse {key} JSON object") from exc
    if key in _INT_FIELDS:
        return _to_number(key, value)
    if key in _BOOL_FIELDS:
        return value.strip().lower() in ("true", "1")
    if key in ("chat_id", "user_id"):
        return as_int(value)
    return value


def _to_number(key: str, value: str) -> int:
    """An integer form field; the real server rejects anything else."""
    try:
        return int(float(value))
    except ValueError as exc:
        raise bad(f"wrong parameter {key} in request") from exc


def as_int(value: Any) -> Any:
    """An int when the value is an integer or an integer string, else the value unchanged."""
    if isinstance(value, str) and re.fullmatch(r"-?\d+", value.strip()):
        return int(value)
    return value


def require_int(params: Json, name: str) -> int:
    """A required integer parameter."""
    value = params.get(name)
    if value is None or value == "":
        raise bad("message identifier is not specified" if name == "message_id" else f"{name} is empty")
    if not isinstance(value, int):
        raise bad(f"wrong parameter {name} in request")
    return value
