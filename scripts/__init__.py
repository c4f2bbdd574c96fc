"""The guide's build code; mkdocs-macros loads this package and calls define_env."""


def define_env(env):
    """Entry point of mkdocs-macros; imported late so loading data alone needs no MkDocs glue."""
    from scripts.macros import register_macros

    register_macros(env)
