"""The public site's settings as .env.example documents them."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.settings import ROOT, Settings
from storage.publishing import PublishMode
from tests.support import settings_for


def test_env_example_values_load(tmp_path: Path) -> None:
    lines = (ROOT / ".env.example").read_text(encoding="utf-8").splitlines()
    public = [line for line in lines if line.startswith(("OGP_PUBLIC", "OGP_PUBLISH="))]
    assert {line.split("=", 1)[0] for line in public} == {
        "OGP_PUBLIC_SITE",
        "OGP_PUBLIC_BASE_URL",
        "OGP_PUBLIC_LICENCE",
        "OGP_PUBLIC_LICENCE_URL",
        "OGP_PUBLIC_CONTACT",
        "OGP_PUBLISH",
    }
    env = tmp_path / ".env"
    env.write_text("\n".join(public) + "\n", encoding="utf-8")
    settings = Settings(_env_file=env)
    assert settings.public_site is True and settings.public_base_url is None and settings.public_contact == ""
    assert settings.public_licence == "CC BY 4.0" and settings.publish is PublishMode.APPROVED


def test_public_settings_are_checked(tmp_path: Path) -> None:
    assert settings_for(tmp_path, public_site="off").public_site is False
    assert (
        settings_for(tmp_path, public_base_url="https://ogp.example.jo/t").public_base_url
        == "https://ogp.example.jo/t/"
    )
    assert settings_for(tmp_path, publish="immediate").publish is PublishMode.IMMEDIATE
    with pytest.raises(ValidationError, match="OGP_PUBLIC_BASE_URL"):
        settings_for(tmp_path, public_base_url="ogp.example.jo")
    with pytest.raises(ValidationError):
        settings_for(tmp_path, publish="sometimes")
