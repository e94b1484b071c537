"""Abbreviations per language, in the three classes the boundary rules need.

A flat "this is an abbreviation" list cannot be right both for ``Dr. Smith`` and for ``apples,
pears etc. Then we left``; what decides is the kind of abbreviation:

* ``always``: never ends a sentence (titles, ``e.g.``, ``Jl.``, ``PT.``); handed to Punkt.
* ``numeric_only``: an abbreviation only when a number follows (``No. 5``, ``tgl. 17``,
  ``art. 5``); outside that it is a word that may end a sentence (``the answer was no.``).
* ``ending``: "etc."-like, ends a sentence whenever a capitalised word follows (``utt. Tad``)
  and never otherwise.

The lists merge the Moses non-breaking prefixes and the reference markers shipped in
``punkt.data`` with alignqa's own lists below, which cover what those lack (Indonesian has no
list at all there, Latvian lacks ``utt.``, ``piem.``, ``t.i.``). Entries are lower case without
the final period, the form Punkt uses for types; spaced forms (``t. i.``) are looked up joined.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

from punkt.data import curated as punkt_curated
from punkt.data import prefixes as punkt_prefixes

# ISO 639-1 -> language name used by punkt.data (its models, prefix and reference-marker tables).
PUNKT_LANGUAGE_NAMES = {
    "as": "assamese", "bn": "bengali", "ca": "catalan", "cs": "czech", "da": "danish",
    "de": "german", "el": "greek", "en": "english", "es": "spanish", "et": "estonian",
    "fi": "finnish", "fr": "french", "ga": "irish", "gu": "gujarati", "hi": "hindi",
    "hu": "hungarian", "is": "icelandic", "it": "italian", "ja": "japanese", "kn": "kannada",
    "ko": "korean", "lv": "latvian", "ml": "malayalam", "mr": "marathi", "nb": "norwegian",
    "ne": "nepali", "nl": "dutch", "nn": "norwegian", "no": "norwegian", "or": "odia",
    "pa": "punjabi", "pl": "polish", "pt": "portuguese", "ro": "romanian", "ru": "russian",
    "si": "sinhala", "sk": "slovak", "sl": "slovene", "sv": "swedish", "ta": "tamil",
    "te": "telugu", "th": "thai", "tr": "turkish", "ur": "urdu", "zh": "chinese",
}

# Titles, address and company prefixes and Latin-style connectives: always followed by more of
# the same sentence, so a boundary after them is forced off even when Punkt's orthographic
# evidence about the next word says otherwise (English statistics know nothing of "Budi").
_ALWAYS = {
    "en": {"mr", "mrs", "ms", "dr", "prof", "e.g", "i.e", "cf", "vs", "viz"},
    "de": {"z.b", "d.h", "u.a", "bzw", "ggf", "evtl", "vgl", "ca", "dr", "prof", "hr", "fr",
           "sog", "inkl", "exkl", "zzgl", "abzgl", "u.u", "i.d.r", "o.g", "s.o", "s.u"},
    "fr": {"m", "mm", "mme", "mlle", "mlles", "mmes", "dr", "pr", "me", "mgr", "p.ex", "c.-à-d",
           "cf", "env", "vs"},
    "es": {"sr", "sra", "srta", "dr", "dra", "ud", "uds", "vd", "vds", "p.ej", "ee.uu", "d", "dña",
           "lic", "ing"},
    "it": {"sig", "sigg", "sig.ra", "dott", "dott.ssa", "prof", "ing", "avv", "ecc.mo", "p.es"},
    "pt": {"sr", "sra", "dr", "dra", "prof", "v.ex", "ex", "p.ex"},
    "ru": {"т.е", "т.к", "т.н", "им", "ул", "пр-т", "проф", "акад", "напр"},
    "lv": {
        "piem",   # piemēram, "for example"
        "t.i",    # tas ir, "that is"
        "t.sk",   # tai skaitā, "including"
        "t.s",    # tā sauktais, "so-called"
        "g",      # gads/gadā after a year: "1990. g. Rīgā"
        "gs",     # gadsimts: "20. gs. sākumā"
        "apm",    # apmēram, "about"
        "vid",    # vidēji, "on average"
        "resp",   # respektīvi
        "milj", "mljrd", "tūkst",  # after amounts, before the unit: "5 milj. EUR"
        "angl", "lat", "vāc", "fr", "kr",  # language labels: "angl. client-facing"
        "doc", "dr", "prof", "akad", "mag", "bak",  # titles and degrees
        "sk", "skat",  # skatīt, "see"
    },
    "id": {
        "bpk", "sdr", "sdri", "yth", "kpd", "ybs",  # Bapak, saudara/i, yang terhormat, kepada
        "jl", "jln", "gg", "kab", "kec", "kel", "prov", "ds",  # address: jalan ... provinsi, desa
        "pt", "cv", "ud",  # company forms: PT. Bank ..., CV. Maju
        "dr", "drs", "dra", "ir", "prof", "h", "hj", "kh", "ust",  # titles, Haji, Kiai Haji
        "a.n", "u.p", "s.d", "d.a", "a.l",  # atas nama, untuk perhatian, sampai dengan, antara lain
        "mis", "spt", "yg", "dgn", "utk", "krn", "sbg", "tdk",  # informal shorthand mid-sentence
    },
}

# Reference markers and units that come before a number: an abbreviation only when one follows.
_NUMERIC_ONLY = {
    "en": {"sect", "thm", "lem", "prop", "cor", "def", "ex", "no", "nos"},
    "de": {"s", "nr", "abb", "tab", "kap", "abs", "art", "ziff", "bd", "hft", "tel"},
    "lv": {"nr", "lpp", "att", "tab", "nod", "p", "sēj", "tālr", "plkst", "iel", "pants"},
    "id": {
        "no", "nmr", "tgl", "hlm", "hal", "psl", "ps", "bab",  # nomor, tanggal, halaman, pasal
        "rp",             # Rupiah: "Rp. 10.000"
        "rt", "rw",       # neighbourhood numbers in addresses: "RT. 03/RW. 05"
        "telp", "tel", "hp", "fax",
        "th", "thn",      # tahun, "year": "th. 2020"
        "pkl",            # pukul, "o'clock": "pkl. 10.00"
        "gbr", "tab",     # gambar, tabel
    },
    "ru": {"стр", "с", "рис", "гл", "табл", "ст", "п", "пп", "т", "ч"},
    "fr": {"art", "chap", "fig", "vol", "p", "pp", "tab", "no", "nos", "al"},
    "es": {"núm", "pág", "págs", "art", "cap", "vol", "fig", "no"},
}

# "etc."-like: ends the sentence when a capitalised word follows, continues it otherwise.
_ENDING = {
    "en": {"etc", "et al", "inc", "ltd", "corp", "a.m", "p.m"},
    # Not "Mio." or "Jh.": German capitalises every noun, so "5 Mio. Euro" must not split.
    "de": {"usw", "u.s.w", "etc", "u.ä", "o.ä", "u.v.m"},
    "fr": {"etc", "j.-c"},
    "es": {"etc", "a.c", "d.c"},
    "it": {"ecc", "etc"},
    "pt": {"etc"},
    "nl": {"enz", "etc"},
    "ru": {"т.д", "т.п", "др"},
    "lv": {
        "utt", "u.t.t",  # un tā tālāk, "and so on"
        "u.c",           # un citi, "and others"
        "u.tml", "utml", "u.t.ml",  # un tamlīdzīgi, "and the like"
        "m.ē", "p.m.ē",  # mūsu ērā, pirms mūsu ēras
    },
    "id": {
        "dll", "dsb", "dst", "dkk",  # dan lain-lain, dan sebagainya, dan seterusnya, dkk = et al.
        "tsb",                       # tersebut, "the aforementioned": ends sentences often
        "tbk",                       # Terbuka, after a listed company name
    },
}

# Romance elision glues an article onto the next word (l’art.), hiding the abbreviation from
# Punkt, which looks words up whole.
ELIDING_LANGUAGES = frozenset({"fr", "it", "ca", "oc"})


@dataclass(frozen=True)
class Abbreviations:
    """The abbreviation classes of one language; see the module docstring."""

    always: frozenset[str]
    numeric_only: frozenset[str]
    ending: frozenset[str]
    # alignqa's own ``always`` entries: trusted enough to override Punkt's orthographic heuristic.
    protected: frozenset[str]

    @cached_property
    def known(self) -> frozenset[str]:
        """Every abbreviation of the language, whatever its class."""
        return self.always | self.numeric_only | self.ending

    def punkt_types(self, model_types: frozenset[str] | set[str]) -> set[str]:
        """The abbreviation types to hand to Punkt: everything that does not end a sentence by
        itself. Numeric-only entries stay out so Punkt breaks after them, and a rule joins
        them back before a number."""
        return (set(model_types) | self.always | self.ending) - self.numeric_only


@cache
def abbreviations_for(lang: str) -> Abbreviations:
    """Merged abbreviation classes for an ISO 639-1 code (any code; unknown ones get
    only alignqa's generic rules)."""
    name = PUNKT_LANGUAGE_NAMES.get(lang, "")
    moses_always, moses_numeric = punkt_prefixes.PREFIXES.get(name, (frozenset(), frozenset()))
    curated_numeric = punkt_curated.NUMERIC_ONLY_BY_LANGUAGE.get(name, frozenset())
    curated_always: frozenset[str] = frozenset()
    if lang == "en":
        curated_numeric = curated_numeric | punkt_curated.ENGLISH_NUMERIC_ONLY
        curated_always = punkt_curated.ENGLISH_ALWAYS
    exclusions = punkt_curated.EXCLUSIONS.get(name, frozenset())

    own_always = frozenset(_ALWAYS.get(lang, ()))
    ending = frozenset(_ENDING.get(lang, ()))
    numeric = frozenset(moses_numeric | curated_numeric | _NUMERIC_ONLY.get(lang, set())) - ending
    always = frozenset((moses_always | curated_always) - exclusions) | own_always
    return Abbreviations(
        always=always - numeric - ending,
        numeric_only=numeric,
        ending=ending,
        protected=own_always - numeric - ending,
    )
