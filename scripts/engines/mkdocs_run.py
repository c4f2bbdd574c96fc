"""One strict MkDocs build in this process, as make build runs it: mistakes in mkdocs.yml get Dutch messages too."""

from __future__ import annotations

import logging
import os
import re
from pathlib import Path

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError
from mkdocs.utils.yaml import get_yaml_loader

from scripts.content.problems import EditorError, Problem
from scripts.content.yaml_source import syntax_message
from scripts.engines import engine
from scripts.pipeline import check_site_url
from scripts.site_nav import line_of_key

log = logging.getLogger("mkdocs.handreiking")


class _ConfigMessages(logging.Filter):
    """Keeps MkDocs' English 'Config value ...' errors out of the log; config_problems() says them in Dutch."""

    def __init__(self):
        super().__init__()
        self.errors: list[tuple[str, str]] = []

    def filter(self, record):
        found = re.match(r"Config value '([^']+)': (.*)", record.getMessage(), re.S)
        if found and record.levelno >= logging.ERROR:
            self.errors.append((found.group(1), found.group(2)))
            return False
        return True


def config_problems(config_file: Path) -> list[Problem]:
    """YAML mistakes in mkdocs.yml, with their line; the settings themselves are checked by load_config."""
    text = config_file.read_text(encoding="utf-8-sig")
    try:
        yaml.load(text, Loader=get_yaml_loader())
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        return [Problem("mkdocs.yml", mark.line + 1, "", syntax_message(error, text.split("\n")[mark.line]))]
    return []


def load(config_file: Path, **overrides):
    """mkdocs.yml as MkDocs reads it; its mistakes raised as one EditorError in Dutch, with their lines."""
    problems = config_problems(config_file)
    if problems:
        raise EditorError(problems)
    if "SITE_URL" in os.environ:  # before MkDocs, which would complain in English
        check_site_url(os.environ["SITE_URL"])
    messages = _ConfigMessages()
    logging.getLogger("mkdocs.config").addFilter(messages)
    try:
        return load_config(str(config_file), **overrides)
    except (Abort, ConfigurationError) as error:
        text = config_file.read_text(encoding="utf-8-sig")
        found = messages.errors or [("?", str(error))]
        raise EditorError([Problem("mkdocs.yml", line_of_key(text, name), "", (
            f"de instelling '{name}' klopt niet; kijk in de documentatie van MkDocs of Material wat daar mag staan "
            f"(MkDocs zegt: {detail})")) for name, detail in found]) from None
    finally:
        logging.getLogger("mkdocs.config").removeFilter(messages)


def run(config_file: Path, site_dir: Path, **edition) -> bool:
    """Build once, the edition given as in engine.set_edition; True on success. Every problem has been logged when
    this returns False."""
    try:
        config = load(config_file, site_dir=str(site_dir))
    except PluginError as error:
        log.error("%s", error)
        return False
    engine.set_edition(config, **edition)
    try:
        build(config)
    except Abort:
        return False  # MkDocs and the guide logged why
    return True

