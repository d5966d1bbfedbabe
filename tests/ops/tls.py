"""A certificate authority of the test's own and an HTTPS server on 127.0.0.1 signed by it (openssl's command line)."""

from __future__ import annotations

import ssl
import subprocess
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web


@dataclass(frozen=True)
class Authority:
    """A CA certificate and a server certificate for 127.0.0.1 and localhost it signed."""

    ca: Path
    cert: Path
    key: Path

    def client_context(self) -> ssl.SSLContext:
        """Return a client context that trusts this authority only."""
        return ssl.create_default_context(cafile=str(self.ca))

    def server_context(self) -> ssl.SSLContext:
        """Return a server context presenting the signed certificate."""
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(self.cert, self.key)
        return context


def make_authority(folder: Path) -> Authority:
    """Create the CA and the server certificate under folder."""
    ca, ca_key, cert, key, csr = (folder / n for n in ("ca.pem", "ca.key", "cert.pem", "cert.key", "cert.csr"))
    key_options = ("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes")
    authority = ("-subj", "/CN=test authority", "-addext", "basicConstraints=critical,CA:TRUE")
    _openssl("req", "-x509", *key_options, "-keyout", ca_key, "-out", ca, "-days", "2", *authority)
    _openssl("req", *key_options, "-keyout", key, "-out", csr, "-subj", "/CN=localhost")
    extensions = folder / "san.cnf"
    extensions.write_text("subjectAltName=IP:127.0.0.1,DNS:localhost\n", encoding="utf-8")
    signing = ("-CA", ca, "-CAkey", ca_key, "-CAcreateserial", "-days", "2", "-extfile", extensions)
    _openssl("x509", "-req", "-in", csr, "-out", cert, *signing)
    return Authority(ca, cert, key)


def _openssl(*args: str | Path) -> None:
    subprocess.run(["openssl", *map(str, args)], check=True, capture_output=True)  # noqa: S603, S607


@asynccontextmanager
async def https_site(context: ssl.SSLContext, status: int = 200) -> AsyncIterator[str]:
    """Serve a page answering status over HTTPS on a free port; yield its https://127.0.0.1:port/ address."""

    async def page(_: web.Request) -> web.Response:
        return web.Response(status=status, text="site")

    app = web.Application()
    app.router.add_get("/{tail:.*}", page)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=context)
    await site.start()
    try:
        yield f"https://127.0.0.1:{runner.addresses[0][1]}/"
    finally:
        await runner.cleanup()
