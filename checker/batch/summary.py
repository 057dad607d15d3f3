"""Who cites whom across a batch: publishing site -> cited outlet, carrier -> original, outlet -> speakers."""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

NO_SITE = "(site not given)"


def read_rows(out: Path, columns: list[str]) -> list[dict[str, Any]]:
    import pyarrow.parquet as pq

    rows: list[dict[str, Any]] = []
    for part in sorted((out / "parts").glob("*.parquet")):
        rows.extend(pq.read_table(part, columns=columns).to_pylist())
    return rows


def who_cites_whom(out: Path, top: int = 20) -> dict[str, Any]:
    """Counts over every claim row written under `out` (so a resumed run summarises the whole batch)."""
    rows = read_rows(out, ["article_id", "site", "outlet_id", "via", "speaker"])
    site_cites: Counter[tuple[str, str]] = Counter()
    carried: Counter[tuple[str, str]] = Counter()
    speakers: dict[str, Counter[str]] = defaultdict(Counter)
    for row in rows:
        outlet = row["outlet_id"]
        if not outlet:
            continue
        site_cites[(row["site"] or NO_SITE, outlet)] += 1
        for carrier in (row["via"] or "").split(","):
            if carrier:
                carried[(carrier, outlet)] += 1
        if row["speaker"]:
            speakers[outlet][row["speaker"]] += 1
    return {
        "articles": len({row["article_id"] for row in rows}),
        "claims": len(rows),
        "claims_with_outlet": sum(site_cites.values()),
        "site_cites_outlet": [{"site": s, "outlet": o, "claims": n} for (s, o), n in site_cites.most_common(top)],
        "carrier_cites_original": [{"carrier": c, "original": o, "claims": n}
                                   for (c, o), n in carried.most_common(top)],
        "speakers_by_outlet": {outlet: [{"speaker": s, "claims": n} for s, n in counts.most_common(5)]
                               for outlet, counts in sorted(speakers.items(), key=lambda kv: -sum(kv[1].values()))[:top]},
    }


def write_summary(out: Path) -> dict[str, Any]:
    summary = who_cites_whom(out)
    (out / "summary.json").write_text(json.dumps(summary, ensure_ascii=False, indent=2), encoding="utf-8")
    return summary


def format_summary(summary: dict[str, Any]) -> str:
    lines = [f"{summary['articles']:,} articles with claims, {summary['claims']:,} claims, "
             f"{summary['claims_with_outlet']:,} citing an outlet", "site -> cited outlet (claims):"]
    lines += [f"  {row['site']} -> {row['outlet']}: {row['claims']}" for row in summary["site_cites_outlet"][:10]]
    if summary["carrier_cites_original"]:
        lines.append("carrier -> original (claims):")
        lines += [f"  {row['carrier']} -> {row['original']}: {row['claims']}"
                  for row in summary["carrier_cites_original"][:10]]
    return "\n".join(lines)
