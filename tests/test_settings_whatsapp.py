"""WhatsApp settings: all four or none, templates per kind, and a clear message naming what is missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.settings import Settings
from tests.support import settings_for


def test_whatsapp_is_off_without_settings_and_on_with_all_four(tmp_path: Path) -> None:
    assert not settings_for(tmp_path).whatsapp_enabled
    full = settings_for(
        tmp_path,
        whatsapp_token="t",
        whatsapp_phone_number_id="1",
        whatsapp_app_secret="s",
        whatsapp_verify_token="v",
        whatsapp_templates="reminder:ogp_reminder, broadcast:ogp_news",
    )
    assert full.whatsapp_enabled
    assert full.whatsapp_templates == {"reminder": "ogp_reminder", "broadcast": "ogp_news"}
    assert full.whatsapp_per_user_rate == pytest.approx(1 / 6) and full.whatsapp_rate == 80


def test_half_configured_whatsapp_names_the_missing_variables(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="OGP_WHATSAPP_APP_SECRET, OGP_WHATSAPP_VERIFY_TOKEN"):
        settings_for(tmp_path, whatsapp_token="t", whatsapp_phone_number_id="1")
    with pytest.raises(ValidationError, match="reminder:template_name"):
        settings_for(tmp_path, whatsapp_templates="reminder")
    with pytest.raises(ValidationError, match="en:en_US"):
        settings_for(tmp_path, whatsapp_template_languages="en")


def test_template_languages_per_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OGP_WHATSAPP_TEMPLATE_LANGUAGES", " en:en_US ")
    assert Settings(_env_file=None).whatsapp_template_languages == {"en": "en_US"}
    monkeypatch.setenv("OGP_WHATSAPP_TEMPLATE_LANGUAGES", "")
    assert Settings(_env_file=None).whatsapp_template_languages == {}


def test_empty_values_from_env_example_mean_not_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("TELEGRAM_TOKEN", "WHATSAPP_TOKEN", "WHATSAPP_PHONE_NUMBER_ID", "WHATSAPP_APP_SECRET"):
        monkeypatch.setenv(f"OGP_{name}", "")
    settings = Settings(_env_file=None)
    assert settings.telegram_token is None
    assert not settings.whatsapp_enabled
