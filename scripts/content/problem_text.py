"""What went wrong in a build, as one Dutch text for the editor: the messages MkDocs and the guide logged."""

from __future__ import annotations

import logging
from contextlib import contextmanager

from mkdocs.exceptions import Abort, ConfigurationError, PluginError


class _Collector(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        message = record.getMessage()
        if message not in self.messages:
            self.messages.append(message)


@contextmanager
def collected_messages():
    """The warnings and errors logged under 'mkdocs' while the block runs."""
    collector = _Collector()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(collector)
    try:
        yield collector.messages
    finally:
        logger.removeHandler(collector)


def explain(error: BaseException, messages: list[str]) -> str:
    """The editor's view of a failed build: what was logged, else what the error says."""
    if messages:
        return "\n".join(messages)
    if isinstance(error, PluginError):
        return str(error)
    if isinstance(error, ConfigurationError):
        return f"mkdocs.yml klopt niet: {error}"
    if isinstance(error, (Abort, SystemExit)):
        return "De bouw is gestopt; de melding hierboven in de terminal zegt waarom."
    return f"De bouw liep vast ({type(error).__name__}: {error})."


class _PageHeader(logging.Filter):
    """MkDocs says "Error reading page 'x.md':" in English before the guide's own message; that says it already."""

    def filter(self, record):
        message = record.getMessage()
        return not (message.startswith(("Error reading page '", "Error building page '")) and message.endswith("':"))


def drop_english_page_headers() -> None:
    """Install the filter once per process on MkDocs' build logger (a second call changes nothing)."""
    logger = logging.getLogger("mkdocs.commands.build")
    if not any(isinstance(f, _PageHeader) for f in logger.filters):
        logger.addFilter(_PageHeader())
