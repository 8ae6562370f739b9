"""Quick cards: a small printable card per standard, for the desk, the floor or the phone.

`model` decides what goes on a card (from the standard or its `card:` section), `render`
turns cards into HTML for the site, `typeset` into Typst's input, `pdf` prints them and
finds cards that do not fit, `glyphs` the characters the card fonts lack, `cache` keeps
what was printed, and `feature` adds the print pages and PDFs to the site. Nothing here
imports a site engine.
"""
