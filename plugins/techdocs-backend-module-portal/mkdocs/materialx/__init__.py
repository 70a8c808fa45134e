"""
`materialx` for Debian's Material for MkDocs 8.2, which does not ship it.

Real repositories configure emoji with `!!python/name:materialx.emoji.twemoji` and
`!!python/name:materialx.emoji.to_svg`. These names resolve here to
pymdown-extensions' own twemoji index and SVG generator: standard emoji render;
Material's icon shortcodes (`:material-...:`) are not available.
"""
