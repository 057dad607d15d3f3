"""Draw a fresh set of real articles (ids only) that no earlier set, gold or training file has used.

Round 2 of the real-article development set and the annotated training set were drawn with this script:

    python scripts/pick_real_articles.py dev2 > eval/real_dev2/articles.txt
    python scripts/pick_real_articles.py train > eval/real_train/articles.txt

round 3 (drawn 2026-12-02, session 5) with `dev3 > eval/real_dev3/articles.txt`, and in session 6 round 4 with
`dev4 > eval/real_dev4/articles.txt` and the second verdict set's articles with
`verdict2 > eval/verdict_cases2/articles.txt`, and a second training draw of ANT multisource copy (wire and site
reporting, which the first training draw lacks) with `train2 > eval/real_train2/articles.txt`. Session 7 drew
round 5 with `dev5 > eval/real_train3/articles.txt` and a third verdict set with
`verdict3 > eval/verdict_cases3/articles.txt`: both measured first (first contact), then read as training data. Session 8 drew round 6 with
`dev6 > eval/real_dev6/articles.txt` and a fourth verdict set with `verdict4 > eval/verdict_cases4/articles.txt`;
session 9 a fifth verdict set with `verdict5 > eval/verdict_cases5/articles.txt`; session 10 round 7 with
`dev7 > eval/real_train4/articles.txt` (measured once, first contact, then read as training data), whose English articles are FNC-1 test bodies (PolNeAR dev being used up),
and a sixth verdict set with `verdict6 > eval/verdict_cases6/articles.txt`; session 11 round 8 with
`dev8 > eval/real_train5/articles.txt`, drawn like round 7 (measured once, first contact, then read as training data);
session 12 round 9 with `dev9 > eval/real_train6/articles.txt`, drawn like round 8, and a seventh verdict set with `verdict7 > eval/verdict_cases7/articles.txt`, the first with English articles
in the store since PolNeAR ran out (FNC-1 test bodies), so English claims about English copy and Arabic claims about it
are measured too; session 13 round 10 with `dev10 > eval/real_train7/articles.txt` and an eighth verdict set with
`verdict8 > eval/verdict_cases8/articles.txt`, both drawn like session 12's; session 14 round 11 with
`dev11 > eval/real_train8/articles.txt` and a ninth verdict set with `verdict9 > eval/verdict_cases9/articles.txt`;
session 15 round 12 with `dev12 > eval/real_train9/articles.txt` and a tenth verdict set with
`verdict10 > eval/verdict_cases10/articles.txt`; session 16 round 13 with `dev13 > eval/real_train10/articles.txt` and
an eleventh with `verdict11 > eval/verdict_cases11/articles.txt`; session 17 round 14 with
`dev14 > eval/real_train11/articles.txt` and a twelfth with `verdict12 > eval/verdict_cases12/articles.txt`; session 18
round 15 with `dev15 > eval/real_train12/articles.txt` and a thirteenth with `verdict13 > eval/verdict_cases13/articles.txt`;
session 19 round 16 with `dev16 > eval/real_train13/articles.txt` and a fourteenth with
`verdict14 > eval/verdict_cases14/articles.txt`; session 20 round 17 with `dev17 > eval/real_train14/articles.txt`
and a fifteenth with `verdict15 > eval/verdict_cases15/articles.txt`; session 21 round 18 with
`dev18 > eval/real_train15/articles.txt` and a sixteenth with `verdict16 > eval/verdict_cases16/articles.txt`;
session 22 round 19 with `dev19 > eval/real_train16/articles.txt` and a seventeenth with
`verdict17 > eval/verdict_cases17/articles.txt`; session 23 round 20 with `dev20 > eval/real_train17/articles.txt`
and an eighteenth with `verdict18 > eval/verdict_cases18/articles.txt`; session 24 round 21 with
`dev21 > eval/real_train18/articles.txt` and a nineteenth with `verdict19 > eval/verdict_cases19/articles.txt`;
session 25 round 22 with `dev22 > eval/real_train19/articles.txt` and a twentieth with
`verdict20 > eval/verdict_cases20/articles.txt`; session 26 round 23 with `dev23 > eval/real_train20/articles.txt`
and a twenty-first with `verdict21 > eval/verdict_cases21/articles.txt`; session 27 round 24 with
`dev24 > eval/real_train21/articles.txt` and a twenty-second with `verdict22 > eval/verdict_cases22/articles.txt`;
session 28 round 25 with `dev25 > eval/real_train22/articles.txt` and a twenty-third with
`verdict23 > eval/verdict_cases23/articles.txt` (FNC-1 bodies up to 12,000 characters: after it about two English
bodies of 600-8,000 characters are left). From session 29 the English articles are the news pages WiCE dev claims
cite, as crawled (bylines, captions, page furniture): round 26 with `dev26 > eval/real_train23/articles.txt` and a
twenty-fourth verdict set with `verdict24 > eval/verdict_cases24/articles.txt`; the same session measured its fixes
on round 27 (`dev27 > eval/real_train25/articles.txt`) and a twenty-fifth verdict set (`verdict25 >
eval/verdict_cases25/articles.txt`). Session 30 drew round 28 with `dev28 > eval/real_train26/articles.txt` and a
twenty-sixth verdict set with `verdict26 > eval/verdict_cases26/articles.txt`, from pages with two reporting verbs,
and measured its fixes on round 29 (`dev29 > eval/real_train27/articles.txt`) and a twenty-seventh verdict set
(`verdict27 > eval/verdict_cases27/articles.txt`). Session 31 drew round 30 with
`dev30 > eval/real_train28/articles.txt` and a twenty-eighth verdict set with
`verdict28 > eval/verdict_cases28/articles.txt`, from pages with one reporting verb or more, and measured its fixes
on round 31 (`dev31 > eval/real_train29/articles.txt`) and a twenty-ninth verdict set
(`verdict29 > eval/verdict_cases29/articles.txt`), which take the last such pages. Session 32 drew round 32 with
`dev32 > eval/real_train30/articles.txt` (FNC-1's last seven bodies, 6,000-12,000 characters) and a thirtieth verdict
set with `verdict30 > eval/verdict_cases30/articles.txt`, whose English articles are FA-KES's (Syrian-war reports
from SANA, Al-Manar, Reuters, Daily Sabah and others, stored without commas: fit for claims against stored evidence,
not for attribution, whose English cues lean on punctuation), and measured its fixes on round 33
(`dev33 > eval/real_train31/articles.txt`, WiCE pages without a reporting verb) and a thirty-first verdict set
(`verdict31 > eval/verdict_cases31/articles.txt`). Session 33 drew round 34 with `dev34 > eval/real_train32/articles.txt`
(WiCE pages without a reporting verb) and a thirty-second verdict set with
`verdict32 > eval/verdict_cases32/articles.txt` (FA-KES beside ANT), and measured its fixes on round 35
(`dev35 > eval/real_train33/articles.txt`) and a thirty-third verdict set (`verdict33 >
eval/verdict_cases33/articles.txt`). Session 34 drew round 36 with `dev36 > eval/real_train34/articles.txt` and a
thirty-fourth verdict set with `verdict34 > eval/verdict_cases34/articles.txt`, and measured its fixes on round 37
(`dev37 > eval/real_train35/articles.txt`) and a thirty-fifth verdict set (`verdict35 >
eval/verdict_cases35/articles.txt`). Session 35 drew round 38 with `dev38 > eval/real_train36/articles.txt` and a
thirty-sixth verdict set with `verdict36 > eval/verdict_cases36/articles.txt`, and measured its fixes on round 39
(`dev39 > eval/real_train37/articles.txt`) and a thirty-seventh verdict set (`verdict37 >
eval/verdict_cases37/articles.txt`). Session 36 drew round 40 with `dev40 > eval/real_train38/articles.txt` and a
thirty-eighth verdict set with `verdict38 > eval/verdict_cases38/articles.txt`, and measured its fixes on round 41
(`dev41 > eval/real_train39/articles.txt`) and a thirty-ninth verdict set (`verdict39 >
eval/verdict_cases39/articles.txt`). Session 37 drew round 42 with `dev42 > eval/real_train40/articles.txt` and a
fortieth verdict set with `verdict40 > eval/verdict_cases40/articles.txt`, and measured its fixes on round 43
(`dev43 > eval/real_train41/articles.txt`) and a forty-first verdict set (`verdict41 >
eval/verdict_cases41/articles.txt`). Session 38 drew round 44 with `dev44 > eval/real_train42/articles.txt` and a
forty-second verdict set with `verdict42 > eval/verdict_cases42/articles.txt`, and measured its fixes on round 45
(`dev45 > eval/real_train43/articles.txt`) and a forty-third verdict set (`verdict43 >
eval/verdict_cases43/articles.txt`). Session 39 drew round 46 with `dev46 > eval/real_train44/articles.txt` and a
forty-fourth verdict set with `verdict44 > eval/verdict_cases44/articles.txt`, and measured its fixes on round 47
(`dev47 > eval/real_train45/articles.txt`) and a forty-fifth verdict set (`verdict45 >
eval/verdict_cases45/articles.txt`). Session 40, with WiCE's pages used up and ANT multisource's nearly, drew from the
Arabic web pages unifiedfc retrieved (many sites, menus and all): round 48 with `dev48 > eval/real_train46/articles.txt`
and a forty-sixth verdict set with `verdict46 > eval/verdict_cases46/articles.txt`, then round 49 with
`dev49 > eval/real_train47/articles.txt` and a forty-seventh verdict set with `verdict47 >
eval/verdict_cases47/articles.txt` (the last of BBC Arabic's), and measured its fixes on round 50 (`dev50 >
eval/real_train48/articles.txt`, JawharaFM articles of ANT v1.1's training half beside the pages) and a forty-eighth
verdict set (`verdict48 > eval/verdict_cases48/articles.txt`). Session 41 drew round 51 (`dev51 >
eval/real_train49/articles.txt`, pages and JawharaFM articles) and a forty-ninth verdict set (`verdict49 >
eval/verdict_cases49/articles.txt`), both measured first on the session's starting code, then round 52 (`dev52 >
eval/real_train50/articles.txt`) and a fiftieth verdict set (`verdict50 > eval/verdict_cases50/articles.txt`) on its
fixes.

ANT v1.1 documents whose md5(DOCNO) ends in 0-b are the stance model's training half: the attribution training set
draws from them, the development set from the other half. Articles of 600-4,000 characters (ANT's up to 6,000 in
the rounds named in `ANT_LONGEST`), so an annotator reads each one whole.
"""
from __future__ import annotations

