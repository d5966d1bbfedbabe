"""A catalogue's .ftl files as Fluent's syntax trees, kept parsed beside them so a new process skips the parser.

Fluent's parser is pure Python: parsing both catalogues took about half a second of every start of the bot, a
terminal chat and each document worker. The trees are kept in the folder's __pycache__ (trusted as Python's own
compiled files there are), named by a digest of the files' bytes and the parser's version, so a changed file is
parsed again; a folder that cannot be written to only costs the parse.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from importlib.metadata import version
from pathlib import Path

from fluent.syntax import FluentParser, ast

CACHE_FOLDER = "__pycache__"
_UNREADABLE = (OSError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError, TypeError)


def parse_resources(folder: Path) -> dict[str, ast.Resource]:
    """Return the parsed Fluent tree of every .ftl file in a folder, by file name."""
    sources = {path.name: path.read_bytes() for path in sorted(folder.glob("*.ftl"))}
    kept = folder / CACHE_FOLDER / f"catalogue-{_digest(sources)}.pickle"
    with contextlib.suppress(*_UNREADABLE), kept.open("rb") as file:
        resources = pickle.load(file)  # noqa: S301 - written by this module into the catalogue's own folder
        if isinstance(resources, dict):
            return resources
    parser = FluentParser(with_spans=False)
    resources = {name: parser.parse(source.decode("utf-8")) for name, source in sources.items()}
    _keep(kept, resources)
    return resources


def _digest(sources: dict[str, bytes]) -> str:
    digest = hashlib.sha256(version("fluent.syntax").encode())
    for name, source in sources.items():
        digest.update(f"\0{name}\0{len(source)}\0".encode())
        digest.update(source)
    return digest.hexdigest()[:32]


def _keep(path: Path, resources: dict[str, ast.Resource]) -> None:
    """Write the trees atomically and drop the ones kept for older files; a read-only folder keeps nothing."""
    with contextlib.suppress(OSError):
        path.parent.mkdir(exist_ok=True)
        partial = path.with_name(f".{path.name}.{os.getpid()}")
        partial.write_bytes(pickle.dumps(resources, protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(partial, path)
        for older in path.parent.glob("catalogue-*.pickle"):
            if older != path:
                older.unlink(missing_ok=True)
