"""
`techdocs-core` for machines without PyPI.

Repositories name the `techdocs-core` MkDocs plugin in their mkdocs.yml. The
upstream package (mkdocs-techdocs-core) cannot be installed where PyPI is out of
reach, so the portal ships this plugin under the same name. It gives a site the
look and features TechDocs readers expect, built only from what Debian packages
(mkdocs, mkdocs-material, python3-pymdownx): the Material theme, a search index,
admonitions, code highlighting, tables, tabs, task lists, permalinks.

It also writes `techdocs_metadata.json`, which the TechDocs backend reads.
"""

import json
import os
import tempfile

from mkdocs.contrib.search import SearchPlugin
from mkdocs.plugins import BasePlugin
from mkdocs.theme import Theme

THEME = "material"

# (extension, its configuration); all ship with python3-markdown or python3-pymdownx.
EXTENSIONS = [
    ("toc", {"permalink": True}),
    ("admonition", None),
    ("pymdownx.details", None),
    ("pymdownx.tabbed", {"alternate_style": True}),
    ("pymdownx.caret", None),
    ("pymdownx.critic", None),
    ("pymdownx.inlinehilite", None),
    ("pymdownx.magiclink", None),
    ("pymdownx.mark", None),
    ("pymdownx.smartsymbols", None),
    ("pymdownx.highlight", {"linenums": True, "pygments_lang_class": True}),
    ("pymdownx.superfences", None),
    ("pymdownx.extra", None),
    ("pymdownx.tasklist", {"custom_checkbox": True}),
    ("pymdownx.tilde", None),
]


class TechDocsCore(BasePlugin):
    def __init__(self):
        # Holds the theme override that renders techdocs_metadata.json; removed
        # when the build process ends.
        self._theme_dir = tempfile.TemporaryDirectory()

    def on_config(self, config):
        with open(
            os.path.join(self._theme_dir.name, "techdocs_metadata.json"), "w"
        ) as f:
            f.write(
                '{{ {"site_name": (config.site_name | string), '
                '"site_description": (config.site_description | string)} | tojson }}'
            )

        if config["theme"].name != THEME:
            config["theme"] = Theme(name=THEME)
        config["theme"].static_templates.update({"techdocs_metadata.json"})
        config["theme"].dirs.append(self._theme_dir.name)

        # Replace this plugin by the search index the TechDocs reader and the
        # portal's search read (search/search_index.json).
        del config["plugins"]["techdocs-core"]
        if "search" not in config["plugins"]:
            search = SearchPlugin()
            search.load_config({})
            config["plugins"]["search"] = search

        extensions = config["markdown_extensions"]
        mdx_configs = config["mdx_configs"]
        for name, options in EXTENSIONS:
            if name not in extensions:
                extensions.append(name)
            if options is not None:
                # The repository's own settings win over the defaults.
                mdx_configs[name] = {**options, **mdx_configs.get(name, {})}
        return config


def metadata():
    """For tests: what this plugin adds."""
    return json.dumps([name for name, _ in EXTENSIONS])