import csv
import hashlib
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "eval"))
from real_articles import DATA, article_text, fakes_unit_ids, unifiedfc_ids  # noqa: E402

_REPORTING = re.compile(r"\b(said|says|told|according to)\b")
OUTLETS = ("Alarabia", "BBC", "CNN", "France24", "SkyNews")
TRAIN_HEX = set("0123456789ab")


def used_ids() -> set[str]:
    """Every article id or ANT DOCNO named in an earlier set, so no article is drawn twice."""
    used: set[str] = set()
    for listing in (ROOT / "eval").glob("*/articles.txt"):
        used.update(line.strip() for line in listing.read_text(encoding="utf-8").splitlines() if line.strip())
    for path in (ROOT / "eval").rglob("*.jsonl"):
        used.update(re.findall(r"[A-Z]{2,3}-[A-Za-z]+-\d+-\d+", path.read_text(encoding="utf-8")))
    return used


def _fits(article_id: str, longest: int = 4000) -> bool:
    return 600 <= len(article_text(article_id)) <= longest


def _docno_is_train(path: Path) -> bool:
    return hashlib.md5(path.stem.encode("utf-8")).hexdigest()[-1] in TRAIN_HEX


def _draw(candidates: list[str], count: int, used: set[str], rng: random.Random, longest: int = 4000) -> list[str]:
    rng.shuffle(candidates)
    picked: list[str] = []
    for article_id in candidates:
        if len(picked) == count:
            break
        if article_id in used or article_id.rsplit("/", 1)[-1] in used or not _fits(article_id, longest):
            continue
        picked.append(article_id)
    return picked


