"""The bare WhatsApp webhook the bot is measured against: verify the signature, answer 200, send one reply.

python -m benchmarks.whatsapp_echo --port PORT --secret SECRET --api-url URL --phone-id ID --token TOKEN
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import hmac
import json
import signal

import aiohttp
from aiohttp import web


class Echo:
    """One aiohttp server and one aiohttp client session (keep-alive), as lean as a webhook can be."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.secret = args.secret.encode()
        self.url = f"{args.api_url.rstrip('/')}/{args.phone_id}/messages"
        self.headers = {"Authorization": f"Bearer {args.token}", "Content-Type": "application/json"}
        self.session: aiohttp.ClientSession | None = None
        self.tasks: set[asyncio.Task[None]] = set()

    async def receive(self, request: web.Request) -> web.Response:
        """Check the signature, answer 200 and send one text reply to each message's sender."""
        body = await request.read()
        expected = "sha256=" + hmac.new(self.secret, body, hashlib.sha256).hexdigest()
        if not hmac.compare_digest(expected, request.headers.get("X-Hub-Signature-256", "")):
            return web.Response(status=403)
        payload = json.loads(body)
        for entry in payload.get("entry", []):
            for change in entry.get("changes", []):
                for message in change.get("value", {}).get("messages", []):
                    task = asyncio.create_task(self.reply(message["from"], message.get("text", {}).get("body", "")))
                    self.tasks.add(task)
                    task.add_done_callback(self.tasks.discard)
        return web.Response(text="ok")

    async def reply(self, to: str, text: str) -> None:
        """Send one text message through the Graph API."""
        assert self.session is not None  # opened before the server starts
        message = {"messaging_product": "whatsapp", "to": to, "type": "text", "text": {"body": text or "echo"}}
        data = json.dumps(message, ensure_ascii=False).encode()
        async with self.session.post(self.url, data=data, headers=self.headers) as response:
            await response.read()


async def serve(args: argparse.Namespace) -> None:
    """Serve until SIGTERM."""
    echo = Echo(args)
    echo.session = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=20))
    app = web.Application()
    app.router.add_post("/whatsapp/webhook", echo.receive)
    app.router.add_get("/healthz", lambda _: asyncio.sleep(0, web.Response(text="ok")))
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", args.port).start()
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    await stop.wait()
    await runner.cleanup()
    await echo.session.close()


def main() -> None:
    """Parse the arguments and serve."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks.whatsapp_echo", description=__doc__)
    for name in ("--secret", "--api-url", "--phone-id", "--token"):
        parser.add_argument(name, required=True)
    parser.add_argument("--port", type=int, required=True)
    asyncio.run(serve(parser.parse_args()))


if __name__ == "__main__":
    main()
