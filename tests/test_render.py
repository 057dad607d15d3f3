"""The highlighted article: claims coloured by outlet, cues underlined, direction right, markup never run."""
from __future__ import annotations

import html
import re
from dataclasses import replace
from html.parser import HTMLParser

from checker.models import Analysis, Attribution, Claim, Outlet
from checker.pipeline import analyze
from checker.render import (
    NEUTRAL,
    PALETTE,
    highlight_article_html,
    isolate_rtl,
    legend_entries,
    legend_html,
    outlet_colour,
)

AFP = Outlet("afp", "AFP")
REUTERS = Outlet("reuters", "Reuters")

ARABIC = (
    "قصف على المنطقة الخضراء\n\n"
    "قالت وكالة فرانس برس إن خمسة صواريخ سقطت قرب السفارة الأمريكية في بغداد فجر الجمعة. "
    "وأفادت رويترز بأن الهجوم لم يسفر عن إصابات.\n\n"
    "وأكد مسؤول عراقي أن التحقيق جارٍ."
)
ENGLISH = (
    "Rockets hit Baghdad's Green Zone\n\n"
    "Five rockets landed near the US embassy in Baghdad on Friday, AFP reported. "
    "Reuters said nobody was hurt."
)


def claim(text: str, fragment: str, claim_id: str, attribution: Attribution = Attribution()) -> Claim:
    start = text.index(fragment)
    return Claim(id=claim_id, text=fragment, start=start, end=start + len(fragment), sentence_index=0,
                 sentence=fragment, checkworthiness=0.8, attribution=attribution)


def cue(text: str, word: str, outlet: Outlet | None, speaker: str | None = None) -> Attribution:
    start = text.index(word)
    return Attribution(kind="according_to", outlet=outlet, speaker=speaker, cue=word, cue_start=start,
                       cue_end=start + len(word))


def arabic_analysis() -> Analysis:
    first = "خمسة صواريخ سقطت قرب السفارة الأمريكية في بغداد فجر الجمعة"
    second = "الهجوم لم يسفر عن إصابات"
    third = "التحقيق جارٍ"
    claims = (
        claim(ARABIC, first, "c1", cue(ARABIC, "قالت", AFP)),
        claim(ARABIC, second, "c2", cue(ARABIC, "وأفادت", REUTERS)),
        claim(ARABIC, third, "c3", cue(ARABIC, "وأكد", None, "مسؤول عراقي")),
    )
    return Analysis(text=ARABIC, language="ar", sentences=(), claims=claims, non_claims=())


