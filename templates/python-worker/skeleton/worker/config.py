"""Configuration, read once from environment variables at start."""

import os
from dataclasses import dataclass


class ConfigError(ValueError):
    """A variable is missing or malformed; the message names it."""


@dataclass(frozen=True)
class Config:
    service_name: str
    log_level: str
    health_port: int
    poll_interval_seconds: float
    max_attempts: int


def _int(env, name, default, minimum):
    raw = env.get(name, str(default))
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from None
    if value < minimum:
        raise ConfigError(f"{name} must be at least {minimum}, got {value}")
    return value


def load(env=None):
    """Reads the worker's settings; raises ConfigError naming a bad variable."""
    env = os.environ if env is None else env
    level = env.get("LOG_LEVEL", "INFO").upper()
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ConfigError(f"LOG_LEVEL must be DEBUG, INFO, WARNING or ERROR, got {level!r}")
    try:
        poll = float(env.get("POLL_INTERVAL_SECONDS", "1.0"))
    except ValueError:
        raise ConfigError("POLL_INTERVAL_SECONDS must be a number") from None
    return Config(
        service_name=env.get("SERVICE_NAME", "${{ values.name }}"),
        log_level=level,
        health_port=_int(env, "HEALTH_PORT", 8080, 0),
        poll_interval_seconds=poll,
        max_attempts=_int(env, "MAX_ATTEMPTS", 3, 1),
    )
