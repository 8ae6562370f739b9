"""Words as search sees them: the same rule at build time (here) and in the browser.

A text is lower-cased, accents and apostrophes dropped ("can't" -> "cant"), split on
anything that is not a letter or a digit; stop words are left out, and each other word
is reduced to its Porter stem ("transferring" -> "transfer", "complaints" ->
"complaint"). The browser does the same with the vendored npm `stemmer` (Porter's
reference implementation) and the stop words this module writes into the index, so
a query's words meet the index's. Words under three letters are not stemmed (the npm
package leaves them alone). The two stemmers disagree on a few dozen of 117,000 English
words ("possibly": "possibli" here, "possibl" there); search still finds those, because
a query word also matches the index words it begins or is one edit away from.
Irregular forms have their regular form's stem ("swore" -> "swear", "rung" -> "ring"),
here and in the browser, which gets them with the stop words (`OWN_STEMS`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

# Words that never decide a ranking: articles, pronouns, question words, auxiliaries,
# prepositions. A query of only these finds nothing rather than everything.
STOP_WORDS = frozenset(
    """
    a about above after again against all am an and any are as at be because been before
    being below between both but by can cant could couldnt did didnt do does doesnt doing
    dont during each either else ever few for from further get gets getting got had
    hadnt has hasnt have havent having he hed hes her here hers herself him himself his
    how i id if im in into is isnt it its itself ive just let lets me might mine more most
    must my myself no nor not of off on once only or other our ours ourselves out over own
    please shall she shes should shouldnt so some such than that thats the their
    theirs them themselves then there theres these they theyre this those through to too
    under until up upon us very was wasnt we were werent what whats when where which while
    who whom whose why will with wont would wouldnt you youd youll your youre yours
    yourself yourselves
    also anyone anything anybody everyone everything everybody someone something somebody
    many much lot lots really quite still even thing things way ok okay
    another nobody whoever whatever whichever whenever wherever
    """.split()
)

_STEMMER = snowballstemmer.stemmer("porter")

# Irregular forms -> the regular form, whose stem they get ("swore" -> "swear"): a
# query in one tense finds a standard written in another at full weight. Not "broken"
# (a faulty item is not a break from work), nor "told" ("tell" is in many standards'
# situations, and reading "told" as it made the synthetic situation queries rank worse).
IRREGULAR = {
    **dict.fromkeys(("swore", "sworn"), "swear"),
    **dict.fromkeys(("said", "says"), "say"),
    **dict.fromkeys(("rang", "rung"), "ring"),
    **dict.fromkeys(("spoke", "spoken"), "speak"),
    **dict.fromkeys(("gave", "given"), "give"),
    **dict.fromkeys(("took", "taken"), "take"),
    **dict.fromkeys(("went", "gone"), "go"),
    **dict.fromkeys(("wrote", "written"), "write"),
    **dict.fromkeys(("threw", "thrown"), "throw"),
    **dict.fromkeys(("fell", "fallen"), "fall"),
    **dict.fromkeys(("stole", "stolen"), "steal"),
    **dict.fromkeys(("forgot", "forgotten"), "forget"),
    **dict.fromkeys(("began", "begun"), "begin"),
    **dict.fromkeys(("chose", "chosen"), "choose"),
    **dict.fromkeys(("knew", "known"), "know"),
    **dict.fromkeys(("ate", "eaten"), "eat"),
    "paid": "pay",
    "bought": "buy",
    "brought": "bring",
    "lost": "lose",
    "left": "leave",
    "came": "come",
    "sent": "send",
    "thought": "think",
    "felt": "feel",
    "heard": "hear",
    "kept": "keep",
    "met": "meet",
    "hung": "hang",
    "understood": "understand",
    "drank": "drink",
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
}

# Words Porter's stemmer would make one with an unrelated word ("busy" and "business"
# are both "busi"), and irregular forms: their own stem. The browser gets this table
# with the stop words.
OWN_STEMS: dict[str, str] = {
    "business": "business",
    "businesses": "business",
    **{form: str(_STEMMER.stemWord(base)) for form, base in IRREGULAR.items()},
}

# Two words that are one thing, written apart, hyphenated or joined ("sign in", "sign-in",
# "signin"; "walk-ins"): a word and the particle after it also read as the joined word,
# here and in the browser, which gets this list with the stop words. A query reads them
# as the joined word only, so "sign in" does not find "sign" alone as readily.
COMPOUNDS = frozenset(
    """
    breakdown callback checkin checkout dropoff email followup handover hangup headset
    howfast howlong howquickly howsoon incharge login logon logout messup passaway
    pickup pushin ringback setup signin signon signout signup topup voicemail walkin website
    """.split()
)

# A finished query word also finds the index words it begins with one of these endings
# ("call" -> "caller", "late" -> "later", "month" -> "monthly", as stems) or a compound
# ("call" -> "callback"); other longer words only while it is being typed ("mess" is not
# "message", "man" not "manager"). The browser gets this list with the compounds.
ENDINGS = ("er", "r", "est", "li")

_SPLIT = re.compile(r"[^a-z0-9]+")
_APOSTROPHES = re.compile(r"['\u2019\u2018`]")


def fold(text: str) -> str:
    """Lower case, no accents, no apostrophes: the form words are split from."""
    text = text.lower()
    if not text.isascii():
        decomposed = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _APOSTROPHES.sub("", text)


def words(text: str) -> list[str]:
    """Every word of a text, folded, stop words included."""
    return [w for w in _SPLIT.split(fold(text)) if w]


@lru_cache(maxsize=100_000)
def stem(word: str) -> str:
    if word in OWN_STEMS:
        return OWN_STEMS[word]
    return word if len(word) < 3 else _STEMMER.stemWord(word)


def joined(first: str, second: str) -> str | None:
    """The stem of the compound two words make, if they make one ("walks", "ins" ->
    "walkin"; "handed", "over" -> "handov", as "handover" typed joined; "voice", "mail"
    -> "voicemail")."""
    for base in dict.fromkeys((stem(first), first)):
        for particle in (second, second[:-1] if second.endswith("s") else ""):
            if particle and base + particle in COMPOUNDS:
                return stem(base + particle)
    return None


def terms(text: str) -> list[str]:
    """The stems of a text's words that are not stop words, in order; a compound after
    the words that make it."""
    found: list[str] = []
    before = ""
    for word in words(text):
        if word not in STOP_WORDS:
            found.append(stem(word))
        compound = joined(before, word) if before else None
        if compound:
            found.append(compound)
        before = word
    return found


def query_terms(text: str) -> list[str]:
    """A query's words as the browser reads them (search.js `tokens`): the stems of its
    words that are not stop words, each once, two words that make a compound as that
    one word only."""
    found: list[str] = []
    listed = words(text)
    at = 0
    while at < len(listed):
        compound = joined(listed[at], listed[at + 1]) if at + 1 < len(listed) else None
        word = listed[at]
        at += 2 if compound else 1
        if compound is None and word in STOP_WORDS:
            continue
        term = compound or stem(word)
        if term not in found:
            found.append(term)
    return found


@lru_cache(maxsize=50_000)
def distinct_terms(text: str) -> tuple[frozenset[str], int]:
    """The distinct stems of a text and how many there are with repeats (texts repeat
    across standards: each is read once)."""
    found = terms(text)
    return frozenset(found), len(found)
