"""A page's Markdown compiled by Jinja for mkdocs-macros, kept between builds: unchanged pages are not compiled again."""

from __future__ import annotations

import hashlib

import jinja2


def keep_compiled(jinja: jinja2.Environment, kept: jinja2.BytecodeCache) -> None:
    """Let jinja.from_string, with which mkdocs-macros makes a template of every page in every build, take the
    compiled code of a text it compiled before from kept: compiling took most of the macros' time in a build.

    Each text is kept under its own key, which also holds the environment's syntax (delimiters, extensions, what an
    unknown name does), so a change to either compiles anew. A mistake in a page raises as it did, unkept."""
    syntax = repr((jinja.block_start_string, jinja.block_end_string, jinja.variable_start_string,
                   jinja.variable_end_string, jinja.comment_start_string, jinja.comment_end_string,
                   jinja.line_statement_prefix, jinja.line_comment_prefix, jinja.trim_blocks, jinja.lstrip_blocks,
                   jinja.keep_trailing_newline, jinja.autoescape, jinja.undefined.__qualname__,
                   sorted(jinja.extensions)))
    compile_anew = jinja.from_string

    def from_string(source, globals=None, template_class=None):
        if globals is not None or template_class is not None:
            return compile_anew(source, globals, template_class)
        name = hashlib.sha256(f"{syntax}\0{source}".encode("utf-8")).hexdigest()
        bucket = kept.get_bucket(jinja, name, None, source)
        if bucket.code is None:
            bucket.code = jinja.compile(source)
            kept.set_bucket(bucket)
        return jinja.template_class.from_code(jinja, bucket.code, jinja.make_globals(None), None)

    jinja.from_string = from_string
