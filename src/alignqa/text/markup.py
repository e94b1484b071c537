"""Parts of a segment that translation must leave intact: code, link targets, tags, URLs, e-mails,
format placeholders. The ``placeholders`` check compares them; other checks mask them out so that a
URL's digits are no "number" and a code span is no "untranslated" text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

CODE = "code span"
LINK = "link target"
TAG = "tag"
URL = "URL"
EMAIL = "e-mail"
BRACE = "placeholder"
PRINTF = "format specifier"
KINDS = (CODE, LINK, TAG, URL, EMAIL, BRACE, PRINTF)


@dataclass(frozen=True)
class Token:
    """One protected piece of text; ``key`` is what must recur on the other side."""

    kind: str
    text: str
    key: str
    start: int
    end: int


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
    r"\{\{[^{}\n]+\}\}"                               # {{ var }}  Jinja, Handlebars, i18next
    r"|\$\{[^{}\s]+\}"                                # ${var}     shell, JS templates
    r"|\{(?:[A-Za-z_][\w.]*|\d+)?(?:![rsa])?(?::[^{}\s]*)?\}")  # {name} {0} {} {x:.2f}
# printf with positional (%1$s) and Python mapping (%(name)s) forms. No space flag: "50% of" is
# prose, not a format. "%%" is consumed first so that an escaped percent sign starts nothing.
_PRINTF_RE = re.compile(
    r"%%|%(?:\d+\$|\(\w+\))?[-+#0']*(?:\d+|\*)?(?:\.(?:\d+|\*))?(?:hh|h|ll|l|L|z|j|t|q)?"
    r"[diouxXeEfFgGaAcsp@]")
_URL_TRAILING = ".,;:!?'\"»”’*_"


def find_tokens(text: str) -> list[Token]:
    """Every protected token of ``text``, in text order; no two overlap."""
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
    for m in _BRACE_RE.finditer(text):
        if free(*m.span()):
            add(BRACE, m.start(), m.end(), re.sub(r"\s+", "", m.group()))
    for m in _PRINTF_RE.finditer(text):
        if m.group() != "%%" and free(*m.span()):
            add(PRINTF, m.start(), m.end(), m.group())
    return sorted(tokens, key=lambda t: t.start)


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
