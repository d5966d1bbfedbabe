"""Settings from OGP_* environment variables (and an optional .env), validated once at start-up."""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path
from typing import Annotated, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from handlers.kit.reminder_rules import ReminderRules
from storage.publishing import PublishMode

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PLAN = ROOT / "data" / "plans" / "jo-nap4.json"
_CHANNELS = ("telegram", "whatsapp", "console")
_WEBHOOK_SECRET = re.compile(r"[A-Za-z0-9_-]{1,256}")
_WHATSAPP_REQUIRED = ("whatsapp_token", "whatsapp_phone_number_id", "whatsapp_app_secret", "whatsapp_verify_token")


class Settings(BaseSettings):
    """Everything the bot reads from its environment."""

    model_config = SettingsConfigDict(env_prefix="OGP_", env_file=".env", extra="ignore")

    telegram_token: SecretStr | None = None
    telegram_api_url: str = "https://api.telegram.org/bot"
    telegram_webhook_url: str | None = None
    telegram_webhook_secret: SecretStr | None = None
    webhook_host: str = "127.0.0.1"
    webhook_port: int = Field(default=8080, ge=0, le=65535)
    database: Path = Path("ogp-feedback.sqlite3")
    coordinators: Annotated[tuple[str, ...], NoDecode] = ()
    timezone: str = "Asia/Amman"
    plan_file: Path = DEFAULT_PLAN
    log_level: str = "INFO"
    log_format: Literal["text", "json"] = "text"
    telegram_per_chat_rate: float = Field(default=1.0, gt=0)
    telegram_per_chat_burst: int = Field(default=10, ge=1)
    telegram_pool_size: int = Field(default=64, ge=1)
    # The HTTP client python-telegram-bot uses: aiohttp costs about a third of httpx's CPU per update (make bench).
    telegram_http: Literal["httpx", "aiohttp"] = "aiohttp"
    recommendation_max_chars: int = Field(default=2000, ge=10, le=4000)
    invite_days: int = Field(default=7, ge=1, le=90)
    # Telegram allows about 30 messages/s overall; spacing sends evenly a little below it never meets a 429.
    telegram_overall_rate: float = Field(default=29.0, gt=0)
    send_max_attempts: int = Field(default=8, ge=1)
    send_base_backoff: float = Field(default=1.0, gt=0)
    send_max_backoff: float = Field(default=300.0, gt=0)
    # Answers waiting for one chat before the bot answers only that chat's newest message (and says so once).
    send_queued_replies_per_chat: int = Field(default=20, ge=5)
    # Reminder rules: the defaults; coordinators override them in the chat with /reminders.
    remind_update_cron: str = "0 10 1-7 * sun"
    remind_answer_officer_days: int = 14
    remind_answer_coordinator_days: int = 30
    remind_milestone_days_before: int = 7
    remind_round_days_before: int = 2
    quiet_hours_start: str = "21:00"
    quiet_hours_end: str = "09:00"
    working_days: str = "sun,mon,tue,wed,thu"
    remind_check_minutes: int = Field(default=15, ge=1, le=1440)
    recommendations_per_hour: int = Field(default=20, ge=1)
    retention_days: int = Field(default=730, ge=30)
    # Sent (and failed) outbox rows, which hold message texts, are deleted after this many days.
    outbox_keep_days: int = Field(default=7, ge=1, le=730)
    # OGP's repository "updated at least twice a year": a dated snapshot of the exports every N months (0: off).
    snapshot_months: int = Field(default=6, ge=0, le=24)
    snapshot_dir: Path | None = None  # empty: a "snapshots" folder beside the database
    whatsapp_token: SecretStr | None = None
    whatsapp_phone_number_id: str | None = None
    whatsapp_app_secret: SecretStr | None = None
    whatsapp_verify_token: SecretStr | None = None
    whatsapp_api_url: str = "https://graph.facebook.com/v23.0"
    whatsapp_template: str = ""
    whatsapp_templates: Annotated[dict[str, str], NoDecode] = Field(default_factory=dict)
    whatsapp_template_language: str = "ar"
    # The template's language code per reader's language (e.g. en:en_US), for templates approved in several.
    whatsapp_template_languages: Annotated[dict[str, str], NoDecode] = Field(default_factory=dict)
    whatsapp_per_user_rate: float = Field(default=1 / 6, gt=0)
    whatsapp_per_user_burst: int = Field(default=20, ge=1)
    whatsapp_rate: float = Field(default=80.0, gt=0)
    # The public tracker and open-data feed on the web server (public/).
    public_site: bool = True
    public_base_url: str | None = None
    public_licence: str = "CC BY 4.0"
    public_licence_url: str | None = "https://creativecommons.org/licenses/by/4.0/"
    public_contact: str = ""
    # How the site tells people to take part: the bot's @username (t.me link) and WhatsApp's number (wa.me link).
    telegram_username: str | None = None
    whatsapp_number: str | None = None
    publish: PublishMode = PublishMode.APPROVED
    # The meeting report's author (the coordinating unit); empty: the catalogue's «وحدة الحكومة الشفافة — ...».
    report_author: str = ""
    # Voice notes, photos and documents people send: where their bytes are kept (empty: "<database>.files" beside
    # the database), the largest file taken (Telegram's Bot API downloads at most 20 MB) and the longest voice note.
    files_dir: Path | None = None
    max_file_mb: int = Field(default=20, ge=1, le=100)
    # What one person's kept files may add up to: in the last 24 hours (OGP_FILE_QUOTA_MB) and in all.
    file_quota_mb: int = Field(default=50, ge=1)
    file_quota_total_mb: int = Field(default=500, ge=1)
    max_voice_seconds: int = Field(default=300, ge=10, le=3600)
    # Every try of one file's download together (it holds that chat's later messages, never anyone else's).
    file_download_seconds: float = Field(default=30.0, gt=0, le=30.0)
    # A speech-to-text engine that drafts transcripts ("module:Class", a bot.transcribe.Transcriber); empty: none.
    transcriber: str = ""
    # Running it: the operators' language (ogp-bot doctor, alerts), who hears alerts (empty: the coordinators),
    # the backups the bot makes itself, and what counts as trouble.
    operator_language: Literal["ar", "en"] = "ar"
    operators: Annotated[tuple[str, ...], NoDecode] = ()
    backup_dir: Path | None = None  # empty: no scheduled backups
    backup_time: str = Field(default="03:30", pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    backup_keep_daily: int = Field(default=7, ge=1, le=366)
    backup_keep_weekly: int = Field(default=4, ge=0, le=520)
    backup_max_age_hours: int = Field(default=26, ge=1)
    disk_min_free_mb: int = Field(default=1024, ge=0)
    whatsapp_business_account_id: str | None = None  # where the message templates are listed (doctor)
    # /metrics: off, for callers on this machine that did not come through the proxy, or for a bearer token.
    metrics: Literal["off", "loopback", "token"] = "off"
    metrics_token: SecretStr | None = None
    # What the operators are told about (at most once an hour per condition, and again when it clears).
    alert_outbox_minutes: int = Field(default=15, ge=1)  # the oldest due message has waited this long
    alert_flood_count: int = Field(default=5, ge=1)  # this many 429 answers between two checks
    alert_webhook_count: int = Field(default=5, ge=1)  # this many webhook deliveries refused between two checks
    # Addresses of the HTTPS proxy in front: only their X-Forwarded-For is believed.
    trusted_proxies: Annotated[tuple[str, ...], NoDecode] = ("127.0.0.1", "::1")

    @field_validator("coordinators", "operators", mode="before")
    @classmethod
    def _split_coordinators(cls, raw: object) -> tuple[str, ...]:
        if isinstance(raw, str):
            raw = [part.strip() for part in raw.split(",") if part.strip()]
        entries = tuple(str(item) for item in (raw or ()))  # type: ignore[attr-defined]
        for entry in entries:
            channel, _, user = entry.partition(":")
            if channel not in _CHANNELS or not user:
                raise ValueError(f"entry {entry!r} must look like telegram:<user id>")
        return entries

    # .env.example lists every variable with an empty value: empty means "not configured".
    @field_validator(
        "telegram_token",
        "telegram_webhook_secret",
        "telegram_webhook_url",
        "whatsapp_token",
        "whatsapp_phone_number_id",
        "whatsapp_app_secret",
        "whatsapp_verify_token",
        "whatsapp_business_account_id",
        "backup_dir",
        "metrics_token",
        mode="before",
    )
    @classmethod
    def _empty_is_unset(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("public_base_url", "public_licence_url", mode="before")
    @classmethod
    def _empty_url_is_unset(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("public_base_url")
    @classmethod
    def _public_base_url(cls, value: str | None) -> str | None:
        if value is None:
            return None
        if not value.startswith(("https://", "http://")):
            raise ValueError("OGP_PUBLIC_BASE_URL must be the site's address, e.g. https://ogp.example.jo/")
        return value if value.endswith("/") else value + "/"

    @field_validator("telegram_webhook_secret")
    @classmethod
    def _telegram_secret_shape(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not _WEBHOOK_SECRET.fullmatch(value.get_secret_value()):
            raise ValueError("OGP_TELEGRAM_WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and -")
        return value

    @field_validator("telegram_webhook_url")
    @classmethod
    def _https_webhook(cls, value: str | None) -> str | None:
        if value is not None and not value.startswith(("https://", "http://127.0.0.1", "http://localhost")):
            raise ValueError("OGP_TELEGRAM_WEBHOOK_URL must be an https:// address Telegram can reach")
        return value

    @field_validator("whatsapp_templates", mode="before")
    @classmethod
    def _split_templates(cls, raw: object) -> dict[str, str]:
        return _pairs(raw, "OGP_WHATSAPP_TEMPLATES", "reminder:template_name")

    @field_validator("whatsapp_template_languages", mode="before")
    @classmethod
    def _split_template_languages(cls, raw: object) -> dict[str, str]:
        return _pairs(raw, "OGP_WHATSAPP_TEMPLATE_LANGUAGES", "en:en_US")

    @model_validator(mode="after")
    def _whatsapp_complete(self) -> Settings:
        given = {name: getattr(self, name) for name in _WHATSAPP_REQUIRED}
        missing = [name for name, value in given.items() if value is None]
        if 0 < len(missing) < len(given):
            names = ", ".join(f"OGP_{name.upper()}" for name in missing)
            raise ValueError(f"WhatsApp is half configured: set {names} as well")
        return self

    @model_validator(mode="after")
    def _metrics_token_given(self) -> Settings:
        token = self.metrics_token.get_secret_value() if self.metrics_token else ""
        if self.metrics == "token" and len(token) < 16:
            raise ValueError("OGP_METRICS=token needs OGP_METRICS_TOKEN, a random string of 16 characters or more")
        return self

    @field_validator("trusted_proxies", mode="before")
    @classmethod
    def _split_proxies(cls, raw: object) -> tuple[str, ...]:
        if isinstance(raw, str):
            raw = [part.strip() for part in raw.split(",") if part.strip()]
        entries = tuple(str(item) for item in (raw or ()))  # type: ignore[attr-defined]
        for entry in entries:
            try:
                ipaddress.ip_network(entry, strict=False)
            except ValueError as error:
                raise ValueError(f"OGP_TRUSTED_PROXIES entry {entry!r} is not an address or a network") from error
        return entries

    @property
    def whatsapp_enabled(self) -> bool:
        """Tell whether every WhatsApp setting is present."""
        return all(getattr(self, name) is not None for name in _WHATSAPP_REQUIRED)

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError) as error:
            raise ValueError(f"OGP_TIMEZONE {value!r} is not a known time zone") from error
        return value

    @model_validator(mode="after")
    def _valid_reminder_rules(self) -> Settings:
        try:
            self.reminder_defaults()
        except ValidationError as error:
            raise ValueError(f"OGP_REMIND_*, OGP_QUIET_HOURS_* or OGP_WORKING_DAYS: {error}") from error
        return self

    def reminder_defaults(self) -> ReminderRules:
        """Return the reminder rules set in the environment."""
        return ReminderRules(
            update_cron=self.remind_update_cron,
            answer_officer_days=self.remind_answer_officer_days,
            answer_coordinator_days=self.remind_answer_coordinator_days,
            milestone_days_before=self.remind_milestone_days_before,
            round_days_before=self.remind_round_days_before,
            quiet_start=self.quiet_hours_start,  # pydantic parses "21:00"
            quiet_end=self.quiet_hours_end,
            working_days=self.working_days,
        )

    @field_validator("snapshot_dir", mode="before")
    @classmethod
    def _empty_dir_is_unset(cls, value: object) -> object:
        return None if value == "" else value

    @field_validator("files_dir", mode="before")
    @classmethod
    def _empty_files_dir_is_unset(cls, value: object) -> object:
        return None if value == "" else value

    @property
    def files_folder(self) -> Path:
        """Return where sent files are kept."""
        return self.files_dir or self.database.resolve().with_name(self.database.name + ".files")

    @property
    def snapshot_folder(self) -> Path:
        """Return where the open data's snapshots are kept."""
        return self.snapshot_dir or self.database.resolve().parent / "snapshots"

    @property
    def zone(self) -> ZoneInfo:
        """Return the configured time zone."""
        return ZoneInfo(self.timezone)


def _pairs(raw: object, setting: str, example: str) -> dict[str, str]:
    """Read "key:value,key:value" (or a mapping) into a dict; an entry without both halves is refused."""
    if isinstance(raw, dict):
        return {str(k): str(v) for k, v in raw.items()}
    if not isinstance(raw, str):
        raise ValueError(f"{setting} must look like {example},...")
    pairs: dict[str, str] = {}
    for part in filter(None, (p.strip() for p in raw.split(","))):
        key, _, value = part.partition(":")
        if not key.strip() or not value.strip():
            raise ValueError(f"{setting} entry {part!r} must look like {example}")
        pairs[key.strip()] = value.strip()
    return pairs
