"""Quick cards: a small printable card per standard, for the desk, the floor or the phone.

`model` decides what goes on a card (from the standard or its `card:` section), `render`
turns cards into HTML, `pdf` prints them with WeasyPrint and finds cards that do not fit,
`feature` adds the print pages to the site. Nothing here imports a site engine.
"""
