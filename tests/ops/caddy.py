"""Debian's caddy running deploy/Caddyfile with its own certificate authority, on free loopback ports."""

from __future__ import annotations

import asyncio
import shutil
import socket
import ssl
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult

DEPLOY = Path(__file__).resolve().parents[2] / "deploy"
SITE = "ogp.example.jo"  # the name the shipped Caddyfile serves, resolved to 127.0.0.1 by the test's clients
START_TIMEOUT = 30.0


def free_port() -> int:
    """Return a TCP port free on 127.0.0.1 now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class SiteOnLoopback(AbstractResolver):
    """Resolve the site's name to 127.0.0.1, as its DNS record would to the server."""

    async def resolve(self, host: str, port: int = 0, family: int = socket.AF_INET) -> list[ResolveResult]:
        """Return 127.0.0.1 for every name."""
        flags = socket.AI_NUMERICHOST | socket.AI_NUMERICSERV
        return [ResolveResult(hostname=host, host="127.0.0.1", port=port, family=socket.AF_INET, proto=0, flags=flags)]

    async def close(self) -> None:
        """Nothing to release."""


@dataclass
class Caddy:
    """A running caddy: its HTTPS address and the root certificate of its internal authority."""

    url: str
    root: Path
    process: asyncio.subprocess.Process
    log: Path

    def client(self, source: str = "127.0.0.1", **options: Any) -> aiohttp.ClientSession:
        """Return an HTTP client that trusts caddy's authority only and connects from source (a loopback address)."""
        context = ssl.create_default_context(cafile=str(self.root))
        connector = aiohttp.TCPConnector(ssl=context, resolver=SiteOnLoopback(), local_addr=(source, 0))
        return aiohttp.ClientSession(connector=connector, **options)


def caddy_program() -> str:
    """Return caddy's path, or fail saying what to install (.ci/run installs it)."""
    found = shutil.which("caddy")
    if found is None:
        raise AssertionError("caddy is missing: install Debian's caddy package (apt-get install caddy)")
    return found


@asynccontextmanager
async def caddy_in_front(folder: Path, bot_address: str) -> AsyncIterator[Caddy]:
    """Run deploy/Caddyfile as shipped, with `tls internal` for every site and ports of its own; stop it on exit.

    The global options a test needs (free ports, no admin socket, the internal authority, no change to the
    system's trust store) wrap the shipped file, which is imported unchanged; its upstream is OGP_BOT_ADDRESS.
    """
    program = caddy_program()
    https, http = free_port(), free_port()
    config = folder / "Caddyfile"
    config.write_text(
        "{\n\tadmin off\n\tlocal_certs\n\tskip_install_trust\n"
        f"\thttp_port {http}\n\thttps_port {https}\n}}\nimport {DEPLOY / 'Caddyfile'}\n",
        encoding="utf-8",
    )
    home = folder / "home"
    env = {
        "HOME": str(home),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "PATH": "/usr/bin:/bin",
        "OGP_BOT_ADDRESS": bot_address,
    }
    log = folder / "caddy.log"
    with log.open("ab") as out:
        process = await asyncio.create_subprocess_exec(
            program, "run", "--adapter", "caddyfile", "--config", str(config), env=env, stdout=out, stderr=out
        )
    root = home / "data" / "caddy" / "pki" / "authorities" / "local" / "root.crt"
    caddy = Caddy(f"https://{SITE}:{https}", root, process, log)
    try:
        await _serving(caddy)
        yield caddy
    finally:
        if process.returncode is None:
            process.terminate()
            try:
                async with asyncio.timeout(10):
                    await process.wait()
            except TimeoutError:
                process.kill()
                await process.wait()


async def _serving(caddy: Caddy) -> None:
    """Wait until caddy answers over HTTPS with a certificate from its authority and reaches the bot."""
    async with asyncio.timeout(START_TIMEOUT):
        while True:  # a child process starting: a short poll of its socket
            if caddy.process.returncode is not None:
                raise AssertionError(f"caddy exited:\n{caddy.log.read_text(errors='replace')}")
            if caddy.root.exists():
                try:
                    async with caddy.client() as http, http.get(caddy.url + "/healthz") as response:
                        if response.status == 200:
                            return
                except (aiohttp.ClientError, ssl.SSLError):
                    pass
            await asyncio.sleep(0.05)
