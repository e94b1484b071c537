"""Plant known translation errors into parallel documents built from FLORES-200 (seeded).

Documents: FLORES-200 devtest groups its 1,012 sentences into 281 short articles (``doc_id``, 3-4
sentences each). A document here is a run of consecutive articles of one domain, grown until it has
at least ``MIN_SENTENCES`` sentences, so that document-level statistics mean what they mean on a
real page. Articles are split once, by a salted hash of ``doc_id``, into a *train* half (the
detector's training script may use it) and a *held-out* half (only the benchmark plants into it);
the idiom table is split the same way, so no sentence and no idiom is shared between the halves.

Error types (each pair gets at most one; the label is 1 for every planted pair):

- ``swap``: the target is the translation of a sentence from another document;
- ``negation``: a negation is removed from the target (``tables/target-negation.tsv``), or added
  to the English source;
- ``number``: one number of the target is changed;
- ``omission``: a clause (30-70 % of the words) is dropped from the target;
- ``substitution``: one content word of the target is replaced by a word from another document;
- ``literal``: an idiom bead (``tables/idioms.tsv``) is inserted with a word-by-word rendering;
  every other document gets an idiomatic rendering instead (a clean ``idiom-ok`` bead), so that
  "short idiom segment" alone tells nothing.

``tatoeba_documents`` gives short clean pairs (Tatoeba en-lv, en-id) for training only.

Run ``python -m training.planting`` to print what it plants into the held-out half.
"""

from __future__ import annotations

import csv
import hashlib
import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from training.data import EVAL, TABLES

FLORES = EVAL / "flores200" / "multiway_eng_lvs_ind_deu_fra.tsv"
TATOEBA = EVAL / "tatoeba"
COLUMNS = {"en": "eng_Latn", "lv": "lvs_Latn", "id": "ind_Latn", "de": "deu_Latn",
           "fr": "fra_Latn"}
LANGS = ("lv", "id", "de", "fr")
MIN_SENTENCES = 14
SPLIT_SALT = "alignqa-detector-v1"
ERROR_TYPES = ("swap", "negation", "number", "omission", "substitution", "literal")


@dataclass
class Pair:
    src: str
    tgt: str
    label: int = 0
    kind: str = "clean"
    heading: bool = False


@dataclass
class Doc:
    name: str
    lang: str
    pairs: list[Pair] = field(default_factory=list)


Idiom = tuple[str, dict[str, tuple[str, str]]]


def _read_tsv(name: str) -> list[dict[str, str]]:
    with open(TABLES / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, dialect="excel-tab"))


def load_idioms(name: str) -> list[Idiom]:
    """An idiom table: English idiom, then per language (idiomatic, word-by-word) rendering."""
    return [(row["en"], {lang: (row[f"{lang}_idiomatic"], row[f"{lang}_literal"])
                         for lang in LANGS}) for row in _read_tsv(name)]


# Split between the benchmark and training by a salted hash of the idiom (see ``idioms``).
IDIOMS = load_idioms("idioms.tsv")
# Written for training only; shares no idiom with ``IDIOMS``.
TRAIN_IDIOMS = load_idioms("idioms-train-only.tsv")


def _heldout(key: str) -> bool:
    digest = hashlib.sha256(f"{SPLIT_SALT}:{key}".encode()).digest()
    return digest[0] % 2 == 1


def idioms(split: str) -> list[Idiom]:
    """The idioms of one half (``train`` or ``heldout``).

    The train half also gets ``TRAIN_IDIOMS``, a larger table written for training only, which
    shares no idiom with ``IDIOMS``.
    """
    half = [i for i in IDIOMS if _heldout("idiom:" + i[0]) == (split == "heldout")]
    return half if split == "heldout" else half + TRAIN_IDIOMS


def add_idiom_beads(docs: list[Doc], split: str, seed: int) -> list[Doc]:
    """Copies of ``docs`` with every idiom of ``split`` inserted twice per language: once
    word by word (an error), once idiomatically (clean), spread evenly over the documents.

    Training only: the benchmark's ``plant`` inserts one bead per document instead.
    """
    rng = random.Random(seed)
    table = idioms(split)
    out = [Doc(d.name, d.lang, list(d.pairs)) for d in docs]
    for lang in sorted({d.lang for d in docs}):
        mine = [d for d in out if d.lang == lang]
        beads = [(en, r[lang], literal) for en, r in table for literal in (False, True)]
        rng.shuffle(beads)
        for k, (en, (idiomatic, word_by_word), literal) in enumerate(beads):
            doc = mine[k % len(mine)]
            bead = Pair(en, word_by_word if literal else idiomatic, label=int(literal),
                        kind="literal" if literal else "idiom-ok",
                        heading=not en.endswith((".", "!", "?")))
            doc.pairs.insert(rng.randint(0, len(doc.pairs)), bead)
    return out


