"""The article as safe HTML with its claims highlighted by cited outlet.

Every character of the article passes through `html.escape`: a pasted page
may contain markup, and the reviewer must see it as text, never run it.
Styles are inline so the fragment looks the same in Streamlit, in the HTML
export and in a browser's print view.
"""
from __future__ import annotations

import html
import re
import zlib
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Iterable, Mapping

from checker.models import Analysis, Attribution, Claim

# Light, clearly different hues, given to the outlets of an article in order of first citation, so two
# outlets of one article never share a colour (up to twelve; then the palette repeats). Dark text stays
# readable on every one of them (contrast >= 7:1 with #111).
PALETTE = (
    "#ffd966", "#9fd3ff", "#a8e6a1", "#ffb3c7", "#d4c2ff", "#ffc48a",
    "#8fe3d6", "#e3f08a", "#f2a7a7", "#b8c9ff", "#efbcef", "#c9b99a",
)
NEUTRAL = "#e4e4e4"
FONT_STACK = '"Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "Segoe UI", Tahoma, sans-serif'
RTL_LANGUAGES = frozenset({"ar", "fa", "ur", "he"})
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_RTL = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff"
# A run of right-to-left words, with the digits, spaces and punctuation between them.
_RTL_RUN = re.compile(rf"[{_RTL}](?:[{_RTL}\s\d٠-٩.,،؛:%\-–—\"'()«»]*[{_RTL}])?")
MARK_STYLES = {"match": "background:#c8efc4;color:#0b3d0b", "conflict": "background:#ffd0cc;color:#5c0b05",
               "name": "background:#dde6ff;color:#0d2a66"}


@dataclass(frozen=True)
class LegendEntry:
    """One outlet in the colour key; `outlet_id` None stands for claims with no cited outlet."""

    outlet_id: str | None
    name: str
    colour: str
    claims: int


def outlet_colour(outlet_id: str | None) -> str:
    """A colour for an outlet seen outside any article (stable across sessions: crc32, not hash())."""
    if not outlet_id:
        return NEUTRAL
    return PALETTE[zlib.crc32(outlet_id.encode("utf-8")) % len(PALETTE)]


def outlet_colours(analysis: Analysis, attributions: Mapping[str, Attribution] | None = None) -> dict[str, str]:
    """Each cited outlet's colour in this article: the palette in order of first citation, never shared
    by two outlets while the palette lasts."""
    colours: dict[str, str] = {}
    for claim in sorted(analysis.claims, key=lambda c: c.start):
        outlet = _attribution(claim, attributions).outlet
        if outlet is not None and outlet.id not in colours:
            colours[outlet.id] = PALETTE[len(colours) % len(PALETTE)]
    return colours


def isolate_rtl(text: str) -> str:
    """Escaped text with each right-to-left run in a <bdi>, so Arabic inside an English line keeps its order."""
    pieces, last = [], 0
    for match in _RTL_RUN.finditer(text):
        pieces.append(html.escape(text[last:match.start()]))
        pieces.append(f'<bdi dir="rtl">{html.escape(match.group(0))}</bdi>')
        last = match.end()
    pieces.append(html.escape(text[last:]))
    return "".join(pieces)


def marked_html(text: str, spans: Iterable[tuple[int, int, str]], *, language: str | None = None) -> str:
    """A passage in its own direction with spans marked ("match", "conflict", "name"); all text escaped."""
    pieces, last = [], 0
    for start, end, kind in sorted(s for s in spans if 0 <= s[0] < s[1] <= len(text)):
        if start < last:
            continue
        pieces.append(html.escape(text[last:start]))
        label = {"match": "same in both", "conflict": "differs", "name": "named in both"}.get(kind, kind)
        pieces.append(f'<mark class="{html.escape(kind)}" title="{label}" style="{MARK_STYLES.get(kind, "")};'
                      f'padding:0 2px;border-radius:2px">{html.escape(text[start:end])}</mark>')
        last = end
    pieces.append(html.escape(text[last:]))
    lang = f' lang="{html.escape(language)}"' if language else ""
    return (f'<div class="checker-passage" dir="auto"{lang} style="font-family:{html.escape(FONT_STACK)};'
            f'unicode-bidi:plaintext;text-align:start;line-height:1.8">{"".join(pieces)}</div>')