class _Collector(HTMLParser):
    """Checks the markup is balanced and collects the visible text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "br":
            self.text.append("\n")
        else:
            self.open.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.open and self.open[-1] == tag, f"</{tag}> closes {self.open[-1:]}"
        self.open.pop()
        if tag == "p":
            self.text.append("\n\n")

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(markup: str) -> _Collector:
    collector = _Collector()
    collector.feed(markup)
    collector.close()
    assert collector.open == [], f"unclosed tags: {collector.open}"
    return collector


def marks_text(markup: str) -> dict[str, str]:
    """claim id -> the text highlighted for it (joined over its pieces)."""
    found: dict[str, str] = {}
    for ids, body in re.findall(r'<mark class="claim" data-claims="([^"]*)"[^>]*>(.*?)</mark>', markup):
        plain = html.unescape(re.sub(r"<[^>]+>", "", body))
        for claim_id in ids.split():
            found[claim_id] = found.get(claim_id, "") + plain
    return found


def test_arabic_article_is_right_to_left_with_arabic_fonts_and_one_paragraph_per_block() -> None:
    markup = highlight_article_html(arabic_analysis())
    assert markup.startswith('<div class="checker-article" dir="rtl" lang="ar"')
    assert "Noto Naskh Arabic" in markup and "Amiri" in markup
    assert "unicode-bidi:plaintext" in markup
    assert markup.count('<p dir="auto"') == 3
    collected = parse(markup)
    assert "".join(collected.text).strip() == ARABIC


def test_english_article_is_left_to_right() -> None:
    analysis = analyze(ENGLISH)
    markup = highlight_article_html(analysis)
    assert 'dir="ltr"' in markup.split(">", 1)[0]
    assert "".join(parse(markup).text).strip() == ENGLISH


def test_each_claim_is_marked_in_its_outlets_colour_and_the_cue_underlined() -> None:
    markup = highlight_article_html(arabic_analysis())
    highlighted = marks_text(markup)
    assert highlighted["c1"] == "خمسة صواريخ سقطت قرب السفارة الأمريكية في بغداد فجر الجمعة"
    assert highlighted["c2"] == "الهجوم لم يسفر عن إصابات"
    assert f"background:{PALETTE[0]}" in markup  # AFP, cited first
    assert f"background:{PALETTE[1]}" in markup  # Reuters
    c3 = re.search(r'<mark class="claim" data-claims="c3"[^>]*>', markup).group(0)
    assert f"background:{NEUTRAL}" in c3 and "مسؤول عراقي" in c3
    for word in ("قالت", "وأفادت", "وأكد"):
        assert f">{word}</u>" in markup


def test_hostile_text_in_the_article_and_in_a_claim_shows_as_text() -> None:
    text = 'Officials said <script>alert(1)</script> was posted "by <b onmouseover=x>AFP</b>".\n\nSecond & last.'
    hostile = claim(text, "<script>alert(1)</script>", "c1",
                    Attribution(kind="indirect", outlet=Outlet('x" onmouseover="alert(2)', "<img src=x>"),
                                speaker="<i>me</i>"))
    analysis = Analysis(text=text, language="en", sentences=(), claims=(hostile,), non_claims=())
    markup = highlight_article_html(analysis, colours={'x" onmouseover="alert(2)': "red;background:url(x)"})
    assert "<script" not in markup and "<b " not in markup and "<img" not in markup and "<i>" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    assert 'onmouseover="' not in markup
    assert "url(x)" not in markup
    assert "".join(parse(markup).text).strip() == text
    assert "&lt;img src=x&gt;" in legend_html(analysis)


def test_overlapping_claims_keep_the_markup_balanced_and_the_text_whole() -> None:
    text = "Reuters said five rockets hit the embassy and two landed in the river, AFP reported."
    outer = claim(text, "five rockets hit the embassy and two landed in the river", "c1",
                  cue(text, "said", REUTERS))
    inner = claim(text, "two landed in the river, AFP", "c2", cue(text, "reported", AFP))
    analysis = Analysis(text=text, language="en", sentences=(), claims=(outer, inner), non_claims=())
    markup = highlight_article_html(analysis)
    collected = parse(markup)
    assert "".join(collected.text).strip() == text
    highlighted = marks_text(markup)
    assert highlighted["c1"] == "five rockets hit the embassy and two landed in the river"
    assert highlighted["c2"] == "two landed in the river, AFP"
    both = [attrs for tag, attrs in collected.tags if tag == "mark" and attrs["data-claims"] == "c1 c2"]
    assert both and f"background:{PALETTE[1]}" in both[0]["style"]


def test_spans_outside_the_text_are_ignored_rather_than_breaking_the_page() -> None:
    text = "Five rockets hit the embassy."
    broken = Claim(id="c1", text="x", start=20, end=999, sentence_index=0, sentence="x", checkworthiness=0.5,
                   attribution=Attribution(kind="indirect", cue="x", cue_start=-4, cue_end=2))
    markup = highlight_article_html(Analysis(text, "en", (), (broken,), ()))
    assert "<mark" not in markup and "<u" not in markup
    assert "".join(parse(markup).text).strip() == text


def test_selected_claim_is_outlined_and_others_are_not() -> None:
    markup = highlight_article_html(arabic_analysis(), selected="c2")
    outlined = re.findall(r'data-claims="([^"]*)"[^>]*outline:2px', markup)
    assert outlined == ["c2"]


def test_outlet_colours_are_stable_and_overridable() -> None:
    assert outlet_colour("afp") == outlet_colour("afp") in PALETTE
    assert outlet_colour(None) == NEUTRAL
    assert len({outlet_colour(o) for o in ("afp", "reuters", "newsweek", "israel-hayom", "aljazeera")}) >= 4
    markup = highlight_article_html(arabic_analysis(), colours={"afp": "#123456"})
    assert "background:#123456" in markup


def test_corrected_attributions_recolour_the_claim() -> None:
    analysis = arabic_analysis()
    corrected = {"c3": Attribution(kind="indirect", outlet=REUTERS, speaker="مسؤول عراقي")}
    markup = highlight_article_html(analysis, attributions=corrected)
    c3 = re.search(r'<mark class="claim" data-claims="c3"[^>]*>', markup).group(0)
    assert f"background:{PALETTE[1]}" in c3  # Reuters, as in its own claim


def test_legend_lists_each_outlet_once_with_unattributed_last() -> None:
    entries = legend_entries(arabic_analysis())
    assert [(e.outlet_id, e.name, e.claims) for e in entries] == [
        ("afp", "AFP", 1), ("reuters", "Reuters", 1), (None, "no outlet cited", 1)]
    assert [e.colour for e in entries] == [PALETTE[0], PALETTE[1], NEUTRAL]


def test_two_outlets_of_one_article_never_share_a_colour() -> None:
    # crc32 put Reuters and Newsweek (and BBC and Al Jazeera) on the same colour.
    outlets = [Outlet(i, n) for i, n in (("reuters", "Reuters"), ("newsweek", "Newsweek"), ("bbc", "BBC"),
                                         ("aljazeera", "Al Jazeera"))]
    text = " ".join(f"Claim number {n} was reported." for n in range(len(outlets)))
    claims = []
    for n, outlet in enumerate(outlets):
        start = text.index(f"Claim number {n}")
        end = start + len(f"Claim number {n} was reported.")
        claims.append(Claim(id=f"c{n}", text=text[start:end], start=start, end=end, sentence_index=n,
                            sentence=text[start:end], checkworthiness=0.5,
                            attribution=Attribution(kind="according_to", outlet=outlet)))
    analysis = Analysis(text=text, language="en", sentences=(), claims=tuple(claims), non_claims=())
    markup = highlight_article_html(analysis)
    colours = re.findall(r'data-claims="c\d"[^>]*background:(#[0-9a-f]{6})', markup)
    assert len(colours) == 4 and len(set(colours)) == 4
    assert [e.colour for e in legend_entries(analysis)] == colours


def test_arabic_inside_an_english_line_is_isolated() -> None:
    line = "contradicted: Reuters (2023-12-08) reports «قتل 3 جنود في الهجوم», the claim says 2"
    isolated = isolate_rtl(line)
    assert '<bdi dir="rtl">قتل 3 جنود في الهجوم</bdi>' in isolated
    assert isolated.startswith("contradicted: Reuters (2023-12-08) reports «")
    assert isolate_rtl("<b>x</b>") == "&lt;b&gt;x&lt;/b&gt;"


def test_the_outlet_and_speaker_names_are_bold_where_the_text_gives_them() -> None:
    analysis = arabic_analysis()
    outlet_at = ARABIC.index("وكالة فرانس برس")
    speaker_at = ARABIC.index("مسؤول عراقي")
    first, second, third = analysis.claims
    first = replace(first, attribution=replace(first.attribution, outlet_start=outlet_at, outlet_end=outlet_at + 15))
    third = replace(third, attribution=replace(third.attribution, speaker_start=speaker_at,
                                               speaker_end=speaker_at + 11))
    markup = highlight_article_html(Analysis(ARABIC, "ar", (), (first, second, third), ()))
    assert re.findall(r'<b class="source"[^>]*>([^<]*)</b>', markup) == ["وكالة فرانس برس", "مسؤول عراقي"]
    assert "".join(parse(markup).text).strip() == ARABIC


def test_a_claim_and_a_cue_over_a_paragraph_break_are_marked_in_both_paragraphs() -> None:
    text = ARABIC
    across = claim(text, "لم يسفر عن إصابات.\n\nوأكد مسؤول", "c9", cue(text, "إصابات.\n\nوأكد", AFP))
    later = claim(text, "التحقيق جارٍ", "c1", cue(text, "وأكد", None, "مسؤول عراقي"))
    first = claim(text, "خمسة صواريخ", "c2", cue(text, "قالت", REUTERS))
    analysis = Analysis(text=text, language="ar", sentences=(), claims=(across, later, first), non_claims=())
    markup = highlight_article_html(analysis)
    assert "".join(parse(markup).text).strip() == text
    paragraphs = re.findall(r"<p .*?</p>", markup)
    assert [p.count('data-claims="c9"') > 0 for p in paragraphs] == [False, True, True]
    assert marks_text(markup) == {"c9": "لم يسفر عن إصابات.وأكد مسؤول", "c1": "التحقيق جارٍ", "c2": "خمسة صواريخ"}
    assert [html.unescape(re.sub(r"<[^>]+>", "", u)) for u in re.findall(r'<u class="cue"[^>]*>(.*?)</u>', markup)] == [
        "قالت", "إصابات.", "وأكد"]
