"""Emoji helpers under the names Material for MkDocs used before 9.4."""

from pymdownx.emoji import to_svg, twemoji  # noqa: F401
