"""The build pipeline: ``data/curation/*.yaml`` and the source texts -> ``data/tables/*.csv``.

Run at build time only (``python -m pipeline.build``); nothing here is imported by the app.
The runtime side (load, query, extracts, columns, glossary) stays in ``data/``.
"""
