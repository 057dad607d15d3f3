"""Real articles from ../shared/eval/data, read in place and turned into the text a user would paste.

Gold files in eval/ refer to articles by id and to sentences by character offsets into this text, so the
articles themselves never enter the repository. Ids:

    antms/<Outlet>/<category>/<DOCNO>   ANT v2.1 multisource (Al Arabiya, BBC, CNN, France 24, Sky News)
    antv11/<category>/<DOCNO>          ANT v1.1 (JawharaFM)
    gum/<document>                     GUM news and interviews (Wikinews), rebuilt from the UD sentences
    polnear/<stem>                     PolNeAR dev text
    fnc1/<Body ID>                     FNC-1 test article bodies (English news; evaluation only)
    wice/<meta id>                     the web page a WiCE dev claim cites (English; evaluation only)
    fakes/<unit_id>                    a FA-KES article (English, Syrian war; the set stores it without commas or
                                       paragraph breaks; evaluation only)
    unifiedfc/<claim id>/<n>           the n-th web page retrieved for an unifiedfc claim (Arabic pages of many sites,
                                       with their menus; the set stores them tokenised, which `_untokenised` undoes;
                                       evaluation only)

    python eval/real_articles.py OUT_DIR ID...      writes OUT_DIR/<id with / as __>.txt for each id
"""
from __future__ import annotations

import csv
import html
import json
import re
import sys
from functools import cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "data"
_FIELD = re.compile(r"<(TITLE|TEXT|URL|SRC)>\s*(.*?)\s*</\1>", re.S)
_WICE_HEADING = re.compile(r"^#+(?:\s+|$)")  # markdown heading marks, not "#1" or a hashtag


def _ant(path: Path) -> str:
    """Title, a blank line, then the body: what a reader copies from the page."""
    raw = path.read_text(encoding="utf-8", errors="replace")
    fields = {name: html.unescape(value.strip()) for name, value in _FIELD.findall(raw)}
    body = "\n".join(line.strip() for line in fields.get("TEXT", "").splitlines() if line.strip())
    return f"{fields.get('TITLE', '').strip()}\n\n{body}\n"


def _gum(name: str) -> str:
    """Sentences joined by spaces; a '# newpar' starts a new paragraph."""
    paragraphs: list[list[str]] = []
    for line in (DATA / "gum_attribution" / "dep" / f"{name}.conllu").read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar") and not line.startswith("# newpar_block"):
            paragraphs.append([])
        elif line.startswith("# text = "):
            if not paragraphs:
                paragraphs.append([])
            paragraphs[-1].append(line[len("# text = "):])
    return "\n\n".join(" ".join(p) for p in paragraphs if p) + "\n"


