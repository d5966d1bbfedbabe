"""Headless Chromium from Debian's packages, driven by Selenium with Debian's chromedriver (never a download)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
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
    return webdriver.Chrome(service=service, options=options)