def direction(language: str) -> str:
    return "rtl" if language in RTL_LANGUAGES else "ltr"


def legend_entries(analysis: Analysis, *, colours: Mapping[str, str] | None = None,
                   attributions: Mapping[str, Attribution] | None = None) -> list[LegendEntry]:
    """Outlets cited by the claims in order of first appearance, unattributed claims last."""
    counts: dict[str | None, int] = {}
    names: dict[str | None, str] = {None: "no outlet cited"}
    for claim in analysis.claims:
        outlet = _attribution(claim, attributions).outlet
        key = outlet.id if outlet else None
        counts[key] = counts.get(key, 0) + 1
        if outlet:
            names.setdefault(key, outlet.name)
    ordered = [key for key in counts if key is not None] + ([None] if None in counts else [])
    chosen = {**outlet_colours(analysis, attributions), **(colours or {})}
    return [LegendEntry(key, names[key], _colour(key, chosen), counts[key]) for key in ordered]


def legend_html(analysis: Analysis, *, colours: Mapping[str, str] | None = None,
                attributions: Mapping[str, Attribution] | None = None) -> str:
    """A row of colour swatches naming each outlet, to show beside the highlighted article."""
    items = "".join(
        f'<span style="display:inline-block;margin:0 .6em .3em 0;unicode-bidi:plaintext">'
        f'<span style="background:{html.escape(entry.colour)};padding:0 .7em;border-radius:3px;'
        f'margin-inline-end:.3em">&nbsp;</span>{html.escape(entry.name)} ({entry.claims})</span>'
        for entry in legend_entries(analysis, colours=colours, attributions=attributions)
    )
    dir_ = direction(analysis.language)
    return f'<div class="checker-legend" dir="{dir_}" style="font-family:{html.escape(FONT_STACK)}">{items}</div>'


def highlight_article_html(analysis: Analysis, *, colours: Mapping[str, str] | None = None,
                           selected: str | None = None,
                           attributions: Mapping[str, Attribution] | None = None) -> str:
    """The article, one `<p dir="auto">` per paragraph, each claim a `<mark>` in its outlet's colour.

    `colours` overrides the palette per outlet id; `selected` is a claim id to outline;
    `attributions` (claim id -> Attribution) shows the reviewer's corrected links instead of the machine's.
    Where claims overlap, the text carries the later-starting (innermost) claim's colour and lists both ids.
    """
    text = analysis.text
    colours = {**outlet_colours(analysis, attributions), **(colours or {})}
    claims = [c for c in analysis.claims if 0 <= c.start < c.end <= len(text)]
    links = [_attribution(c, attributions) for c in claims]
    layout = _Layout(
        claims,
        cues=_valid_spans(((a.cue_start, a.cue_end) for a in links), len(text)),
        sources=_valid_spans(((a.outlet_start, a.outlet_end) for a in links), len(text))
        + _valid_spans(((a.speaker_start, a.speaker_end) for a in links), len(text)),
    )
    paragraphs = "".join(
        _paragraph_html(text, start, end, layout, colours, selected, attributions)
        for start, end in _paragraph_ranges(text)
    )
    dir_ = direction(analysis.language)
    lang = html.escape(analysis.language if analysis.language != "und" else "")
    return (
        f'<div class="checker-article" dir="{dir_}" lang="{lang}" style="font-family:{html.escape(FONT_STACK)};'
        f'line-height:1.9;unicode-bidi:plaintext;text-align:start">{paragraphs}</div>'
    )


def _paragraph_ranges(text: str) -> Iterable[tuple[int, int]]:
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if match.start() > start:
            yield start, match.start()
        start = match.end()
    if text[start:].strip():
        yield start, len(text.rstrip())


