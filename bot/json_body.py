"""Reading a webhook body as JSON with bounded nesting, so a hostile body is refused rather than crashing a handler.

Python's json module recurses once per level: a body nested 100,000 deep raises RecursionError, which a webhook
would answer 500 (and the platform retry forever). pydantic-core's parser stops at MAX_DEPTH levels with a
ValueError, as the WhatsApp webhook's pydantic models already do; no real update comes close to that depth.
"""

from __future__ import annotations

from typing import Any

import pydantic_core

MAX_DEPTH = 200  # pydantic-core's own bound on arrays and objects inside one another


class UnreadableJson(ValueError):
    """The body is not UTF-8 JSON within MAX_DEPTH levels; the reason, never the body."""


def read_json(body: bytes) -> Any:
    """Return the JSON value in body; raise UnreadableJson for invalid UTF-8, invalid JSON or nesting too deep."""
    try:
        return pydantic_core.from_json(body.decode("utf-8", errors="strict"), allow_inf_nan=False)
    except UnicodeDecodeError as error:
        raise UnreadableJson("not UTF-8") from error
    except ValueError as error:  # its text says where, never what: "recursion limit exceeded at line 1 column 202"
        raise UnreadableJson(str(error).split(" at line", 1)[0]) from error
