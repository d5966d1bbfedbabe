"""Parse modes: the text a user sees once HTML, MarkdownV2 or Markdown is applied, or the real parser's error."""

from __future__ import annotations

import html
import re

from .errors import bad

_HTML_TAGS = frozenset(
    {
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ins",
        "s",
        "strike",
        "del",
        "span",
        "tg-spoiler",
        "a",
        "code",
        "pre",
        "blockquote",
        "tg-emoji",
    }
)


def _byte_offset(text: str, index: int) -> int:
    """UTF-8 byte offset of a character index, as Telegram reports it."""
    return len(text[:index].encode())


_TAG_RE = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)((?:\s+[A-Za-z-]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s>]+))?)*)\s*>")
_HTML_ENTITY_RE = re.compile(r"&(?:#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z]+);")


def _parse_html(text: str) -> str:
    """Plain text of a parse_mode=HTML message, or the error the real parser gives."""
    out: list[str] = []
    stack: list[str] = []
    i = 0
    while i < len(text):
        if text[i] == "<":
            i = _html_tag(text, i, stack)
            continue
        entity = _HTML_ENTITY_RE.match(text, i) if text[i] == "&" else None
        if entity:
            out.append(html.unescape(entity.group(0)))
            i = entity.end()
            continue
        out.append(text[i])
        i += 1
    if stack:
        raise bad(f"can't parse entities: Can't find end tag corresponding to start tag \"{stack[-1]}\"")
    return "".join(out)


def _html_tag(text: str, i: int, stack: list[str]) -> int:
    """Check one tag starting at i against the tag stack; return the index after it."""
    match = _TAG_RE.match(text, i)
    if match is None:
        raise bad(f"can't parse entities: Unclosed start tag at byte offset {_byte_offset(text, i)}")
    closing, name = match.group(1), match.group(2).lower()
    if name not in _HTML_TAGS:
        kind = "end" if closing else "start"
        raise bad(f'can\'t parse entities: Unsupported {kind} tag "{name}" at byte offset {_byte_offset(text, i)}')
    if not closing:
        stack.append(name)
    elif not stack or stack[-1] != name:
        expected = f'"</{stack[-1]}>"' if stack else "nothing"
        raise bad(
            f"can't parse entities: Unmatched end tag at byte offset {_byte_offset(text, i)}, "
            f'expected {expected}, found "</{name}>"'
        )
    else:
        stack.pop()
    return match.end()


_MDV2_RESERVED = frozenset("_*[]()~`>#+-=|{}.!\\")
_MDV2_NAMES = {
    "*": "Bold",
    "_": "Italic",
    "__": "Underline",
    "~": "Strikethrough",
    "||": "Spoiler",
    "[": "TextUrl",
}


def _parse_markdown_v2(text: str) -> str:
    """Plain text of a parse_mode=MarkdownV2 message, or the error the real parser gives."""
    out: list[str] = []
    stack: list[tuple[str, int]] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text) and 0 < ord(text[i + 1]) <= 126:
            out.append(text[i + 1])
            i += 2
        elif char == "`":
            i = _mdv2_code(text, i, out)
        elif char == ">" and (i == 0 or text[i - 1] == "\n"):
            i += 1  # a block quote runs to the end of the line and needs no closing marker
        elif char == "]" and stack and stack[-1][0] == "[":
            stack.pop()
            i = _mdv2_link_target(text, i + 1)
        elif char in "*_~|[" and not (char == "|" and text[i : i + 2] != "||"):
            i = _mdv2_marker(text, i, stack)
        elif char in _MDV2_RESERVED:
            raise bad(
                f"can't parse entities: Character '{char}' is reserved and must be escaped with the preceding '\\'"
            )
        else:
            out.append(char)
            i += 1
    if stack:
        marker, start = stack[-1]
        raise bad(
            f"can't parse entities: Can't find end of {_MDV2_NAMES[marker]} entity at byte offset "
            f"{_byte_offset(text, start)}"
        )
    return "".join(out)


def _mdv2_marker(text: str, i: int, stack: list[tuple[str, int]]) -> int:
    """Open or close a MarkdownV2 entity marker at i; return the index after it."""
    marker = text[i : i + 2] if text[i : i + 2] in ("__", "||") else text[i]
    if stack and stack[-1][0] == marker and marker != "[":
        stack.pop()
    else:
        stack.append((marker, i))
    return i + len(marker)


def _mdv2_code(text: str, i: int, out: list[str]) -> int:
    """Skip a `code` or ```pre``` entity starting at i, keeping its text; return the index after it."""
    fence = "```" if text.startswith("```", i) else "`"
    j = i + len(fence)
    while j < len(text):
        if text[j] == "\\" and j + 1 < len(text):
            out.append(text[j + 1])
            j += 2
        elif text.startswith(fence, j):
            return j + len(fence)
        else:
            out.append(text[j])
            j += 1
    name = "Pre" if fence == "```" else "Code"
    raise bad(f"can't parse entities: Can't find end of {name} entity at byte offset {_byte_offset(text, i)}")


def _mdv2_link_target(text: str, i: int) -> int:
    """Skip the (url) after a link's closing bracket; return the index after it."""
    if i >= len(text) or text[i] != "(":
        return i
    j = i + 1
    while j < len(text) and text[j] != ")":
        j += 2 if text[j] == "\\" else 1
    if j >= len(text):
        raise bad(f"can't parse entities: Can't find end of a URL at byte offset {_byte_offset(text, i)}")
    return j + 1


def _parse_markdown(text: str) -> str:
    """Plain text of a legacy parse_mode=Markdown message, or the real parser's error."""
    out: list[str] = []
    open_at: tuple[str, int] | None = None
    for i, char in enumerate(text):
        if open_at is None and char in "*_`[":
            open_at = ("]" if char == "[" else char, i)
        elif open_at is not None and char == open_at[0]:
            open_at = None
        else:
            out.append(char)
    if open_at is not None:
        offset = _byte_offset(text, open_at[1])
        raise bad(f"can't parse entities: Can't find end of the entity starting at byte offset {offset}")
    return "".join(out)


def plain_text(text: str, parse_mode: str | None) -> str:
    """The text a user sees once the parse mode is applied."""
    if not parse_mode:
        return text
    parsers = {"html": _parse_html, "markdownv2": _parse_markdown_v2, "markdown": _parse_markdown}
    parser = parsers.get(parse_mode.lower())
    if parser is None:
        raise bad(f"unsupported parse_mode {parse_mode}")
    return parser(text)
