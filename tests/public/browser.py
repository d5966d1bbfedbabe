"""Headless Chromium from Debian's packages, driven by Selenium with Debian's chromedriver (never a download)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
AXE = Path(__file__).resolve().parents[2] / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
AXE_MISSING = f"axe-core is missing at {AXE}: run `make axe` (npm install --prefix .cache/axe axe-core@4)"
MISSING = "BROWSER TESTS DID NOT RUN: install chromium chromium-driver (apt-get install -y chromium chromium-driver)"
ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def available() -> bool:
    """Tell whether Debian's chromium and chromedriver are installed."""
    return CHROMIUM.is_file() and CHROMEDRIVER.is_file() and shutil.which(str(CHROMEDRIVER)) is not None


def start(profile: Path, width: int = 412, height: int = 915):  # type: ignore[no-untyped-def]
    """Start Chromium (a phone-sized window, a fresh profile) and return the WebDriver."""
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager must never fetch a driver or a browser
    os.environ["SE_AVOID_STATS"] = "true"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (*ARGS, f"--user-data-dir={profile}", f"--window-size={width},{height}"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=str(CHROMEDRIVER))
    chrome = webdriver.Chrome(service=service, options=options)
    chrome.set_page_load_timeout(60)  # not chromedriver's 300 s: a test's thread must not outlive its timeout
    return chrome


def axe_source() -> str:
    """Return axe-core's script, installed from the npm registry by `make axe`; a missing one fails the test."""
    if not AXE.is_file():
        raise AssertionError(AXE_MISSING)
    return AXE.read_text(encoding="utf-8")


_RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ['violations']}).then(
  r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' :: ' + n.failureSummary)}))),
  e => done([{id: 'axe-error', help: String(e), nodes: []}]));
"""


def axe_violations(chrome, source: str) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    """Inject axe-core into the page on screen and return what it finds wrong (every rule it runs by default)."""
    chrome.set_script_timeout(120)
    chrome.execute_script(source)
    found: list[dict[str, object]] = chrome.execute_async_script(_RUN_AXE)
    return found
