"""The quick cards' options, from the `cards` entry of the handbook plugin in mkdocs.yml.

plugins:
  - handbook:
      cards:
        size: a6            # a6 (default), a7, index-4x6 or a4-4up
        pdf: true           # also a PDF per area in the site (default: false)
        overflow: warning   # a card that does not fit: error, warning (default), suggestion, off
        picker_cards: 100   # up to this many cards, the Quick cards page carries them all
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..problems import SEVERITIES, Problem
from ..settings import Settings
from .sizes import DEFAULT_SIZE, SIZES, Size

RULE = "cards-config"


# Up to this many cards the Quick cards page carries every card, so it prints a
# selection even opened from disk; a larger handbook's page fetches the chosen cards'
# own pages when asked to print (a thousand cards made a 6.7 MB page).
PICKER_CARDS = 100


@dataclass(frozen=True)
class CardOptions:
    size: Size
    pdf: bool = False
    overflow: str = "warning"
    picker_cards: int = PICKER_CARDS


def card_options(settings: Settings) -> tuple[CardOptions, list[Problem]]:
    given: Any = settings.extra.get("cards") or {}
    problems: list[Problem] = []

    def problem(message: str) -> None:
        problems.append(Problem(*settings.where("cards"), RULE, f"cards: {message}"))

    if not isinstance(given, dict):
        problem("should be a mapping of options (size, pdf, overflow, picker_cards)")
        given = {}
    for key in sorted(set(given) - {"size", "pdf", "overflow", "picker_cards"}):
        problem(f"unknown option '{key}': use size, pdf, overflow or picker_cards")
    size = given.get("size", DEFAULT_SIZE)
    if size not in SIZES:
        problem(f"size '{size}' is not a card size: use one of {', '.join(SIZES)}")
        size = DEFAULT_SIZE
    pdf = given.get("pdf", False)
    if not isinstance(pdf, bool):
        problem("pdf should be true or false")
        pdf = False
    overflow = given.get("overflow", "warning")
    if overflow is False:
        overflow = "off"
    if overflow not in (*SEVERITIES, "off"):
        problem(f"overflow '{overflow}' should be one of {', '.join(SEVERITIES)} or off")
        overflow = "warning"
    picker_cards = given.get("picker_cards", PICKER_CARDS)
    if not isinstance(picker_cards, int) or isinstance(picker_cards, bool) or picker_cards < 0:
        problem("picker_cards should be a whole number, 0 or more")
        picker_cards = PICKER_CARDS
    return CardOptions(SIZES[size], pdf, overflow, picker_cards), problems
