"""Words staff type for the words standards use, so a query finds a standard in either.

Aliases are the first tool: a standard's `aliases` are what staff call its situation,
and they weigh nearly as much as its title. The groups below are for single words that
mean the same across every standard ("supervisor" for "manager"); a site adds its own
with the plugin's `search: {synonyms: [[word, word, ...], ...]}` option. A query word
also stands for the other words of its groups, at a little less than the word itself,
wherever they appear in the handbook. Irregular verb forms point to the form the
stemmer knows ("swore" -> "swear").
"""

from __future__ import annotations

from collections.abc import Iterable

from .words import STOP_WORDS, stem, words

GROUPS: tuple[tuple[str, ...], ...] = (
    ("customer", "caller", "client"),
    ("manager", "supervisor", "boss", "superior", "management"),
    ("refund", "reimburse", "repay", "reimbursement", "repayment"),
    ("compensation", "goodwill", "voucher", "discount", "credit", "gesture"),
    ("angry", "irate", "furious", "upset", "cross", "livid", "annoyed", "frustrated"),
    ("abusive", "abuse", "aggressive", "rude", "hostile", "threatening", "violent"),
    ("swear", "curse", "insult"),
    ("complaint", "complain", "grievance", "dissatisfied", "unhappy"),
    ("bereaved", "bereavement", "grieving", "grief", "died", "death", "dead", "funeral"),
    ("vulnerable", "distressed", "confused", "elderly", "frail"),
    ("outage", "down", "offline", "crashed", "crash", "broken", "unavailable"),
    ("website", "site", "app", "online", "system", "server", "portal"),
    ("login", "signin", "logon", "signon"),
    ("queue", "line", "waiting", "wait", "backlog"),
    ("desk", "counter", "reception", "till"),
    ("eat", "eating", "food", "snack", "snacks", "lunch", "drink", "drinking"),
    ("gossip", "chatter", "talk", "discuss"),
    ("phone", "telephone"),
    ("callback", "ringback"),
    ("voicemail", "answerphone", "message"),
    ("email", "mail", "inbox"),
    ("twitter", "facebook", "instagram", "tiktok", "social", "post", "tweet"),
    ("transfer", "forward", "redirect"),
    ("greet", "greeting", "welcome", "hello"),
    ("badge", "lanyard", "nametag"),
    ("dress", "uniform", "clothes", "clothing", "outfit"),
    ("mobile", "cellphone", "smartphone"),
    ("exception", "exceptional", "unusual", "special"),
    ("late", "delayed", "delay", "overdue"),
    ("faulty", "damaged", "defective", "broken"),
    ("etiquette", "manners", "courtesy", "polite"),
    ("escalate", "escalation", "escalating"),
)

# Irregular forms -> the form in a standard's wording.
FORMS = {
    "swore": "swear",
    "sworn": "swear",
    "said": "say",
    "says": "say",
    "told": "tell",
    "rang": "ring",
    "rung": "ring",
    "spoke": "speak",
    "spoken": "speak",
    "paid": "pay",
    "bought": "buy",
    "brought": "bring",
    "lost": "lose",
    "broke": "break",
    "gave": "give",
    "given": "give",
    "took": "take",
    "taken": "take",
    "went": "go",
    "gone": "go",
    "came": "come",
    "left": "leave",
    "sent": "send",
    "wrote": "write",
    "written": "write",
    "thought": "think",
    "felt": "feel",
    "heard": "hear",
    "kept": "keep",
    "met": "meet",
    "hung": "hang",
    "threw": "throw",
    "thrown": "throw",
    "shouted": "shout",
    "fell": "fall",
    "fallen": "fall",
    "stole": "steal",
    "stolen": "steal",
    "forgot": "forget",
    "forgotten": "forget",
    "understood": "understand",
    "began": "begin",
    "begun": "begin",
    "chose": "choose",
    "chosen": "choose",
    "knew": "know",
    "known": "know",
    "drank": "drink",
    "ate": "eat",
    "eaten": "eat",
    "fought": "fight",
    "caught": "catch",
    "taught": "teach",
    "sold": "sell",
    "found": "find",
    "held": "hold",
    "made": "make",
    "meant": "mean",
    "spent": "spend",
    "stood": "stand",
    "won": "win",
}


def synonyms(extra: Iterable[Iterable[str]] = ()) -> dict[str, list[str]]:
    """Stem -> the stems it also stands for, from the built-in groups and a site's own."""
    found: dict[str, set[str]] = {}
    for group in [*GROUPS, *extra]:
        stems = {stem(w) for word in group for w in words(word) if w not in STOP_WORDS}
        for key in stems:
            found.setdefault(key, set()).update(stems - {key})
    for form, base in FORMS.items():
        if stem(form) != stem(base):
            found.setdefault(stem(form), set()).add(stem(base))
    return {key: sorted(values) for key, values in found.items() if values}
