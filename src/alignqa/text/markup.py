"""Parts of a segment that translation must leave intact: code, link targets, tags, URLs, e-mails,
format placeholders. The ``placeholders`` check compares them; other checks mask them out so that a
URL's digits are no "number" and a code span is no "untranslated" text.

Placeholders come in several syntaxes (``SYNTAXES``), and some carry translatable text: the string
literals of a Jinja expression (``{{ _("Save") }}``), the branches of an ICU message
(``{count, plural, one {# file} other {# files}}``), and, where a project says so, the whole inside
of a syntax (tldr-pages writes ``{{path/to/file}}`` and translates it to ``{{pfad/zu/datei}}``).
:func:`compare_key` gives what must recur on the other side once those parts are set aside.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

CODE = "code span"
LINK = "link target"
TAG = "tag"
URL = "URL"
EMAIL = "e-mail"
BRACE = "placeholder"
PRINTF = "format specifier"
KINDS = (CODE, LINK, TAG, URL, EMAIL, BRACE, PRINTF)

# Placeholder syntaxes (the ``syntax`` of a BRACE token).
DOUBLE_BRACE = "double-brace"      # {{ name }}      Jinja, Handlebars, i18next, tldr-pages
DOLLAR_BRACE = "dollar-brace"      # ${name}         shell, JavaScript templates
SINGLE_BRACE = "brace"             # {name} {0} {}   Python format, .NET, ICU simple arguments
ICU = "icu"                        # {n, plural, one {# file} other {# files}}
JINJA_STATEMENT = "jinja-statement"  # {% if x %}
SYNTAXES = (DOUBLE_BRACE, DOLLAR_BRACE, SINGLE_BRACE, ICU, JINJA_STATEMENT)
# Syntaxes whose whole inside a project may declare translatable.
INSIDE_TRANSLATABLE = (DOUBLE_BRACE, DOLLAR_BRACE, SINGLE_BRACE)


@dataclass(frozen=True)
class Token:
    """One protected piece of text; ``key`` is what must recur on the other side."""

    kind: str
    text: str
    key: str
    start: int
    end: int
    syntax: str = ""  # BRACE tokens: one of SYNTAXES


_CODE_RE = re.compile(r"(?<!`)(`+)(?!`)(?P<body>.+?)(?<!`)\1(?!`)")
# Only the destination of a Markdown link or image must survive; its text is translated, so the
# token covers the destination alone and the text stays visible to the other checks.
_LINK_RE = re.compile(
    r"!?\[[^\]\n]*\]\(\s*(?P<dest><[^>\n]*>|[^\s()]+(?:\([^\s()]*\)[^\s()]*)*)"
    r"(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)")
# A tag name must be followed by a space, '/' or '>', so <https://x.y> autolinks are no tags.
_TAG_RE = re.compile(r"</?(?P<name>[A-Za-z][\w.-]*(?::[\w.-]+)?)(?=[\s/>])(?P<attrs>[^<>]*?)/?>")
_URL_ATTR_RE = re.compile(r"""\b(href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_URL_RE = re.compile(r"\b(?:(?:https?|ftp)://|www\.)[^\s<>\"'`]+", re.I)
_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_BRACE_RE = re.compile(
    r"(?P<double>\{\{[^{}\n]+\}\})"                     # {{ var }}  Jinja, Handlebars, i18next
    r"|(?P<statement>\{%[^{}\n]+%\})"                     # {% if x %} Jinja, Liquid
    r"|(?P<dollar>\$\{[^{}\s]+\})"                       # ${var}     shell, JS templates
    r"|\{(?:[A-Za-z_][\w.]*|\d+)?(?:![rsa])?(?::[^{}\s]*)?\}")  # {name} {0} {} {x:.2f}
_ICU_START_RE = re.compile(r"\{\s*(?P<arg>[A-Za-z_]\w*|\d+)\s*,\s*(?P<type>plural|selectordinal|select)"
                           r"\s*,")
_STRING_LITERAL_RE = re.compile(r"\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'")
# printf with positional (%1$s) and Python mapping (%(name)s) forms. No space flag: "50% of" is
# prose, not a format. "%%" is consumed first so that an escaped percent sign starts nothing.
_PRINTF_RE = re.compile(
    r"%%|%(?:\d+\$|\(\w+\))?[-+#0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|z|j|t|q)?"
    r"[diouxXeEfFgGaAcsp@]")
_URL_TRAILING = ".,;:!?'\"»”’*_"


def find_tokens(text: str) -> list[Token]:
    """Every protected token of ``text``, in text order; no two overlap."""
    return list(_tokens(text))


# Several checks, the language guesser and the detector each ask for the same segments' tokens;
# one scan per text serves them all.
@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[Token, ...]:
    taken: list[tuple[int, int]] = []
    tokens: list[Token] = []

    def free(start: int, end: int) -> bool:
        return all(end <= s or start >= e for s, e in taken)

    def add(kind: str, start: int, end: int, key: str) -> None:
        taken.append((start, end))
        tokens.append(Token(kind, text[start:end], key, start, end))

    for m in _CODE_RE.finditer(text):
        add(CODE, m.start(), m.end(), m.group("body").strip())
    for m in _LINK_RE.finditer(text):
        s, e = m.span("dest")
        if free(s, e):
            add(LINK, s, e, m.group("dest").strip("<>"))
    for m in _TAG_RE.finditer(text):
        if free(*m.span()):
            add(TAG, m.start(), m.end(), _tag_key(m))
    for m in _URL_RE.finditer(text):
        end = m.start() + len(_trim_url(m.group()))
        if free(m.start(), end):
            add(URL, m.start(), end, text[m.start():end])
    for m in _EMAIL_RE.finditer(text):
        end = m.end() - len(m.group()) + len(m.group().rstrip("."))
        if free(m.start(), end):
            add(EMAIL, m.start(), end, text[m.start():end].lower())
    for start, end, key in _icu_messages(text):
        if free(start, end):
            taken.append((start, end))
            tokens.append(Token(BRACE, text[start:end], key, start, end, ICU))
    for m in _BRACE_RE.finditer(text):
        if free(*m.span()):
            syntax = (DOUBLE_BRACE if m["double"] else JINJA_STATEMENT if m["statement"]
                      else DOLLAR_BRACE if m["dollar"] else SINGLE_BRACE)
            key = re.sub(r"\s+", "", _STRING_LITERAL_RE.sub('"…"', m.group()))
            taken.append(m.span())
            tokens.append(Token(BRACE, m.group(), key, m.start(), m.end(), syntax))
    for m in _PRINTF_RE.finditer(text):
        if m.group() != "%%" and free(*m.span()):
            add(PRINTF, m.start(), m.end(), m.group())
    return tuple(sorted(tokens, key=lambda t: t.start))


def _icu_messages(text: str) -> list[tuple[int, int, str]]:
    """ICU plural/select messages: (start, end, key). The branches are translated text, and a
    language has its own plural categories (Latvian zero/one/other, Indonesian other), so the key
    is the argument and its type, plus the simple arguments used inside the branches."""
    found = []
    pos = 0
    while (m := _ICU_START_RE.search(text, pos)) is not None:
        end = _closing_brace(text, m.start())
        if end is None:
            pos = m.end()
            continue
        inner = text[m.end():end - 1]
        args = sorted({a.group() for a in re.finditer(r"\{\s*[A-Za-z_]\w*\s*\}", inner)})
        nested = sorted({f"{n['arg']},{n['type']}" for n in _ICU_START_RE.finditer(inner)})
        key = f"{{{m['arg']},{m['type']}}}" + "".join(re.sub(r"\s+", "", a) for a in args + nested)
        found.append((m.start(), end, key))
        pos = end
    return found


def _closing_brace(text: str, start: int) -> int | None:
    """The end (exclusive) of the brace group opened at ``start``, or None if it never closes."""
    depth = 0
    for i in range(start, len(text)):
        if text[i] == "{":
            depth += 1
        elif text[i] == "}":
            depth -= 1
            if depth == 0:
                return i + 1
    return None


def compare_key(token: Token, translatable: Iterable[str] = ()) -> str:
    """What must recur on the other side: the token's key, with the inside of every placeholder of
    a ``translatable`` syntax blanked (in a code span too: tldr's `` `cp {{path/to/file}}` ``)."""
    wanted = set(translatable)
    if token.kind == BRACE and token.syntax in wanted:
        return _EMPTY_INSIDE[token.syntax]
    if token.kind == CODE and wanted:
        return _blank_translatable(token.key, wanted)
    return token.key


_EMPTY_INSIDE = {DOUBLE_BRACE: "{{…}}", DOLLAR_BRACE: "${…}", SINGLE_BRACE: "{…}"}


def _blank_translatable(code: str, wanted: set[str]) -> str:
    out, pos = [], 0
    for m in _BRACE_RE.finditer(code):
        syntax = (DOUBLE_BRACE if m["double"] else JINJA_STATEMENT if m["statement"]
                  else DOLLAR_BRACE if m["dollar"] else SINGLE_BRACE)
        if syntax in wanted:
            out += [code[pos:m.start()], _EMPTY_INSIDE[syntax]]
            pos = m.end()
    return "".join(out) + code[pos:]


def _tag_key(m: re.Match) -> str:
    """Tag name and closing slash, plus href/src values: attributes such as title are translated."""
    closing = "/" if m.group().startswith("</") else ""
    urls = " ".join(f'{a.group(1).lower()}="{a.group(2) or a.group(3) or a.group(4)}"'
                    for a in _URL_ATTR_RE.finditer(m.group("attrs")))
    return f"<{closing}{m.group('name').lower()}{' ' + urls if urls else ''}>"


def _trim_url(url: str) -> str:
    """Drop sentence punctuation after a URL, and a closing bracket that the URL did not open."""
    while url:
        last = url[-1]
        unopened = last in ")]" and url.count(last) > url.count("(" if last == ")" else "[")
        if last not in _URL_TRAILING and not unopened:
            break
        url = url[:-1]
    return url


def mask(text: str, spans: Iterable[tuple[int, int]]) -> str:
    """``text`` with each span blanked to spaces: offsets stay valid for the unmasked text."""
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def mask_tokens(text: str) -> str:
    return mask(text, ((t.start, t.end) for t in find_tokens(text)))


# Tags, entities, Markdown emphasis/heading/list markers and table rules carry no content.
_ENTITY_RE = re.compile(r"&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")
_NO_CONTENT_RE = re.compile(r"[\W_]*")


def has_content(text: str) -> bool:
    """True when ``text`` holds a letter or digit outside tags and entities."""
    tags = ((t.start, t.end) for t in find_tokens(text) if t.kind == TAG)
    return _NO_CONTENT_RE.fullmatch(_ENTITY_RE.sub(" ", mask(text, tags))) is None
