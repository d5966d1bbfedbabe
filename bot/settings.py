"""Settings from OGP_* environment variables (and an optional .env), validated once at start-up."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PLAN = ROOT / "data" / "plans" / "jo-nap4.json"
_CHANNELS = ("telegram", "whatsapp", "console")


class Settings(BaseSettings):
    """Everything the bot reads from its environment."""

    model_config = SettingsConfigDict(env_prefix="OGP_", env_file=".env", extra="ignore")

    telegram_token: SecretStr | None = None
    telegram_api_url: str = "https://api.telegram.org/bot"
    database: Path = Path("ogp-feedback.sqlite3")
    coordinators: Annotated[tuple[str, ...], NoDecode] = ()
    timezone: str = "Asia/Amman"
    plan_file: Path = DEFAULT_PLAN
    log_level: str = "INFO"
    telegram_per_chat_rate: float = Field(default=1.0, gt=0)
    telegram_per_chat_burst: int = Field(default=10, ge=1)
    telegram_concurrent_updates: int = Field(default=64, ge=1)
    telegram_pool_size: int = Field(default=64, ge=1)
    recommendation_max_chars: int = Field(default=2000, ge=10, le=4000)
    invite_days: int = Field(default=7, ge=1, le=90)

    @field_validator("coordinators", mode="before")
    @classmethod
    def _split_coordinators(cls, raw: object) -> tuple[str, ...]:
        if isinstance(raw, str):
            raw = [part.strip() for part in raw.split(",") if part.strip()]
        entries = tuple(str(item) for item in (raw or ()))  # type: ignore[attr-defined]
        for entry in entries:
            channel, _, user = entry.partition(":")
            if channel not in _CHANNELS or not user:
                raise ValueError(f"OGP_COORDINATORS entry {entry!r} must look like telegram:<user id>")
        return entries

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"OGP_TIMEZONE {value!r} is not a known time zone") from error
        return value

    @property
    def zone(self) -> ZoneInfo:
        """Return the configured time zone."""
        return ZoneInfo(self.timezone)
