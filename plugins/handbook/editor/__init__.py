"""The form editor: Decap CMS (vendored from npm) configured from the standard schema,
and a local backend that writes standards in this clone after the same checks as the build."""
