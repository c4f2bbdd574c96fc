"""Dutch text on the pages that send a reader from an old address to the new one."""

from __future__ import annotations

import mkdocs_redirects.plugin

# mkdocs-redirects fills in {url}; the anchor of the old address is carried over by the script.
TEMPLATE = """<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Deze pagina is verhuisd</title>
<link rel="canonical" href="{url}">
<script>var anker=window.location.hash.substr(1);location.href="{url}"+(anker?"#"+anker:"")</script>
<meta http-equiv="refresh" content="0; url={url}">
</head>
<body>
<p>Deze pagina van de Handreiking Housing First is verhuisd. Je gaat vanzelf naar de nieuwe plek.
Gebeurt dat niet? Ga dan naar <a href="{url}">de nieuwe pagina</a>.</p>
</body>
</html>
"""


def use_dutch_template() -> None:
    """mkdocs-redirects has no option for its page text; its template is a module constant."""
    mkdocs_redirects.plugin.HTML_TEMPLATE = TEMPLATE
