"""Settings, read once at the entry point and passed down.

Everything comes from the environment (or an env file) with the
``KUBETUTOR_`` prefix, except Telegram's token and Bot API address, which use
the names Telegram tooling already uses.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Annotated, Literal

from platformdirs import user_data_dir
from pydantic import AliasChoices, Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


def default_data_dir() -> Path:
    return Path(user_data_dir("kubetutor", appauthor=False))


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="KUBETUTOR_", env_file=".env", env_file_encoding="utf-8", extra="ignore"
    )

    data_dir: Path = Field(default_factory=default_data_dir)
    database_url: str | None = None

    telegram_bot_token: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("TELEGRAM_BOT_TOKEN")
    )
    telegram_api_base_url: str = Field(
        default="https://api.telegram.org/bot",
        validation_alias=AliasChoices("TELEGRAM_API_BASE_URL"),
    )
    # Webhook mode when a public URL is set; long polling otherwise.
    webhook_url: str | None = None
    webhook_secret: SecretStr | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443
    # Moves the terminal chat's clock by an ISO 8601 duration such as "P30D": try
    # what reviews look like a month from now without waiting a month.
    clock_offset: timedelta = timedelta(0)
    # Telegram user ids allowed to run operator commands such as /stats: "1,2,3".
    admin_ids: Annotated[frozenset[int], NoDecode] = frozenset()

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _comma_separated_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return frozenset(int(part) for part in value.replace(" ", "").split(",") if part)
        if isinstance(value, int):
            return frozenset({value})
        return value

    # The practice sandbox. Nothing set means the embedded simulated cluster;
    # "kubeconfig" (with KUBETUTOR_KUBE_CONTEXT, default "minikube" when the
    # kubeconfig has it) or "in-cluster" use a real one.
    sandbox: bool = True
    cluster: Literal["emulator", "kubeconfig", "in-cluster"] | None = None
    kube_context: str | None = None
    kubeconfig: Path | None = Field(default=None, validation_alias=AliasChoices("KUBECONFIG"))
    sandbox_idle_hours: float = 24.0
    commands_per_minute: int = 20
    # Images learners may not run: "repo", "repo:tag", or "registry.example/*".
    image_denylist: Annotated[tuple[str, ...], NoDecode] = ()

    @field_validator("image_denylist", mode="before")
    @classmethod
    def _comma_separated_images(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split(",") if part.strip())
        return value

    def resolved_database_url(self) -> str:
        """The configured URL, or a SQLite file in the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{self.data_dir / 'kubetutor.db'}"