def load_flores(path: Path = FLORES) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def documents(rows: list[dict[str, str]], lang: str, split: str,
              min_sentences: int = MIN_SENTENCES) -> list[Doc]:
    """Clean parallel documents (English source, ``lang`` target) of one half."""
    by_article: dict[int, list[dict[str, str]]] = {}
    for row in rows:
        if _heldout("doc:" + row["doc_id"]) == (split == "heldout"):
            by_article.setdefault(int(row["doc_id"]), []).append(row)
    docs: list[Doc] = []
    current: list[dict[str, str]] = []
    domain = None
    for doc_id in sorted(by_article):
        article = by_article[doc_id]
        if current and (article[0]["domain"] != domain or len(current) >= min_sentences):
            docs.append(_doc(current, lang))
            current = []
        domain = article[0]["domain"]
        current.extend(article)
    if current:
        docs.append(_doc(current, lang))
    return docs


def tatoeba_documents(lang: str, limit: int, seed: int, size: int = 16) -> list[Doc]:
    """Short clean pairs from Tatoeba (training only), in pseudo-documents of ``size`` pairs.

    FLORES sentences are long; without short clean pairs a model would learn that every short
    segment is an inserted idiom, half of them wrong. Tatoeba's 3-6 word sentences fill that gap.
    """
    code = {"lv": "lav", "id": "ind"}[lang]
    base = TATOEBA / f"eng-{code}" / "tatoeba-test-v2021-08-07"
    with open(f"{base}.eng", encoding="utf-8") as fe, \
            open(f"{base}.{code}", encoding="utf-8") as ft:
        rows = [(e.strip(), t.strip()) for e, t in zip(fe, ft, strict=True)
                if e.strip() and t.strip()]
    rows = random.Random(seed).sample(rows, min(limit, len(rows)))
    return [Doc(f"tatoeba-{lang}-{i // size}", lang, [Pair(e, t) for e, t in rows[i:i + size]])
            for i in range(0, len(rows), size)]


def _doc(rows: list[dict[str, str]], lang: str) -> Doc:
    name = f"flores-{rows[0]['doc_id']}-{rows[-1]['doc_id']}"
    return Doc(name, lang, [Pair(r[COLUMNS["en"]], r[COLUMNS[lang]]) for r in rows])


# --- perturbations: each returns the new (src, tgt), or None when it does not apply -----------

_EN_AUX = re.compile(r"\b(is|are|was|were|will|would|should|could|can|must|may|might|has|have|"
                     r"had|does|do|did)\b")
# Per language, in order: (regex, replacement) that remove a negation from the target.
TARGET_NEGATION: dict[str, list[tuple[str, str]]] = {}
for _rule in _read_tsv("target-negation.tsv"):
    TARGET_NEGATION.setdefault(_rule["lang"], []).append((_rule["pattern"], _rule["replacement"]))


def negate(pair: Pair, lang: str, rng: random.Random) -> tuple[str, str] | None:
    """Remove the target's negation when it has one the rules know; else negate the source."""
    for pattern, repl in rng.sample(TARGET_NEGATION[lang], len(TARGET_NEGATION[lang])):
        new, n = re.subn(pattern, repl, pair.tgt, count=1)
        if n:
            return pair.src, new
    if re.search(r"\b(not|never|no)\b|n't\b", pair.src):
        return None
    m = _EN_AUX.search(pair.src)
    if not m:
        return None
    word = m.group()
    negated = "cannot" if word == "can" else f"{word} not"
    return pair.src[:m.start()] + negated + pair.src[m.end():], pair.tgt


def change_number(pair: Pair, rng: random.Random) -> tuple[str, str] | None:
    runs = list(re.finditer(r"\d+", pair.tgt))
    if not runs:
        return None
    m = rng.choice(runs)
    value = int(m.group())
    new = value + rng.randint(1, 9) if rng.random() < 0.6 or value == 0 else value * 10
    return pair.src, pair.tgt[:m.start()] + str(new) + pair.tgt[m.end():]


_CLAUSE_SPLIT = re.compile(r"(?<=[,;:])\s+|\s+(?=\b(?:and|und|et|dan|un|but|aber|mais|tetapi|"
                           r"bet|which|die|der|das|qui|que|yang|kas|kura|kuri|ka|dass)\b)")


def drop_clause(pair: Pair, rng: random.Random) -> tuple[str, str] | None:
    words = pair.tgt.split()
    if len(words) < 10:
        return None
    pieces = [p for p in _CLAUSE_SPLIT.split(pair.tgt) if p]
    candidates = [i for i, p in enumerate(pieces)
                  if 0.3 <= len(p.split()) / len(words) <= 0.7]
    if len(pieces) < 2 or not candidates:
        return None
    drop = rng.choice(candidates)
    kept = " ".join(p for i, p in enumerate(pieces) if i != drop).strip()
    kept = re.sub(r"[,;:]\s*$", "", kept)
    if not kept.endswith((".", "!", "?")) and pair.tgt.rstrip().endswith((".", "!", "?")):
        kept += pair.tgt.rstrip()[-1]
    return pair.src, kept[:1].upper() + kept[1:]


