"""The handbook's glossary: its own words, defined once, never held against a text."""
