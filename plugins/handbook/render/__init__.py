"""Turning the handbook model into site pages (Markdown with HTML blocks, from Jinja)."""
