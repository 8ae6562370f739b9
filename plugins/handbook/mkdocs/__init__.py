"""The MkDocs adapter: hooks that hand the work to the engine-free core."""
