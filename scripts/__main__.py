"""`python -m scripts`: the guide's command line (see scripts/cli.py)."""

from scripts.cli import cli

# Guarded: a process the build starts to make PDFs side by side imports this module again, and must not run the CLI.
if __name__ == "__main__":
    cli(prog_name="python -m scripts")
