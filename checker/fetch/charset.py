"""Which text encoding a page's bytes are in: a BOM, the header, a <meta> tag, then detection.

Arabic pages are often windows-1256, and a short Arabic text fits Cyrillic code pages as well,
so a tie in detection goes to windows-1256.
"""
from __future__ import annotations

import codecs
import re

import charset_normalizer

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def decode_body(body: bytes, content_type: str = "") -> str:
    """Charset from a BOM, the header, a <meta> tag, then detection: Arabic pages are often windows-1256."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body.decode(encoding, errors="replace")
    for label in (_header_charset(content_type), _meta_charset(body)):
        decoded = _try_decode(body, label)
        if decoded is not None:
            return decoded
    matches = charset_normalizer.from_bytes(body)
    best = matches.best()
    if best is None:
        return body.decode("utf-8", errors="replace")
    # A short Arabic text fits Cyrillic code pages as well; a tie goes to windows-1256, Arabic news sites' legacy.
    arabic = next((m for m in matches if m.encoding == "cp1256" and m.chaos <= best.chaos), None)
    return str(arabic or best)


def _header_charset(content_type: str) -> str | None:
    match = re.search(r"charset\s*=\s*[\"']?([^\s;\"']+)", content_type, re.IGNORECASE)
    return match.group(1) if match else None


def _meta_charset(body: bytes) -> str | None:
    match = _META_CHARSET.search(body[:8192])
    return match.group(1).decode("ascii", errors="ignore") if match else None


def _try_decode(body: bytes, label: str | None) -> str | None:
    if not label:
        return None
    try:
        return body.decode(codecs.lookup(label).name)
    except (LookupError, UnicodeDecodeError):
        return None
