"""`python -m scripts`: the guide's command line (see scripts/cli.py)."""

from scripts.cli import cli

cli(prog_name="python -m scripts")