class _Layout:
    """Where the claims, cue words (underlined) and outlet/speaker names (bold) sit, for reading the text's pieces
    in order: a piece's claims come from a sweep and its spans from bisection, not from a scan of every claim per
    paragraph and per piece (issue 13: that made an article of 44,000 claims an hour of HTML export).

    Every claim and span boundary inside a paragraph cuts it, so a piece starting at `left` lies inside an item
    exactly when the item starts at or before `left` and ends after it.
    """

    def __init__(self, claims: list[Claim], cues: list[tuple[int, int]], sources: list[tuple[int, int]]) -> None:
        self.claims = claims
        self.points = sorted({p for c in claims for p in (c.start, c.end)}
                             | {p for span in (*cues, *sources) for p in span})
        self.cues = (sorted(a for a, _ in cues), sorted(b for _, b in cues))
        self.sources = (sorted(a for a, _ in sources), sorted(b for _, b in sources))
        self._by_start = sorted(range(len(claims)), key=lambda i: claims[i].start)
        self._next = 0
        self._open: list[int] = []

    def bounds(self, start: int, end: int) -> list[int]:
        """`start`, every boundary strictly inside the paragraph, `end`."""
        return [start, *self.points[bisect_right(self.points, start):bisect_left(self.points, end)], end]

    def covering(self, left: int) -> list[Claim]:
        """The claims over the piece starting at `left`, in the analysis's order; `left` only grows."""
        while self._next < len(self._by_start) and self.claims[self._by_start[self._next]].start <= left:
            self._open.append(self._by_start[self._next])
            self._next += 1
        self._open = [i for i in self._open if self.claims[i].end > left]
        return [self.claims[i] for i in sorted(self._open)]

    @staticmethod
    def inside(spans: tuple[list[int], list[int]], left: int) -> bool:
        starts, ends = spans
        return bisect_right(starts, left) > bisect_right(ends, left)


def _paragraph_html(text: str, start: int, end: int, layout: _Layout, colours: Mapping[str, str] | None,
                    selected: str | None, attributions: Mapping[str, Attribution] | None) -> str:
    bounds = layout.bounds(start, end)
    pieces: list[str] = []
    for left, right in zip(bounds, bounds[1:]):
        covering = layout.covering(left)
        body = html.escape(text[left:right]).replace("\n", "<br>")
        if layout.inside(layout.sources, left):
            body = f'<b class="source" style="font-weight:700">{body}</b>'
        if layout.inside(layout.cues, left):
            body = f'<u class="cue" style="text-decoration-thickness:2px;text-underline-offset:3px">{body}</u>'
        pieces.append(_mark(body, covering, colours, selected, attributions) if covering else body)
    return f'<p dir="auto" style="unicode-bidi:plaintext;margin:0 0 .9em 0">{"".join(pieces)}</p>'


def _mark(body: str, covering: list[Claim], colours: Mapping[str, str] | None, selected: str | None,
          attributions: Mapping[str, Attribution] | None) -> str:
    innermost = max(covering, key=lambda c: (c.start, -c.end))
    attribution = _attribution(innermost, attributions)
    outlet = attribution.outlet
    colour = _colour(outlet.id if outlet else None, colours)
    ids = " ".join(c.id for c in covering)
    title = " · ".join(p for p in (innermost.id, outlet.name if outlet else None, attribution.speaker) if p)
    chosen = selected and any(c.id == selected for c in covering)
    outline = "outline:2px solid #1b4f9c;outline-offset:1px;" if chosen else ""
    current = ' aria-current="true"' if chosen else ""
    return (
        f'<mark class="claim" data-claims="{html.escape(ids)}"{current} tabindex="0" '
        f'title="{html.escape(title)}" '
        f'style="background:{html.escape(colour)};color:#111;padding:0 1px;border-radius:2px;cursor:pointer;'
        f'{outline}">{body}</mark>'
    )


def _attribution(claim: Claim, attributions: Mapping[str, Attribution] | None) -> Attribution:
    return (attributions or {}).get(claim.id, claim.attribution)


def _valid_spans(pairs: Iterable[tuple[int | None, int | None]], length: int) -> list[tuple[int, int]]:
    """Spans that lie inside the text; a stale or missing offset is skipped, never an error."""
    return [(start, end) for start, end in pairs
            if start is not None and end is not None and 0 <= start < end <= length]


def _colour(outlet_id: str | None, colours: Mapping[str, str] | None) -> str:
    chosen = (colours or {}).get(outlet_id or "")
    return chosen if chosen and _is_css_colour(chosen) else outlet_colour(outlet_id)


def _is_css_colour(value: str) -> bool:
    """Caller colours go into a style attribute: allow only plain colour tokens."""
    return re.fullmatch(r"#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}|rgba?\([\d\s.,%]+\)", value) is not None