_CONTENT_WORD = re.compile(r"(?<![\w-])[^\W\d_]{6,}(?![\w-])")


def substitute_word(pair: Pair, pool: list[str], rng: random.Random) -> tuple[str, str] | None:
    """Replace one content word (not sentence-initial, not capitalised) by a foreign one."""
    words = [m for m in _CONTENT_WORD.finditer(pair.tgt) if m.start() > 0 and
             not m.group()[0].isupper()]
    if not words:
        return None
    m = rng.choice(words)
    replacement = rng.choice([w for w in pool if w.lower() != m.group().lower()])
    return pair.src, pair.tgt[:m.start()] + replacement + pair.tgt[m.end():]


def _content_words(texts: Iterable[str]) -> list[str]:
    return sorted({m.group() for t in texts for m in _CONTENT_WORD.finditer(t)
                   if not m.group()[0].isupper()})


def plant(docs: list[Doc], split: str, seed: int, rate: float = 0.15,
          idiom_beads: bool = True) -> list[Doc]:
    """Copies of ``docs`` with errors planted in about ``rate`` of the pairs, plus one idiom bead.

    Error types take turns across the corpus, so every type gets about the same number of pairs;
    a type that does not apply to any pair left in a document passes its turn to the next. The
    idiom bead (unless ``idiom_beads`` is false) alternates between idiomatic (clean) and
    word-by-word (error) renderings.
    """
    rng = random.Random(seed)
    table = idioms(split)
    kinds = list(ERROR_TYPES[:-1])
    turn = 0
    out: list[Doc] = []
    for d, doc in enumerate(docs):
        others = [o for o in docs if o is not doc]
        pool_tgt = [p.tgt for o in others for p in o.pairs]
        pool_words = _content_words(pool_tgt)
        pairs = [Pair(p.src, p.tgt) for p in doc.pairs]
        for _ in range(max(1, round(rate * len(pairs)))):
            for attempt in range(len(kinds)):
                kind = kinds[(turn + attempt) % len(kinds)]
                hit = _plant_one(kind, pairs, doc.lang, pool_tgt, pool_words, rng)
                if hit:
                    break
            turn += 1
        if not idiom_beads:
            out.append(Doc(f"{doc.name}#{d}", doc.lang, pairs))
            continue
        en, renderings = table[rng.randrange(len(table))]
        literal = d % 2 == 1
        tgt = renderings[doc.lang][1 if literal else 0]
        bead = Pair(en, tgt, label=int(literal), kind="literal" if literal else "idiom-ok",
                    heading=not en.endswith((".", "!", "?")))
        pairs.insert(rng.randint(0, len(pairs)), bead)
        out.append(Doc(f"{doc.name}#{d}", doc.lang, pairs))
    return out


def _plant_one(kind: str, pairs: list[Pair], lang: str, pool_tgt: list[str],
               pool_words: list[str], rng: random.Random) -> bool:
    clean = [i for i, p in enumerate(pairs) if not p.label]
    for i in rng.sample(clean, len(clean)):
        changed = _apply(kind, pairs[i], lang, pool_tgt, pool_words, rng)
        if changed is not None and changed != (pairs[i].src, pairs[i].tgt):
            pairs[i] = Pair(*changed, label=1, kind=kind)
            return True
    return False


def _apply(kind: str, pair: Pair, lang: str, pool_tgt: list[str], pool_words: list[str],
           rng: random.Random) -> tuple[str, str] | None:
    if kind == "swap":
        return pair.src, rng.choice(pool_tgt)
    if kind == "negation":
        return negate(pair, lang, rng)
    if kind == "number":
        return change_number(pair, rng)
    if kind == "omission":
        return drop_clause(pair, rng)
    return substitute_word(pair, pool_words, rng)


def planted_corpus(split: str, seed: int, rate: float = 0.15, langs: tuple[str, ...] = LANGS,
                   idiom_beads: bool = True) -> list[Doc]:
    rows = load_flores()
    return [d for lang in langs for d in plant(documents(rows, lang, split), split,
                                               seed + LANGS.index(lang), rate, idiom_beads)]


def main() -> None:
    from collections import Counter

    docs = planted_corpus("heldout", seed=1)
    counts = Counter((d.lang, p.kind) for d in docs for p in d.pairs)
    print(f"{len(docs)} documents, {sum(len(d.pairs) for d in docs)} pairs")
    for (lang, kind), n in sorted(counts.items()):
        print(f"{lang}\t{kind}\t{n}")
    shown: set[str] = set()
    for d in docs:
        for p in d.pairs:
            if p.label and p.kind not in shown:
                shown.add(p.kind)
                print(f"\n[{d.lang} {p.kind}]\n  src: {p.src}\n  tgt: {p.tgt}")


if __name__ == "__main__":
    main()