def antms_ids(outlet: str) -> list[str]:
    root = DATA / "ant_multisource"
    return sorted(f"antms/{p.relative_to(root).with_suffix('').as_posix()}" for p in (root / outlet).rglob("*.txt"))


def antv11_ids(train: bool) -> list[str]:
    root = DATA / "ant_v11"
    return sorted(f"antv11/{p.relative_to(root).with_suffix('').as_posix()}" for p in root.rglob("*.txt")
                  if p.parent != root and _docno_is_train(p) == train)


def polnear_ids() -> list[str]:
    return sorted(f"polnear/{p.stem}" for p in (DATA / "polnear" / "dev" / "text").glob("*.txt"))


def fnc1_ids() -> list[str]:
    with (DATA / "fnc1" / "competition_test_bodies.csv").open(encoding="utf-8", newline="") as handle:
        return sorted(f"fnc1/{row['Body ID']}" for row in csv.DictReader(handle))


def wice_news_ids(reporting_verbs: int = 4) -> list[str]:
    """Pages WiCE dev claims cite that read as news: 1,500-9,000 characters with enough reporting verbs."""
    with (DATA / "wice" / "dev.jsonl").open(encoding="utf-8") as handle:
        claim_ids = [json.loads(line)["meta"]["id"] for line in handle]
    texts = {f"wice/{claim_id}": article_text(f"wice/{claim_id}") for claim_id in claim_ids}
    return sorted(i for i, text in texts.items() if 1500 <= len(text) <= 9000 and len(_REPORTING.findall(text)) >= reporting_verbs)


