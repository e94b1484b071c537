"""Negation cues per language, and whether one side of a pair negates while the other does not.

Embeddings barely move when a ``not`` is added or dropped (the cosine changes by 0.00-0.06), so
negation is compared by rule. The rule is deliberately coarse: *presence* of a cue on each side,
not the count, because languages with negative concord (Latvian ``neviens nav``, Czech ``nikdo
nepřišel``, French ``ne ... jamais``) put two cues where English puts one.

Latvian and Czech negate verbs with a ``ne-`` prefix, which no closed word list covers. A word with
that prefix counts as a cue unless its stem is a known lexicalised non-negation (``nedēļa`` is a
week, ``nekustamais īpašums`` is real estate; Czech ``nej-`` is the superlative). What slips through
only makes the feature noisier; the detector's weights were fitted with that noise present.

A pair is a *mismatch* only when one side negates and the other carries no weaker polarity cue
either (:func:`mismatch_spans`). Weak cues are what a good translation renders a negation with when
it does not use a negation word: a negative prefix or suffix ("unsatisfying" for Indonesian "tidak
memuaskan", Latvian "nekandidēju" for "I'm not running"), "without", "rarely", "prohibited". They
can cancel a mismatch but never make one, so a loose list only costs a few missed negations. A
negation followed closely by a negative word or by a second negation is *litotes* or double
negation ("nicht schlecht" for "okay", "tidak diragukan lagi" for "undoubtedly", "not unusual"): it
says something positive, so it counts as a weak cue, not a negation.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

# Whole words (casefolded) that negate, per language.
_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({"not", "no", "never", "none", "nobody", "nothing", "neither", "nor",
                     "nowhere", "cannot", "can't", "won't", "don't", "doesn't", "didn't",
                     "isn't", "aren't", "wasn't", "weren't", "hasn't", "haven't", "hadn't",
                     "shouldn't", "wouldn't", "couldn't", "mustn't", "needn't"}),
    "de": frozenset({"nicht", "kein", "keine", "keinen", "keinem", "keiner", "keines", "nie",
                     "niemals", "niemand", "niemanden", "nichts", "weder", "nirgends",
                     "nirgendwo"}),
    "fr": frozenset({"jamais", "aucun", "aucune", "ni", "non", "nulle", "nullement", "guère"}),
    "id": frozenset({"tidak", "tak", "bukan", "belum", "jangan", "tiada", "enggak", "nggak",
                     "gak", "takkan", "tidaklah", "bukanlah", "belumlah"}),
    "lv": frozenset({"ne", "nav", "nekad", "nekas", "neko", "nedz", "neviens", "neviena",
                     "nevienu", "nevienam", "nevienas", "nekur", "nekāds", "nekāda", "nekādu",
                     "nekādi", "nekādas", "nebūt"}),
    "cs": frozenset({"ne", "nikdy", "nic", "nikdo", "nikoho", "nikomu", "ani", "žádný", "žádná",
                     "žádné", "žádného", "žádnou", "žádnému", "nikde", "není", "nejsou"}),
    "es": frozenset({"no", "nunca", "jamás", "nada", "nadie", "ningún", "ninguno", "ninguna",
                     "ni", "tampoco"}),
    "it": frozenset({"non", "mai", "niente", "nulla", "nessuno", "nessuna", "né"}),
    "pt": frozenset({"não", "nunca", "nada", "ninguém", "nenhum", "nenhuma", "nem"}),
    "nl": frozenset({"niet", "geen", "nooit", "niemand", "niets", "nergens"}),
    "ru": frozenset({"не", "нет", "никогда", "ничего", "никто", "ни"}),
}
# Czech negates verbs with a "ne-" prefix; these stems only look negated ("nej-" is the superlative).
_CS_NOT_NEGATION = ("nej", "nebo", "neboť", "nemoc", "neděl", "nerv", "neutr", "negativ",
                    "nebezpeč", "nezbytn")
# Latvian "ne-" also forms a great many adjectives and nouns that English renders without a
# negation ("neatkarīgs" independent, "nepatikšanas" trouble), so only negated forms of common
# verbs count: the stem after "ne" must start one of these.
_LV_VERB_STEMS = ("esmu", "esi", "esam", "esat", "bija", "būs", "būt", "var", "tiek", "tika",
                  "tiks", "tikt", "vajag", "vajadz", "drīkst", "spēj", "zin", "grib", "dar",
                  "ies", "gāj", "redz", "dzird", "pieņem", "atbalst", "piekrī", "maks", "veic",
                  "ļauj", "pieļauj", "izmant", "strādā", "saņem", "atbild", "nāk", "turpin",
                  "piešķ", "notik", "notiek", "atrod", "atrad", "mēģin", "vēl", "patīk", "ēd",
                  "dzer", "brauc", "iet", "gāja", "sak", "teic", "teica", "domā", "saprot",
                  "sapra", "izdev", "izdod", "izdo", "pārtrauc", "mainī", "maina", "apstiprin",
                  "tur", "ņem", "dod", "dev", "kļūs", "kļuva", "kļūst", "ir")
# English "non-" compounds negate ("non-diabetic" is Latvian "nav diabēta slimnieces").
_EN_NON = re.compile(r"non-\w", re.IGNORECASE)
_PHRASES_NOT_NEGATION: dict[str, tuple[str, ...]] = {
    "id": ("tak lama", "tidak lama"),
}
# French "ne" negates only with a partner after it ("ne ... que" means "only").
_FR_PARTNERS = frozenset({"pas", "jamais", "plus", "rien", "personne", "aucun", "aucune", "guère",
                          "point", "nullement", "ni"})
# Substring cues for languages written without spaces; common false friends are listed apart.
_SUBSTRINGS: dict[str, tuple[str, ...]] = {
    "zh": ("不", "没", "沒", "未", "无", "無", "别", "勿", "莫", "非"),
    "ja": ("ない", "ません", "なかった", "ず", "ぬ", "無", "不", "非", "未"),
}
_SUBSTRING_FALSE: dict[str, tuple[str, ...]] = {
    "zh": ("不过", "不同", "无论", "非常", "未来", "莫名", "并非不"),
    "ja": ("少ない", "危ない", "未来", "非常"),
}

_WORD_RE = re.compile(r"\w+(?:['’]\w+)?", re.UNICODE)


def negation_cues(text: str, lang: str) -> list[tuple[int, int]]:
    """Character spans of the negation cues in ``text`` (empty for an unknown language)."""
    lang = lang.lower()
    if lang in _SUBSTRINGS:
        return _substring_cues(text, lang)
    words = _WORDS.get(lang)
    if words is None:
        return []
    tokens = list(_WORD_RE.finditer(text))
    spans = []
    for i, m in enumerate(tokens):
        w = m.group().casefold().replace("’", "'")
        if lang == "en" and (w.endswith("n't") or _EN_NON.match(text, m.start())):
            spans.append(m.span())
        elif lang == "fr" and (w == "ne" or w.startswith("n'")):
            if _fr_partner(tokens, i):
                spans.append((m.start(), m.start() + 2))
        elif (w in words or _prefixed_negation(w, lang)) and not _idiom(text, m, lang):
            spans.append(m.span())
    return spans


def mismatch_spans(src: str, src_lang: str, tgt: str, tgt_lang: str
                   ) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """The negation spans of the side that negates when the other side carries no polarity cue at
    all (not even a weak one); ``([], [])`` when the sides agree or a language is unknown."""
    if not (supports(src_lang) and supports(tgt_lang)):
        return [], []
    src_neg, src_weak = polarity_cues(src, src_lang)
    tgt_neg, tgt_weak = polarity_cues(tgt, tgt_lang)
    if src_neg and not (tgt_neg or tgt_weak):
        return src_neg, []
    if tgt_neg and not (src_neg or src_weak):
        return [], tgt_neg
    return [], []


def polarity_cues(text: str, lang: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """(negations, weak cues) of ``text``: a litotes or a double negation moves to the weak cues."""
    strong, weak = _polarity_cues(text, lang.lower())
    return list(strong), list(weak)


# A source document is read once per target language: each text is scanned once.
@lru_cache(maxsize=8192)
def _polarity_cues(text: str, lang: str) -> tuple[tuple[tuple[int, int], ...],
                                                  tuple[tuple[int, int], ...]]:
    strong = negation_cues(text, lang)
    if lang in _SUBSTRINGS:
        return tuple(strong), ()
    tokens = list(_WORD_RE.finditer(text))
    weak = [m.span() for m in tokens if _weak_cue(m.group().casefold(), lang)
            and not any(a <= m.start() < b for a, b in strong)]
    index = {m.start(): i for i, m in enumerate(tokens)}
    softened: set[tuple[int, int]] = set()
    for span in strong:
        i = index.get(span[0])
        if i is None:
            continue
        for m in tokens[i + 1:i + 1 + _LITOTES_WINDOW]:
            word = m.group().casefold()
            # With negative concord (Latvian "neviens nenāca") a second cue repeats the negation.
            concord = lang not in _NO_CONCORD
            double = not concord and m.span() in strong
            if double or (not concord and m.span() in weak) or _negative_word(word, lang):
                softened.update({span, m.span()} if double else {span})
                break
    return (tuple(s for s in strong if s not in softened),
            tuple(sorted({*weak, *(s for s in strong if s in softened)})))


# A negation this many words before a negative word is read as litotes ("not very bad").
_LITOTES_WINDOW = 2
# Languages without negative concord: two negations there cancel ("not impossible", "bukan tidak").
_NO_CONCORD = frozenset({"en", "de", "nl", "id"})
# Negative prefixes and suffixes per language (casefolded), with words that only look prefixed.
_WEAK_PREFIXES: dict[str, tuple[str, ...]] = {
    "en": ("un", "non"), "de": ("un",), "lv": ("ne",), "cs": ("ne",),
    "id": ("ketidak", "non"), "nl": ("on",),
}
_WEAK_SUFFIXES: dict[str, tuple[str, ...]] = {"en": ("less",), "de": ("los", "lose", "losen",
                                                                     "loser", "loses")}
_NOT_PREFIXED: dict[str, tuple[str, ...]] = {
    "en": ("under", "unit", "union", "univers", "uniq", "uniform", "until", "unto", "nonce",
           "bless", "nevertheless"),
    "de": ("und", "unter", "uns", "union", "univers", "ungefähr", "unser"),
    "lv": ("nedēļ", "nekustam", "neitr", "nerv", "negat", "neon", "nekt", "nepāl", "nest"),
    "cs": _CS_NOT_NEGATION,
    "id": ("nona", "nomor"),
    "nl": ("ons", "ont", "onder", "ook", "ongeveer"),
}
# Words that carry a negation without being one ("without", "rarely", "prohibited").
_WEAK_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset({"without", "lack", "lacks", "lacked", "lacking", "fail", "fails", "failed",
                     "failure", "absent", "absence", "hardly", "barely", "scarcely", "rarely",
                     "seldom", "refuse", "refused", "refuses", "deny", "denied", "denies", "unless",
                     "prevent", "prevents", "prevented", "avoid", "avoids", "avoided", "impossible",
                     "incorrect", "inaccurate", "incomplete", "invisible", "invalid", "inability",
                     "insufficient", "incapable", "inadequate", "illegal", "irregular", "irrelevant",
                     "imperfect", "impatient", "inappropriate", "inconsistent", "ineffective",
                     "forbidden", "prohibited", "free", "dislike", "disliked", "disagree",
                     "disagreed", "dissatisfied", "dishonest", "disabled", "disapprove",
                     # verbs of not doing or not showing, which other languages render with a
                     # negation ("Suppress all output" -> "Jangan tampilkan ...", "nicht anzeigen")
                     "suppress", "suppresses", "suppressed", "hide", "hides", "hidden", "skip",
                     "skips", "skipped", "ignore", "ignores", "ignored", "omit", "omits", "omitted",
                     "exclude", "excludes", "excluded", "disable", "disables", "quiet", "quietly",
                     "silent", "silently", "mute", "muted", "stop", "stops", "stopped", "cease",
                     "ceased", "missing"}),
    "de": frozenset({"ohne", "kaum", "selten", "fehlt", "fehlen", "fehlte", "verboten",
                     "untersagt", "frei"}),
    "id": frozenset({"tanpa", "kurang", "jarang", "gagal", "mustahil", "dilarang", "larangan",
                     "bebas"}),
    "lv": frozenset({"bez", "reti", "aizliegts", "aizliegta", "aizliegti", "aizliegtas", "diez",
                     "brīvs", "brīva", "brīvi"}),
    "fr": frozenset({"sans", "rarement", "peu", "impossible", "incapable", "inconnu", "inutile",
                     "interdit", "interdite", "interdits", "libre"}),
    "cs": frozenset({"bez", "zřídka", "zakázáno"}),
    "es": frozenset({"sin", "apenas"}), "it": frozenset({"senza"}), "pt": frozenset({"sem"}),
    "nl": frozenset({"zonder", "nauwelijks"}), "ru": frozenset({"без"}),
}
# Words that a negation turns into litotes ("not bad", "kein Zweifel", "tidak diragukan"); words of
# five letters or more also match as prefixes (inflected forms).
_NEGATIVE_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("bad", "badly", "wrong", "doubt", "least", "unlike", "few", "little"),
    "de": ("schlecht", "übel", "falsch", "zweifel", "wenig", "gering"),
    "id": ("buruk", "jelek", "salah", "ragu", "diragukan", "keraguan", "sedikit"),
    "lv": ("slikt", "šaub", "mazums", "maz"),
    "fr": ("mal", "faux", "doute", "moindre"),
    "nl": ("slecht", "twijfel", "weinig"),
}


def _weak_cue(word: str, lang: str) -> bool:
    if word in _WEAK_WORDS.get(lang, ()):
        return True
    if len(word) < 5 or word.startswith(_NOT_PREFIXED.get(lang, ())):
        return False
    return (word.startswith(_WEAK_PREFIXES.get(lang, ()))
            or (len(word) >= 6 and word.endswith(_WEAK_SUFFIXES.get(lang, ()))))


def _negative_word(word: str, lang: str) -> bool:
    return any(word == w or (len(w) >= 5 and word.startswith(w))
               for w in _NEGATIVE_WORDS.get(lang, ()))


def _idiom(text: str, m: re.Match[str], lang: str) -> bool:
    """A negation word inside a fixed phrase that means no negation ("tak lama": "soon")."""
    after = text[m.start():m.start() + 16].casefold()
    return any(after.startswith(p) for p in _PHRASES_NOT_NEGATION.get(lang, ()))


def _fr_partner(tokens: Sequence[re.Match[str]], i: int) -> bool:
    # "n'a jamais" is one word "n'a"; "personne ne vient" puts the partner first.
    window = [t.group().casefold() for t in [*tokens[max(i - 1, 0):i], *tokens[i + 1:i + 5]]]
    return any(w in _FR_PARTNERS for w in window)


def _prefixed_negation(word: str, lang: str) -> bool:
    if lang == "de":
        # "keinerlei", "keineswegs", "keinesfalls", "nirgendwohin": kein- and nirgend- forms.
        return word.startswith(("kein", "nirgend"))
    if len(word) < 4 or not word.startswith("ne"):
        return False
    if lang == "lv":
        return word[2:].startswith(_LV_VERB_STEMS)
    if lang == "cs":
        return len(word) >= 5 and not word.startswith(_CS_NOT_NEGATION)
    return False


def _substring_cues(text: str, lang: str) -> list[tuple[int, int]]:
    blocked: set[int] = set()
    for false in _SUBSTRING_FALSE[lang]:
        for m in re.finditer(re.escape(false), text):
            blocked.update(range(*m.span()))
    spans = []
    for cue in _SUBSTRING_CUES_SORTED[lang]:
        for m in re.finditer(re.escape(cue), text):
            if not blocked.intersection(range(*m.span())):
                spans.append(m.span())
                blocked.update(range(*m.span()))
    return sorted(spans)


# Longer cues first, so that "なかった" is one cue and not "な" + "かった".
_SUBSTRING_CUES_SORTED = {k: tuple(sorted(v, key=len, reverse=True)) for k, v in _SUBSTRINGS.items()}


def supports(lang: str) -> bool:
    """Whether negation cues are known for ``lang`` (pairs with an unknown side are not compared)."""
    return lang.lower() in _WORDS or lang.lower() in _SUBSTRINGS


def negation_mismatch(src: str, src_lang: str, tgt: str, tgt_lang: str) -> bool:
    """True when one side negates and the other carries no polarity cue (:func:`mismatch_spans`)."""
    return any(mismatch_spans(src, src_lang, tgt, tgt_lang))
