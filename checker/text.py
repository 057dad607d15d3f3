"""Bytes or pasted text -> the one string every later offset points into.

Files arrive in whatever encoding the newsroom's system used (UTF-8, UTF-16 from
Word, Windows-1256 from older Arabic sites) and sometimes as a saved web page.
Everything is turned into plain text here, once, so claims and highlights agree.
"""
from __future__ import annotations

import codecs
import html
import re
from dataclasses import dataclass

from checker.config import get_settings
from checker.errors import InputError

_BINARY_SIGNATURES = {
    b"%PDF": "PDF document",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive (or a .docx/.xlsx file)",
    b"\x1f\x8b": "gzip archive",
    b"\xd0\xcf\x11\xe0": "Office document",
    b"\x7fELF": "program",
    b"MZ\x90\x00": "Windows program",
    b"SQLite format 3": "SQLite database",
}
_HTML_HINT = re.compile(
    r"<!doctype\s+html|<html[\s>]|<body[\s>]|<head[\s>]|<(?:p|div|article|span|br|h[1-6]|section|a|li|script|meta)\b[^<>]*>",
    re.IGNORECASE,
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# Tag patterns stop at the next "<": an attempt from each of a million "<p" never rescans the rest of the page.
_BLOCK_TAGS = re.compile(r"<\s*/?\s*(?:p|div|br|h[1-6]|li|tr|article|section|header|footer|blockquote|figcaption)\b"
                         r"[^<>]*>", re.IGNORECASE)
_DROP_OPENER = re.compile(r"<(script|style|noscript|template|svg|iframe)\b", re.IGNORECASE)
_TAG = re.compile(r"<[^<>]{0,2000}>")
_MANY_BLANK_LINES = re.compile(r"\n[ \t]*\n(?:[ \t]*\n)+")
# A web page is mostly markup: it may be this many times the article limit before its text is extracted (every
# extraction step is linear), and the extracted text is then held to the limit itself.
MARKUP_FACTOR = 20
# ... but never more than this (the fetcher's 10 MiB body limit), so a page's extraction stays a few seconds.
MAX_PAGE_CHARS = 10_000_000
_CHARSET = re.compile(rb"<meta[^>]{0,200}charset\s*=\s*[\"']?([A-Za-z0-9_\-]{2,40})", re.IGNORECASE)


@dataclass(frozen=True)
class DecodedText:
    """Bytes read as text, the encoding that was used, and what a person should know about it."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode_text(data: bytes, name: str = "the input", limit: int | None = None) -> DecodedText:
    """Bytes of a text file -> text, for `analyze` and for evidence alike (one function, so both accept and
    refuse the same files): binary refused, a BOM or UTF-16 obeyed, UTF-8 kept even with a few damaged bytes
    (a file cut inside a letter), a legacy code page only when the bytes are not UTF-8 at all.

    `limit` bounds the characters read (default: `page_limit()`, room for a saved page)."""
    limit = limit or page_limit()
    if not data:
        raise InputError(f"{name} is empty: paste or give an article to analyse")
    if not data.strip():
        raise InputError(f"{name} contains only whitespace: paste or give an article to analyse")
    kind = _binary_kind(data)
    if kind:
        raise InputError(f"{name} looks like a binary file ({kind}), not text: save the article as .txt or .html")
    if len(data) > 4 * limit:
        raise InputError(f"{name} is too long ({len(data):,} bytes); the limit is {limit:,} characters "
                         f"({_PAGE_SETTING} for a web page): analyse it in parts")
    decoded = _decode(data, limit)
    controls = len(_CONTROL.findall(decoded.text))
    if controls > max(8, len(decoded.text) // 100):
        raise InputError(f"{name} looks like a binary file (it is full of control characters), not text")
    return decoded


_PAGE_SETTING = f"CHECKER_MAX_INPUT_CHARS times {MARKUP_FACTOR}, at most {MAX_PAGE_CHARS:,}"


def page_limit() -> int:
    """Characters a web page (or any file) may have before its text is extracted."""
    return min(get_settings().max_input_chars * MARKUP_FACTOR, MAX_PAGE_CHARS)


def decode_input(data: bytes) -> str:
    """The article text of a file or stdin: decoded, HTML reduced to its text, size checked."""
    return clean_text(decode_text(data).text)


def clean_text(text: str) -> str:
    """Pasted text -> analysed text: newlines normalised, HTML extracted, size and content checked."""
    limit = get_settings().max_input_chars
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if _looks_like_html(text):
        _check_size(len(text), page_limit(), "web page")
        text = extract_html_text(text)
    _check_size(len(text), limit)
    if _CONTROL.search(text):
        if len(_CONTROL.findall(text)) > max(8, len(text) // 100):
            raise InputError("the input looks like a binary file (it is full of control characters), not text")
        text = _CONTROL.sub(" ", text)
    if not text.strip():
        raise InputError("the input has no text to analyse (it is empty or whitespace only)")
    return text


def extract_html_text(markup: str) -> str:
    """The article body of a web page; trafilatura when it finds one, else the page without tags."""
    try:
        import trafilatura  # heavy: only loaded for HTML

        extracted = trafilatura.extract(markup, include_comments=False, include_tables=False, favor_precision=True)
    except Exception:  # a broken page must still give its text, never a traceback
        extracted = None
    text = extracted if extracted and extracted.strip() else _strip_tags(markup)
    return text.replace("\r\n", "\n").replace("\r", "\n").strip()


def _strip_tags(markup: str) -> str:
    """The page without tags, in time linear in its length (an unclosed "<!--" or "<script" is not a trap)."""
    text = _drop_elements(_drop_comments(markup))
    text = _BLOCK_TAGS.sub("\n\n", text)
    text = html.unescape(_TAG.sub(" ", text))
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n"))
    return _MANY_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _drop_comments(markup: str) -> str:
    """Comments out; an unclosed "<!--" is left to the tag pattern (its page text stays), and no later one can
    close, so the page is scanned once."""
    parts: list[str] = []
    position = 0
    while True:
        start = markup.find("<!--", position)
        end = markup.find("-->", start + 4) if start != -1 else -1
        if end == -1:
            parts.append(markup[position:])
            return " ".join(parts)
        parts.append(markup[position:start])
        position = end + 3


def _drop_elements(markup: str) -> str:
    """<script>, <style> and the like with their content; an element never closed keeps its content and stops
    the search for its name, so each name's closing tag is searched for past any point at most once."""
    lowered = markup.lower()
    parts: list[str] = []
    position = 0
    unclosed: set[str] = set()
    for opener in _DROP_OPENER.finditer(markup):
        name = opener.group(1).lower()
        if opener.start() < position or name in unclosed:
            continue
        close = re.compile(rf"</{name}\s*>").search(lowered, opener.end())
        if close is None:
            unclosed.add(name)
            continue
        parts.append(markup[position:opener.start()])
        position = close.end()
    parts.append(markup[position:])
    return " ".join(parts)


def _looks_like_html(text: str) -> bool:
    """A few real tags, not one `<` in a sentence about 'x < y'."""
    head = text[:20000]
    if re.match(r"\s*<(?:!doctype|html)", head, re.IGNORECASE):
        return True
    return len(_HTML_HINT.findall(head)) >= 3


def _check_size(chars: int, limit: int, what: str = "text") -> None:
    if chars > limit:
        setting = _PAGE_SETTING if what == "web page" else "CHECKER_MAX_INPUT_CHARS"
        raise InputError(f"the {what} is too long ({chars:,} characters); the limit is {limit:,} characters "
                         f"({setting}): analyse it in parts")


def _binary_kind(data: bytes) -> str | None:
    for signature, kind in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            return kind
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or _utf16_without_bom(data):
        return None
    sample = data[:8192]
    if b"\x00" in sample:
        return "it contains NUL bytes"
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the high bytes of the start are NUL or one script's block.

    Text in UTF-16 has a few distinct high bytes (0x00 for ASCII, 0x06 for Arabic);
    binary data does not.
    """
    sample = data[:4096]
    sample = sample[: len(sample) - len(sample) % 2]
    if len(sample) < 4:
        return None
    for name, high in (("utf-16-le", sample[1::2]), ("utf-16-be", sample[0::2])):
        counts = sorted((high.count(value) for value in set(high)), reverse=True)
        if high.count(0) and sum(counts[:2]) / len(high) >= 0.95 and _decodes(sample, name):
            return name
    return None


def _decodes(sample: bytes, encoding: str) -> bool:
    try:
        text = sample.decode(encoding)
    except UnicodeDecodeError:
        return False
    return not _CONTROL.search(text)


def _decode(data: bytes, limit: int) -> DecodedText:
    if data.startswith(b"\xef\xbb\xbf"):
        return _utf8(data[3:], "utf-8-sig")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return DecodedText(data.decode("utf-16", errors="replace"), "utf-16")
    utf16 = _utf16_without_bom(data)
    if utf16:
        return DecodedText(data.decode(utf16, errors="replace"), utf16)
    try:
        return DecodedText(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    if _mostly_utf8(data):
        return _utf8(data, "utf-8")
    _check_size(len(data), limit)  # legacy encodings take about one byte a character
    declared = _declared_charset(data)
    if declared:
        return DecodedText(data.decode(declared, errors="replace"), declared)
    return _decode_legacy(data)


def _utf8(data: bytes, encoding: str) -> DecodedText:
    """UTF-8 with any damaged byte shown as U+FFFD, and a warning that counts them."""
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    if not damaged:
        return DecodedText(text, encoding)
    return DecodedText(text, encoding, (f"{damaged} damaged byte sequence{'s' if damaged > 1 else ''} in the UTF-8 "
                                        "text (a file cut inside a letter?) shown as \ufffd; the rest is read as is",))


def _mostly_utf8(data: bytes) -> bool:
    """Well-formed multi-byte sequences far outnumber broken ones: UTF-8 with a few damaged bytes.
    Windows-1256 Arabic almost never forms a valid sequence (its letters are lead bytes without continuations)."""
    text = data.decode("utf-8", errors="replace")
    damaged = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    well_formed = sum(1 for ch in text if ord(ch) > 0x7F) - damaged
    return well_formed >= 20 * damaged


def _declared_charset(data: bytes) -> str | None:
    """A saved web page says its encoding (<meta charset=windows-1256>); trust it when Python knows it."""
    found = _CHARSET.search(data[:4096])
    if not found:
        return None
    try:
        return codecs.lookup(found.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _decode_legacy(data: bytes) -> DecodedText:
    """Windows-1256 first (Arabic newsrooms), else whatever charset-normalizer recognises."""
    if _mostly_arabic_cp1256(data):
        return DecodedText(data.decode("cp1256", errors="replace"), "cp1256")
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise InputError("the input's character encoding could not be recognised: save it as UTF-8 text")
    return DecodedText(data.decode(best.encoding, errors="replace"), best.encoding)


def _mostly_arabic_cp1256(data: bytes) -> bool:
    """Arabic news in Windows-1256 decodes to mostly Arabic letters; charset guesses sometimes say cp1252."""
    try:
        text = data[:20000].decode("cp1256")
    except UnicodeDecodeError:
        return False
    letters = [ch for ch in text if ch.isalpha()]
    arabic = sum("\u0600" <= ch <= "\u06ff" for ch in letters)
    return bool(letters) and arabic / len(letters) > 0.5