def fakes_ids() -> list[str]:
    return sorted(f"fakes/{unit_id}" for unit_id in fakes_unit_ids())


def gum_interview_ids() -> list[str]:
    return sorted(f"gum/{p.stem}" for p in (DATA / "gum_attribution" / "dep").glob("GUM_interview_*.conllu"))


# Development rounds: (seed, JawharaFM articles, PolNeAR articles, PolNeAR's longest); each also draws 6 ANT
# multisource articles per outlet. PolNeAR's articles of up to 4,000 characters ran out after round 3, all its
# dev articles in round 6 (GUM's news too, earlier): the fourth verdict set's English claims are cross-language.
DEV_ROUNDS = {"dev2": (20261202, 30, 12, 4000), "dev3": (20261203, 24, 12, 4000),
              "dev4": (20261204, 24, 8, 9000), "verdict2": (20261205, 15, 8, 9000),
              "dev5": (20261207, 24, 6, 9000), "verdict3": (20261208, 15, 6, 12000),
              "dev6": (20261209, 24, 6, 12000), "verdict4": (20261210, 15, 6, 15000),
              "verdict5": (20261211, 15, 6, 15000), "verdict6": (20261214, 15, 6, 15000)}


# Rounds whose English articles are FNC-1 test bodies: (seed, JawharaFM articles, FNC-1 bodies[, longest]). The
# bodies of up to 4,000 characters ran out in round 24, which takes them up to 8,000; verdict set 23 up to 12,000.
FNC1_ROUNDS = {"dev7": (20261212, 18, 12), "dev8": (20261216, 18, 12), "verdict7": (20261218, 9, 8),
               "dev9": (20261220, 18, 12), "verdict8": (20261222, 9, 10), "dev10": (20261224, 18, 12),
               "verdict9": (20261226, 9, 10), "dev11": (20261228, 18, 12),
               "dev12": (20261230, 18, 12), "verdict10": (20261232, 9, 10),
               "dev13": (20261234, 18, 12), "verdict11": (20261236, 9, 10),
               "dev14": (20261238, 18, 12), "verdict12": (20261240, 9, 10),
               "dev15": (20261242, 18, 12), "verdict13": (20261244, 9, 10),
               "dev16": (20261246, 18, 12), "verdict14": (20261248, 9, 10),
               "dev17": (20261250, 18, 12), "verdict15": (20261252, 9, 10),
               "dev18": (20261254, 18, 12), "verdict16": (20261256, 9, 10),
               "dev19": (20261262, 18, 12), "verdict17": (20261264, 9, 10),
               "dev20": (20261266, 18, 12), "verdict18": (20261268, 9, 10),
               "dev21": (20261270, 18, 12), "verdict19": (20261272, 9, 10),
               "dev22": (20261274, 18, 12), "verdict20": (20261276, 9, 10),
               "dev23": (20261278, 18, 12), "verdict21": (20261280, 9, 10),
               "dev24": (20261282, 18, 12, 8000), "verdict22": (20261284, 9, 10, 8000),
               "dev25": (20261286, 18, 12, 8000), "verdict23": (20261288, 9, 10, 12000),
               "dev32": (20261314, 0, 7, 12000)}