def _fnc1(body_id: str) -> str:
    """The article body as FNC-1 stores it (paragraphs already on their own lines)."""
    with (DATA / "fnc1" / "competition_test_bodies.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["Body ID"] == body_id:
                return row["articleBody"].strip() + "\n"
    raise ValueError(f"no FNC-1 body {body_id!r}")


@cache
def _wice_pages() -> dict[str, list[str]]:
    """Every WiCE dev claim's cited page, as its lines, read once."""
    with (DATA / "wice" / "dev.jsonl").open(encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    return {row["meta"]["id"]: row["evidence"] for row in rows}


def _wice(claim_id: str) -> str:
    """The cited page as a reader copies it: its lines in order, without the crawler's meta lines or '#' marks."""
    if claim_id not in _wice_pages():
        raise ValueError(f"no WiCE claim {claim_id!r}")
    lines = [_WICE_HEADING.sub("", s) for s in _wice_pages()[claim_id] if not s.startswith("(meta data)")]
    return "\n".join(lines).strip() + "\n"


@cache
def _fakes_rows() -> dict[str, dict[str, str]]:
    """FA-KES's rows by unit id (the file is latin-1 with CRLF), read once."""
    with (DATA / "fakes" / "fakes.csv").open(encoding="latin-1", newline="") as handle:
        return {row["unit_id"]: row for row in csv.DictReader(handle)}


def fakes_unit_ids() -> list[str]:
    """Every FA-KES article's unit id."""
    return list(_fakes_rows())


def fakes_row(unit_id: str) -> dict[str, str]:
    """One FA-KES row: its article, its outlet's short name ("sana", "reuters") and its date ("7/29/15")."""
    if unit_id not in _fakes_rows():
        raise ValueError(f"no FA-KES article {unit_id!r}")
    return _fakes_rows()[unit_id]


def _fakes(unit_id: str) -> str:
    """The article as FA-KES stores it: one paragraph, the page's date and title run into the body."""
    return fakes_row(unit_id)["article_content"].strip() + "\n"


@cache
def _unifiedfc_claim(claim_id: str) -> dict:
    path = DATA / "unifiedfc" / "dataset" / f"{claim_id}.json"
    if not path.is_file():
        raise ValueError(f"no unifiedfc claim {claim_id!r}")
    return json.loads(path.read_text(encoding="utf-8"))


def unifiedfc_ids() -> list[str]:
    """Every unifiedfc page, once: a page retrieved for several claims is named by its first claim."""
    seen: set[str] = set()
    ids = []
    for path in sorted((DATA / "unifiedfc" / "dataset").glob("*.json")):
        for number, url in enumerate(_unifiedfc_claim(path.stem)["url"]):
            if url not in seen:
                seen.add(url)
                ids.append(f"unifiedfc/{path.stem}/{number}")
    return ids


def _unifiedfc_page(rest: str) -> tuple[str, str]:
    """The page's stored text and its address."""
    claim_id, _, number = rest.partition("/")
    claim = _unifiedfc_claim(claim_id)
    if not number.isdigit() or int(number) >= len(claim["article"]):
        raise ValueError(f"no unifiedfc page {rest!r}")
    return claim["article"][int(number)], claim["url"][int(number)]


_SPLIT_ALIF = re.compile(r"(?<=[\u0621-\u064a]) ا(?=\s|$)")  # the tokeniser cut the alif of tanween: «تعادل ا»
_SPLIT_IN_NUMBER = re.compile(r"(?<=\d) ([:/.,]) (?=\d)")  # «12 : 48», «2018 / 01 / 21»
_REPEATED_MARK = re.compile(r"([.!?؟])(?: \1)+")  # «. . .», «! ! !»
_SPACE_BEFORE_MARK = re.compile(r" +([,.:;!?،؛؟)\]])")
_SPACE_AFTER_OPENER = re.compile(r"([(\[]) +")


def _untokenised_line(line: str) -> str:
    line = _SPLIT_ALIF.sub("ا", line)
    line = _SPLIT_IN_NUMBER.sub(r"\1", line)
    line = _REPEATED_MARK.sub(lambda found: found.group().replace(" ", ""), line)
    if line.count('"') % 2 == 0:  # balanced quotes: the words inside close up to them
        parts = line.split('"')
        line = '"'.join(part.strip() if index % 2 else part for index, part in enumerate(parts))
    line = _SPACE_BEFORE_MARK.sub(r"\1", line)
    return _SPACE_AFTER_OPENER.sub(r"\1", line)


def _untokenised(text: str) -> str:
    """The page as it read before the set's tokeniser put spaces around every mark (a reader pastes that)."""
    return "\n".join(_untokenised_line(line.strip()) for line in text.splitlines() if line.strip()) + "\n"


def source_url(article_id: str) -> str | None:
    """The article's own address (ANT files and unifiedfc pages carry it), for outlet look-alikes decided by domain."""
    kind, _, rest = article_id.partition("/")
    if kind == "unifiedfc":
        return _unifiedfc_page(rest)[1]
    if kind not in {"antms", "antv11"}:
        return None
    folder = "ant_multisource" if kind == "antms" else "ant_v11"
    raw = (DATA / folder / f"{rest}.txt").read_text(encoding="utf-8", errors="replace")
    match = re.search(r"<URL>\s*(.*?)\s*</URL>", raw, re.S)
    return match.group(1) if match else None


def article_text(article_id: str) -> str:
    kind, _, rest = article_id.partition("/")
    if kind == "antms":
        return _ant(DATA / "ant_multisource" / f"{rest}.txt")
    if kind == "antv11":
        return _ant(DATA / "ant_v11" / f"{rest}.txt")
    if kind == "gum":
        return _gum(rest)
    if kind == "polnear":
        return (DATA / "polnear" / "dev" / "text" / f"{rest}.txt").read_text(encoding="utf-8")
    if kind == "fnc1":
        return _fnc1(rest)
    if kind == "wice":
        return _wice(rest)
    if kind == "fakes":
        return _fakes(rest)
    if kind == "unifiedfc":
        return _untokenised(_unifiedfc_page(rest)[0])
    raise ValueError(f"unknown article id {article_id!r}: expected antms/, antv11/, gum/, polnear/, fnc1/, wice/, "
                     "fakes/ or unifiedfc/")


def file_name(article_id: str) -> str:
    return article_id.replace("/", "__")


def materialise(article_ids: list[str], out_dir: Path) -> dict[str, Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = {}
    for article_id in article_ids:
        path = out_dir / f"{file_name(article_id)}.txt"
        path.write_text(article_text(article_id), encoding="utf-8")
        paths[article_id] = path
    return paths


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    for article_id, path in materialise(sys.argv[2:], Path(sys.argv[1])).items():
        print(path)
