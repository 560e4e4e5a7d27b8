"""The README documents every command of the CLI."""

from __future__ import annotations

from pathlib import Path

from pipeline.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def test_readme_shows_every_command() -> None:
    missing = [name for name in cli.commands if f"minutebook {name}" not in README]
    assert not missing, f"README does not show: {missing}"


def test_every_command_help_ends_with_an_example() -> None:
    for name, command in cli.commands.items():
        assert "Example: minutebook" in (command.help or ""), name