# Rounds whose English articles are WiCE's cited news pages (FNC-1's are used up): (seed, WiCE pages[, reporting
# verbs a page needs, 4 unless given]), each beside 6 ANT multisource articles per outlet. Pages with four reporting
# verbs ran out after round 27; from session 30 two are enough, from session 31 (nine such pages left) one; rounds
# dev31 and verdict29 take the last thirteen of those.
WICE_ROUNDS = {"dev26": (20261290, 12), "verdict24": (20261292, 10), "dev27": (20261294, 12),
               "verdict25": (20261296, 10), "dev28": (20261298, 12, 2), "verdict26": (20261300, 10, 2),
               "dev29": (20261302, 12, 2), "verdict27": (20261304, 10, 2), "dev30": (20261306, 12, 1),
               "verdict28": (20261308, 10, 1), "dev31": (20261310, 7, 1), "verdict29": (20261312, 6, 1),
               "dev33": (20261318, 8, 0), "dev34": (20261322, 8, 0),
               "dev35": (20261326, 8, 0), "dev36": (20261330, 8, 0), "dev37": (20261334, 8, 0),
               "dev38": (20261338, 8, 0), "dev39": (20261342, 8, 0),
               "dev40": (20261346, 8, 0), "dev41": (20261350, 8, 0),
               "dev42": (20261354, 8, 0), "dev43": (20261358, 8, 0),
               "dev44": (20261362, 8, 0), "dev45": (20261366, 8, 0),
               "dev46": (20261370, 8, 0), "dev47": (20261374, 8, 0)}


# ANT multisource articles of up to 4,000 characters ran out in session 38 (SkyNews alone had some left): rounds
# named here draw them up to this length; in session 39 those of up to 6,000 had run out at Al Arabiya and CNN Arabic.
ANT_LONGEST = {"dev45": 6000, "verdict43": 6000, "dev46": 8000, "verdict44": 10000, "dev47": 10000,
               "verdict45": 10000, "dev48": 10000, "verdict46": 10000, "dev49": 10000, "verdict47": 10000}


# Verdict sets whose English articles are FA-KES's: (seed, FA-KES articles), beside 6 ANT multisource per outlet.
FAKES_ROUNDS = {"verdict30": (20261316, 10), "verdict31": (20261320, 10), "verdict32": (20261324, 10),
                "verdict33": (20261328, 10), "verdict34": (20261332, 10), "verdict35": (20261336, 10),
                "verdict36": (20261340, 10), "verdict37": (20261344, 10),
                "verdict38": (20261348, 10), "verdict39": (20261352, 10),
                "verdict40": (20261356, 10), "verdict41": (20261360, 10),
                "verdict42": (20261364, 10), "verdict43": (20261368, 10),
                "verdict44": (20261372, 10), "verdict45": (20261376, 10)}


