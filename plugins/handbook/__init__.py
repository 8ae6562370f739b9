"""Customer-service standards as YAML, published as a handbook.

The core (loading, model, rendering, linting, changelog, cards) never imports MkDocs;
`handbook.mkdocs` is the thin adapter that plugs the core into an MkDocs build.
"""
