"""The HTML report's colours, and the WCAG contrast arithmetic that keeps them readable.

Every colour the report's CSS and SVG use comes from ``PALETTE``: the stylesheet gets them as CSS
custom properties, the chart gets them as attribute values. ``CONTRAST_PAIRS`` lists every
foreground/background combination the report actually draws with the ratio WCAG 2.x asks for
(4.5 for text, 3 for large text and non-text graphics such as borders, bars and focus rings), so
a unit test can prove the palette meets AA instead of eyeballing it.
"""

from __future__ import annotations

PALETTE: dict[str, str] = {
    "bg": "#ffffff",
    "surface": "#f3f5f7",
    "text": "#1b1f24",
    "muted": "#545d68",
    "border": "#6e7781",
    "rule": "#d0d7de",  # decorative hairlines only: never the sole boundary of a control
    "link": "#0550ae",
    "focus": "#0550ae",
    "mark-bg": "#fff1a6",
    "mark-line": "#7d4e00",
    "error": "#b3122a",
    "error-bg": "#ffebe9",
    "error-text": "#86061d",
    "warning": "#8a5a00",
    "warning-bg": "#fff5c2",
    "warning-text": "#6b4500",
    "info": "#0b62c9",
    "info-bg": "#e2f2ff",
    "info-text": "#0a3069",
    "bar": "#57606a",
    "bar-flagged": "#b3122a",
}

# (foreground, background, minimum ratio, what is drawn) for every pairing the report uses.
CONTRAST_PAIRS: list[tuple[str, str, float, str]] = [
    ("text", "bg", 4.5, "body text"),
    ("text", "surface", 4.5, "text on panels, table headers, even rows"),
    ("muted", "bg", 4.5, "secondary text: line numbers, scores"),
    ("muted", "surface", 4.5, "secondary text on panels"),
    ("link", "bg", 4.5, "links"),
    ("link", "surface", 4.5, "links on panels"),
    ("border", "bg", 3.0, "control borders (checkbox, button)"),
    ("focus", "bg", 3.0, "focus outline"),
    ("focus", "error-bg", 3.0, "focus outline on a flagged row"),
    ("text", "mark-bg", 4.5, "highlighted span text"),
    ("mark-line", "mark-bg", 3.0, "underline that marks a highlighted span"),
    ("error-text", "error-bg", 4.5, "error label and message on a flagged row"),
    ("warning-text", "warning-bg", 4.5, "warning label and message"),
    ("info-text", "info-bg", 4.5, "info label and message"),
    ("text", "error-bg", 4.5, "segment text on an error row"),
    ("text", "warning-bg", 4.5, "segment text on a warning row"),
    ("text", "info-bg", 4.5, "segment text on an info row"),
    ("error", "bg", 3.0, "error row stripe, icon and chart colour"),
    ("warning", "bg", 3.0, "warning row stripe and icon"),
    ("info", "bg", 3.0, "info row stripe and icon"),
    ("error", "bg", 4.5, "error count text in the overview"),
    ("warning", "bg", 4.5, "warning count text in the overview"),
    ("info", "bg", 4.5, "info count text in the overview"),
    ("link", "error-bg", 4.5, "finding permalink on an error row"),
    ("link", "warning-bg", 4.5, "finding permalink on a warning row"),
    ("link", "info-bg", 4.5, "finding permalink on an info row"),
    ("focus", "warning-bg", 3.0, "focus outline on a warning finding"),
    ("focus", "info-bg", 3.0, "focus outline on an info finding"),
    ("muted", "mark-bg", 4.5, "a control-character code inside a highlighted span"),
    ("error-text", "surface", 4.5, "severity badge in a table header"),
    ("warning-text", "surface", 4.5, "severity badge in a table header"),
    ("info-text", "surface", 4.5, "severity badge in a table header"),
    ("error-text", "bg", 4.5, "severity badge on the page"),
    ("warning-text", "bg", 4.5, "severity badge on the page"),
    ("info-text", "bg", 4.5, "severity badge on the page"),
    ("bar", "bg", 3.0, "chart bars"),
    ("bar-flagged", "bg", 3.0, "chart bars of flagged beads"),
]


def _channel(c8: int) -> float:
    c = c8 / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of an sRGB ``#rrggbb`` colour (0 black .. 1 white)."""
    h = hex_colour.lstrip("#")
    if len(h) != 6:
        raise ValueError(f"expected #rrggbb, got {hex_colour!r}")
    r, g, b = (int(h[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def contrast_ratio(fg: str, bg: str) -> float:
    """WCAG contrast ratio (1..21) between two ``#rrggbb`` colours; order does not matter."""
    hi, lo = sorted((relative_luminance(fg), relative_luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def css_variables() -> str:
    """The palette as CSS custom properties, one per line, in a stable order."""
    return "\n".join(f"  --c-{name}: {value};" for name, value in sorted(PALETTE.items()))