# Rounds drawing the Arabic web pages unifiedfc retrieved (600-4,000 characters): (seed, pages, FA-KES articles[,
# JawharaFM articles of ANT v1.1's training half]), beside what is left of 6 ANT multisource articles per outlet. The
# training half's articles (the stance model's) may measure attribution, whose rules never read them, not verdicts.
UNIFIEDFC_ROUNDS = {"dev48": (20261378, 20, 0), "verdict46": (20261380, 12, 10),
                    "dev49": (20261382, 20, 0), "verdict47": (20261384, 12, 10),
                    "dev50": (20261386, 14, 0, 12), "verdict48": (20261388, 16, 10),
                    "dev51": (20261390, 16, 0, 10), "verdict49": (20261392, 16, 10),
                    "dev52": (20261394, 16, 0, 10), "verdict50": (20261396, 16, 10)}


def main(which: str) -> list[str]:
    used = used_ids()
    if which in DEV_ROUNDS:
        seed, jawhara, polnear, longest = DEV_ROUNDS[which]
        rng = random.Random(seed)
        ids = [i for outlet in OUTLETS for i in _draw(antms_ids(outlet), 6, used, rng)]
        ids += _draw(antv11_ids(train=False), jawhara, used, rng)
        ids += _draw(polnear_ids(), polnear, used, rng, longest)
        return ids
    if which == "train":
        rng = random.Random(1202)
        return _draw(antv11_ids(train=True), 45, used, rng) + _draw(gum_interview_ids(), 8, used, rng)
    if which == "train2":  # wire and site copy to write rules from (read, never used to train a shipped model)
        rng = random.Random(20261206)
        return [i for outlet in OUTLETS for i in _draw(antms_ids(outlet), 7, used, rng)]
    if which in FNC1_ROUNDS:  # English from FNC-1 bodies: PolNeAR dev and GUM news are used up
        seed, jawhara, fnc1, *longest = FNC1_ROUNDS[which]
        rng = random.Random(seed)
        ids = [i for outlet in OUTLETS for i in _draw(antms_ids(outlet), 6, used, rng)]
        return ids + _draw(antv11_ids(train=False), jawhara, used, rng) + _draw(fnc1_ids(), fnc1, used, rng,
                                                                                *longest)
    if which in WICE_ROUNDS:
        seed, pages, *reporting_verbs = WICE_ROUNDS[which]
        rng = random.Random(seed)
        longest = ANT_LONGEST.get(which, 4000)
        ids = [i for outlet in OUTLETS for i in _draw(antms_ids(outlet), 6, used, rng, longest)]
        return ids + _draw(wice_news_ids(*reporting_verbs), pages, used, rng, 9000)  # (the length bound is wice_news_ids' own)
    if which in FAKES_ROUNDS:
        seed, articles = FAKES_ROUNDS[which]
        rng = random.Random(seed)
        longest = ANT_LONGEST.get(which, 4000)
        ids = [i for outlet in OUTLETS for i in _draw(antms_ids(outlet), 6, used, rng, longest)]
        return ids + _draw(fakes_ids(), articles, used, rng, 9000)
    if which in UNIFIEDFC_ROUNDS:
        seed, pages, articles, *jawhara = UNIFIEDFC_ROUNDS[which]
        rng = random.Random(seed)
        ids = [i for outlet in OUTLETS for i in _draw(antms_ids(outlet), 6, used, rng, ANT_LONGEST.get(which, 4000))]
        ids += _draw(antv11_ids(train=True), jawhara[0], used, rng) if jawhara else []
        return ids + _draw(unifiedfc_ids(), pages, used, rng) + _draw(fakes_ids(), articles, used, rng, 9000)
    rounds = [*DEV_ROUNDS, *FNC1_ROUNDS, *WICE_ROUNDS, *FAKES_ROUNDS, *UNIFIEDFC_ROUNDS]
    raise SystemExit(f"usage: pick_real_articles.py {'|'.join(rounds)}|train|train2")


if __name__ == "__main__":
    print("\n".join(main(sys.argv[1] if len(sys.argv) > 1 else "")))
