"""The portal's own `techdocs-core` MkDocs plugin (see plugin.py)."""
