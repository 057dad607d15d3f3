"""The outlet registry: every spelling of an outlet finds it; ordinary words do not; look-alikes follow the story."""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass

import pytest
import sqlite_utils

from checker.errors import InputError
from checker.outlets import KINDS, OutletContext, load_registry, parse_registry, read_registry_data

# The national news agency of every Arab League state, Iran, Turkey and Israel (Israel has no state agency: TPS
# is its wire; the Comoros have none since the 1980s: HZK-Presse is the islands' agency).
NATIONAL_AGENCIES = {
    "SA": "spa", "AE": "wam", "QA": "qna", "KW": "kuna", "BH": "bna", "OM": "ona", "YE": "saba", "IQ": "ina",
    "SY": "sana", "LB": "nna", "JO": "petra", "PS": "wafa", "EG": "mena", "SD": "suna", "LY": "lana", "TN": "tap",
    "DZ": "aps", "MA": "map", "MR": "ami", "SO": "sonna", "DJ": "adi", "KM": "hzk-presse", "IR": "irna",
    "TR": "anadolu", "IL": "tps",
}


def ids_in(text: str, **context: object) -> list[str]:
    return [outlet.id for outlet, _, _ in load_registry().find_in(text, **context)]  # type: ignore[arg-type]


def test_registry_has_500_outlets_of_known_kinds_and_countries() -> None:
    entries = load_registry().entries()
    assert len(entries) >= 500
    assert {e.kind for e in entries} <= KINDS
    assert all(e.country and len(e.country) == 2 for e in entries)
    kinds = Counter(e.kind for e in entries)
    assert kinds["wire"] >= 60 and kinds["newspaper"] >= 150 and kinds["tv"] >= 80 and kinds["fact-checker"] >= 20
    assert sum(1 for e in entries if e.name_ar) >= 500


@pytest.mark.parametrize(("country", "agency"), sorted(NATIONAL_AGENCIES.items()))
def test_every_arab_league_state_iran_turkey_and_israel_has_its_national_agency(country: str, agency: str) -> None:
    entry = load_registry().entry(agency)
    assert entry is not None and entry.kind == "wire" and entry.country == country
    assert entry.name_ar and entry.domains or country == "KM"


def test_every_arab_country_has_papers_or_broadcasters() -> None:
    by_country = Counter(e.country for e in load_registry().entries() if e.kind != "wire")
    for country in NATIONAL_AGENCIES:
        assert by_country[country] >= (2 if country in {"SO", "DJ", "KM"} else 8), country


@pytest.mark.parametrize(("name", "outlet_id"), [
    ("فرانس برس", "afp"), ("وكالة الصحافة الفرنسية", "afp"), ("Agence France-Presse", "afp"), ("AFP", "afp"),
    ("إسرائيل اليوم", "israel-hayom"), ("يسرائيل هيوم", "israel-hayom"), ("اسرائيل اليوم", "israel-hayom"),
    ("صحيفة “إسرائيل اليوم”", "israel-hayom"), ("هآرتس", "haaretz"), ("هارتس", "haaretz"), ("واينت", "yedioth"),
    ("the New York Times", "nyt"), ("روسيا اليوم", "rt"), ("سي إن إن", "cnn"), ("تسنيم", "tasnim"),
    # national agencies by full name, without hamza, and by their abbreviations
    ("وكالة الأنباء السعودية", "spa"), ("وكالة الانباء السعودية", "spa"), ("واس", "spa"), ("SPA", "spa"),
    ("قنا", "qna"), ("وام", "wam"), ("سانا", "sana"), ("واج", "aps"), ("وكالة الأنباء الجزائرية", "aps"),
    ("بترا", "petra"), ("ومع", "map"), ("وكالة المغرب العربي للأنباء", "map"), ("كونا", "kuna"), ("بنا", "bna"),
    ("وكالة الأنباء العمانية", "ona"), ("العمانية", "ona"), ("سبأ", "saba"), ("وكالة الأنباء العراقية", "ina"),
    ("الوكالة الوطنية للإعلام", "nna"), ("وفا", "wafa"), ("أ ش أ", "mena"), ("سونا", "suna"), ("وات", "tap"),
    ("لانا", "lana"), ("الوكالة الموريتانية للأنباء", "ami"), ("إرنا", "irna"), ("فارس", "fars"), ("مهر", "mehr"),
    ("إسنا", "isna"), ("الأناضول", "anadolu"), ("TRT", "trt"), ("Demirören News Agency", "dha"), ("IHA", "iha"),
    ("د ب أ", "dpa"), ("تاس", "tass"), ("شينخوا", "xinhua"), ("يونهاب", "yonhap"), ("Press Trust of India", "pti"),
    # papers, broadcasters and sites across the region
    ("الشرق الاوسط", "asharq-al-awsat"), ("الشرق الأوسط", "asharq-al-awsat"), ("اليوم السابع", "youm7"),
    ("المصري اليوم", "al-masry-al-youm"), ("مدى مصر", "mada-masr"), ("الشروق المصرية", "shorouk-news"),
    ("موزاييك إف إم", "mosaique-fm"), ("Mosaïque FM", "mosaique-fm"), ("جوهرة اف ام", "jawhara-fm"),
    ("الحوار التونسي", "el-hiwar-ettounsi"), ("Business News", "business-news-tn"), ("هسبريس", "hespress"),
    ("الشروق الجزائرية", "echorouk"), ("Le Matin du Sahara", "le-matin-ma"), ("عكاظ", "okaz"), ("سبق", "sabq"),
    ("الإمارات اليوم", "emarat-al-youm"), ("Gulf News", "gulf-news"), ("القبس", "al-qabas"), ("عمون", "ammon-news"),
    ("المدن", "al-modon"), ("إل بي سي آي", "lbci"), ("عنب بلدي", "enab-baladi"), ("السومرية نيوز", "al-sumaria"),
    ("Kurdistan 24", "kurdistan-24"), ("Channel 14", "channel-14"), ("إذاعة الجيش الإسرائيلي", "army-radio"),
    ("i24NEWS", "i24news"), ("Yedioth Ahronoth", "yedioth"), ("Sözcü", "sozcu"), ("Tehran Times", "tehran-times"),
    # fact-checkers, by the names their ClaimReview verdicts carry
    ("مسبار", "misbar"), ("فتبينوا", "fatabyyano"), ("في ميزان فرانس برس", "afp-fact-check"), ("يوب يوب", "yoopyup"),
    ("Maharat News", "maharat-news"), ("أخبار ميتر", "akhbar-meter"), ("منصة فالصو", "falso"), ("مبادرة أنير", "annir"),
    ("أريج", "arij"), ("منصة تأكد", "verify-sy"), ("متصدقش", "matsada2sh"), ("كاشف", "kashif"), ("تيقن", "tayqan"),
])
def test_find_any_spelling(name: str, outlet_id: str) -> None:
    found = load_registry().find(name)
    assert found is not None and found.id == outlet_id and found.known


def test_find_unknown_name_is_none() -> None:
    assert load_registry().find("Kurdistan Chronicle") is None


def test_find_in_gives_spans_without_clitics() -> None:
    text = "وقال مسؤول لوكالة “فرانس برس” إن 3 صواريخ سقطت، ووفق رويترز فإن الإنذار انطلق. Newsweek, citing AP, said so."
    found = [(o.id, text[s:e]) for o, s, e in load_registry().find_in(text)]
    assert found == [("afp", "فرانس برس"), ("reuters", "رويترز"), ("newsweek", "Newsweek"), ("ap", "AP")]


@pytest.mark.parametrize(("text", "expected"), [
    ("وقالت وكالة الأنباء السعودية (واس) إن", [("spa", "وكالة الأنباء السعودية"), ("spa", "واس")]),
    ("الدوحة (قنا) - أعلنت", [("qna", "قنا")]),
    ("ونقلت وكالة الانباء الكويتية «كونا» عن", [("kuna", "وكالة الانباء الكويتية"), ("kuna", "كونا")]),
    ("وأفادت للشرق الأوسط مصادر", [("asharq-al-awsat", "لشرق الأوسط")]),
    ("وقال مصدر لصحيفة الشرق الاوسط إن", [("asharq-al-awsat", "الشرق الاوسط")]),
    ("in Haaretz's report and Reuters' count", [("haaretz", "Haaretz"), ("reuters", "Reuters")]),
    ("Al Jazeera's correspondent and Fars News' report", [("al-jazeera", "Al Jazeera"), ("fars", "Fars News")]),
    ("L’Orient-Le Jour reported", [("l-orient-le-jour", "L’Orient-Le Jour")]),
    ("تونس (وات) - قالت", [("tap", "وات")]),
    ("الجزائر (واج) - ", [("aps", "واج")]),
    # A name split by quotation marks, as Tunisian sites write their own radio.
    ('وقال لمراسل الجوهرة "اف ام" إن', [("jawhara-fm", 'الجوهرة "اف ام')]),
    ('في تصريح لـ "الجوهرة أف أم" إن', [("jawhara-fm", "الجوهرة أف أم")]),
    # "وكالة الأنباء" is an agency, not the Kuwaiti paper Al Anba; the agency's quoted name decides.
    ('وبحسب تقرير لوكالة الأنباء الرسمية "وات"، قررت', [("tap", "وات")]),
])
def test_find_in_abbreviations_and_variants(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(o.id, text[s:e]) for o, s, e in load_registry().find_in(text)] == expected


@pytest.mark.parametrize("text", [
    "At this time, 12 people were killed.", "The times have changed.", "An AP-style rule.",
    "ارتفعت الأسعار في الوطن العربي.", "استمر القصف طوال النهار.", "بثت الأخبار المحلية الخبر.",
    "كان الجيش قد أعلن.", "روسيا اليوم تعلن التعبئة.", "He ran to the hill.",
    # very common words that are also papers need an outlet word, quotes or a dateline, never a cue alone
    "ووفق البيان الصادر عن الوزارة، فإن", "بحسب الدستور، يحق للرئيس", "وقالت اليوم إن", "حسبما سبق أن أعلن",
    "وذكرت الحياة اليومية في غزة", "ووفق المصدر فإن", "the National Security Agency said", "a new TV series",
    "مركز الأهرام للدراسات السياسية والاستراتيجية", "in Times Square on Monday", "مركز الجزيرة للدراسات",
    "وصلت إلى الرياض أمس", "لقطات CCTV أظهرت", "ذكرت «الفجر الجديد» أن", "The National reported",
    "researchers at the National and Kapodistrian University", "Sports Business News reported", "within the EPA",
    "كيم جونغ أون يحضر", "ومع التوسع في التجارة", "مخزون كافي من المستلزمات", "على إثر ذلك", "قناة دبي المائية",
    "حكومة الوحدة الوطنية الليبية", "جمهورية مصر العربية", "نيكاي يرتفع لأعلى مستوى", "لقاح سبوتنيك في",
    "معرض الأهرام للمنتجات الحرفية", "طلبات للحصول على مليار جرعة من لقاح \"سبوتنيك\"",
])
def test_ordinary_words_are_not_outlets(text: str) -> None:
    assert ids_in(text) == []


@pytest.mark.parametrize(("text", "outlet_id"), [
    ("ذكرت صحيفة الوطن أن", "al-watan"), ("نقلت صحيفة “النهار” عن", "an-nahar"), ("Time magazine reported", "time"),
    ("told The Times on Monday", "the-times"), ("WASHINGTON (AP) — Officials", "ap"), ("قناة روسيا اليوم", "rt"),
    ("According to the AP, 3 died", "ap"), ("وقالت قناة الجزيرة", "al-jazeera"), ("ذكرت صحيفة البيان", "al-bayan"),
    ("ونشرت «الدستور» الأردنية", "addustour"), ("(الفرنسية)", "afp"), ("ونقلت جريدة الرياض عن", "al-riyadh"),
    ("وقال مسؤول عسكري للجزيرة إن", "al-jazeera"), ("وأكد مصدر للحدث أن", "al-hadath"), ("وقال للعربية: ", "al-arabiya"),
    ("The National newspaper reported", "the-national"), ("told Abu Dhabi's daily The National", "the-national"),
])
def test_ambiguous_aliases_with_context(text: str, outlet_id: str) -> None:
    assert ids_in(text) == [outlet_id]


@pytest.mark.parametrize(("text", "context", "outlet_id"), [
    ("the Times reported", {}, "the-times"),
    ("the Times reported", {"story": ("nyt",)}, "nyt"),
    ("the Times reported", {"url": "https://www.latimes.com/world/story/2024-01-01/x"}, "los-angeles-times"),
    ("the Times reported", {"story": ("reuters", "times-of-israel")}, "times-of-israel"),
    ("ذكرت صحيفة الوطن أن", {}, "al-watan"),
    ("ذكرت صحيفة الوطن أن", {"url": "https://www.alwatan.com.sa/article/1"}, "al-watan-sa"),
    ("ذكرت صحيفة الوطن أن", {"url": "https://www.enabbaladi.net/123"}, "al-watan-sy"),
    ("ذكرت صحيفة الوطن أن", {"story": ("qna", "al-watan-qa")}, "al-watan-qa"),
    ("وقالت قناة الجزيرة", {"url": "https://www.al-jazirah.com/2024/x"}, "al-jazirah"),
    ("وقالت قناة الجزيرة", {"story": ("spa",)}, "al-jazeera"),
    ("وقالت صحيفة الجزيرة", {"url": "https://sabq.org/x"}, "al-jazirah"),
    ("وذكرت قناة الحياة", {}, "al-hayat-tv"), ("وذكرت صحيفة الحياة", {}, "al-hayat"),
    ("ونقلت صحيفة الشروق عن", {"url": "https://www.mosaiquefm.net/ar/x"}, "alchourouk"),
    ("ونقلت صحيفة الشروق عن", {"story": ("aps",), "url": "https://www.ennaharonline.com/x"}, "echorouk"),
])
def test_look_alike_names_are_decided_by_the_story(text: str, context: dict[str, object], outlet_id: str) -> None:
    assert ids_in(text, **context) == [outlet_id]


def test_story_ids_and_resolve_by_name() -> None:
    registry = load_registry()
    story = "The New York Times first reported the talks. Later, the Times said Reuters had confirmed them."
    ids = registry.story_ids(story)
    assert ids == ("nyt", "reuters")
    assert [o.id for o, _, _ in registry.find_in(story, story=ids)] == ["nyt", "nyt", "reuters"]
    assert registry.resolve("the Times", story=ids).id == "nyt"
    assert registry.resolve("the Times").id == "the-times"
    assert registry.resolve("الوطن", url="alwatan.com.sa").id == "al-watan-sa"
    assert registry.story_ids("", url="https://www.youm7.com/story/1") == ("youm7",)


@pytest.mark.parametrize(("url", "outlet_id"), [
    ("https://www.aljazeera.net/news/2024/1/1/x", "al-jazeera"), ("https://factcheckarabic.afp.com/doc.afp.com.X", "afp-fact-check"),
    ("https://www.afp.com/ar/news", "afp"), ("http://m.youm7.com/story/2024/1/1/x", "youm7"), ("aawsat.com", "asharq-al-awsat"),
    ("https://www.spa.gov.sa/w123", "spa"), ("https://www.mosaiquefm.net/ar/x", "mosaique-fm"), ("https://www.misbar.com/factcheck/x", "misbar"),
    ("https://www.elwatannews.com/news/details/1", "al-watan"), ("https://www.ynetnews.com/article/x", "yedioth"),
    ("https://www.haaretz.co.il/news/x", "haaretz"), ("HTTPS://WWW.REUTERS.COM/world/", "reuters"),
])
def test_by_domain(url: str, outlet_id: str) -> None:
    found = load_registry().by_domain(url)
    assert found is not None and found.id == outlet_id


def test_by_domain_unknown_or_look_alike_host_is_none() -> None:
    registry = load_registry()
    assert registry.by_domain("https://example.org/news") is None
    assert registry.by_domain("https://notaljazeera.net/x") is None
    assert registry.by_domain("") is None


@pytest.mark.parametrize(("text", "head", "name", "kind", "outlet_id"), [
    ("وذكرت وكالة الأنباء الموريتانية أن", "وكالة الأنباء الموريتانية", "وكالة الأنباء الموريتانية", "wire", "ami"),
    ("وذكرت وكالة الأنباء الرسمية أن", "وكالة الأنباء الرسمية", "وكالة الأنباء الرسمية", "wire", None),
    ("وقالت وكالة سند للأنباء إن", "وكالة سند للأنباء", "سند", "wire", None),
    ("في لقاء مع قناة دبي الفضائية حول", "قناة دبي الفضائية", "دبي", "tv", "dubai-tv"),
    ("بعد تجسس صحيفة ميرور على هاتفه", "صحيفة ميرور", "ميرور", "newspaper", "daily-mirror"),
    ("لشبكة CNBC يوم الثلاثاء", "شبكة CNBC", "CNBC", "tv", "cnbc"),
    ("في مقابلة للقناة ١٢ الإسرائيلية", "قناة ١٢", "١٢", "tv", "channel-12"),
    ("وقالت قناة تولو نيوز الأفغانية", "قناة تولو نيوز", "تولو نيوز", "tv", "tolonews"),
    ("وقال مسؤول لصحيفة «الفجر الجديد» إن", "صحيفة «الفجر الجديد»", "الفجر الجديد", "newspaper", None),
    ("ونقلت صحيفة لوباريزيان الفرنسية عن", "صحيفة لوباريزيان", "لوباريزيان", "newspaper", "le-parisien"),
    ("وأفادت قناة الشرق نيوز بأن", "قناة الشرق نيوز", "الشرق نيوز", "tv", None),
    ("وقال موقع إيلاف الإخباري", "موقع إيلاف الإخباري", "إيلاف", "site", "elaph"),
    ("وقالت قناة العهد إن", "قناة العهد", "العهد", "tv", "al-ahd-tv"),
    ("وقال مصدر لموقع زوايا الإخباري إن", "موقع زوايا الإخباري", "زوايا", "site", None),
    ("وقال مسؤول لقناة أبابيل إن", "قناة أبابيل", "أبابيل", "tv", None),
    ("قالت إذاعة موزاييك إف إم", "إذاعة موزاييك إف إم", "موزاييك إف إم", "radio", "mosaique-fm"),
    ("وكالة أنباء فارس المقربة من الحرس", "وكالة أنباء فارس", "وكالة أنباء فارس", "wire", "fars"),
    ("the Kurdistan Chronicle newspaper reported", "Kurdistan Chronicle newspaper", "Kurdistan Chronicle", "newspaper", None),
    ("Iran's semi-official Tasnim news agency", "Tasnim news agency", "Tasnim", "wire", "tasnim"),
    ("the daily Le Parisien said", "daily Le Parisien", "Le Parisien", "newspaper", "le-parisien"),
    ("near the border with Turkey Firat news agency said", "Firat news agency", "Firat", "wire", "anf"),
    ("The Daesh-linked Aamaq news agency claimed", "Aamaq news agency", "Aamaq", "wire", "amaq"),
    ("into Syria on Sunday the Dogan news agency reported", "Dogan news agency", "Dogan", "wire", "dha"),
    ("contacts inside Syria. State news agency SANA confirmed", "news agency SANA", "SANA", "wire", "sana"),
])
def test_outlet_heads_with_known_and_unknown_names(text: str, head: str, name: str, kind: str,
                                                   outlet_id: str | None) -> None:
    (found,) = load_registry().heads_in(text)
    assert (text[found.start:found.end], text[found.name_start:found.name_end], found.kind) == (head, name, kind)
    assert found.outlet.known == (outlet_id is not None) and (outlet_id is None or found.outlet.id == outlet_id)


@pytest.mark.parametrize("text", [
    "وصل إلى موقع الانفجار", "عبرت السفينة قناة السويس", "قالت وكالة الطاقة الذرية", "وذكرت صحيفة إسرائيلية أن",
    "انقطعت شبكة الكهرباء", "told the newspaper", "The agency said", "نشر على موقع فيسبوك", "قالت قناة محلية",
    "وصلت السفينة إلى قناة السويس", "وقال موقع الحادث", "وذكرت وكالة الطاقة الذرية أن",
    "تعتذر عن إذاعة موسيقى لفاجنر", "عقد لبناء محطة لشبكة السكك الحديدية", "إنجاز 2400 صحيفة سوابق",
    "وجبات ساخنة يومية للمعاقين", "زيارة موقع الإلكتروني",
    "speaking to the Saudi daily", "This newspaper has received", "The Iraqi State television reported",
    "غلاف مجلة شهيرة للموضة", "صحيفة ألمانية تحوّل مظاهرة", "حاول أب بيع ابنه على موقع Craigslist",
    "an interview with Danish broadcaster", "ترجمة الكتاب للعربية", "قال إن زيارته للجزيرة العربية كانت", "the holy month of Ramadan. State television aired", "A television channel", "يستعرض موقع http://FIFA.com أبرز", "باستخدام موقع \"زوم\" للمزيد",
])
def test_words_that_are_not_outlet_heads(text: str) -> None:
    assert load_registry().heads_in(text) == []


@dataclass
class StoredRow:
    id: str
    name: str
    aliases: tuple[str, ...]
    kind: str | None = "site"
    country: str | None = "IQ"


def test_with_extra_adds_reviewer_outlets_and_aliases() -> None:
    base = load_registry()
    extended = base.with_extra([StoredRow("erbil-star", "Erbil Star", ("نجمة أربيل",)),
                                StoredRow("afp", "AFP", ("الفرنسية للأنباء",))])
    assert extended.find("نجمة أربيل").id == "erbil-star"
    assert [o.id for o, _, _ in extended.find_in("وقال مصدر لقناة نجمة أربيل إن")] == ["erbil-star"]
    assert extended.find("الفرنسية للأنباء").id == "afp" and extended.get("afp").name == base.get("afp").name
    assert base.find("نجمة أربيل") is None
    assert len(extended.entries()) == len(base.entries()) + 1
    assert extended.by_domain("aljazeera.net").id == "al-jazeera"


def test_a_stored_spelling_that_clashes_never_stops_an_analysis() -> None:
    extended = load_registry().with_extra([StoredRow("erbil-star", "Erbil Star", ("رويترز", "نجمة أربيل"))])
    assert extended.find("نجمة أربيل").id == "erbil-star"
    assert [o.id for o, _, _ in extended.find_in("وقالت رويترز إن")] == ["reuters"]


def test_shipped_data_has_unique_ids_and_domains() -> None:
    data = read_registry_data()
    ids = [o["id"] for o in data["outlet"]]
    assert len(ids) == len(set(ids))
    domains = [d for o in data["outlet"] for d in o.get("domains", ())]
    assert len(domains) == len(set(domains))


def outlet(**fields: object) -> dict[str, object]:
    return {"id": "x", "name": "X", "aliases": ["X"], **fields}


@pytest.mark.parametrize(("data", "message"), [
    ({"outlet": [{"name": "No id"}]}, "needs an id and a name"),
    ({"outlet": [outlet(ambiguous=["Y"])]}, "not among its aliases"),
    ({"outlet": [outlet(strict=["Y"])]}, "not among its aliases"),
    ({"outlet": [outlet(kind="blog")]}, "kind 'blog'"),
    ({"outlet": [outlet(country="Egypt")]}, "two-letter ISO code"),
    ({"outlet": [outlet(domains=["https://x.com/news"])]}, "bare domains"),
    ({"outlet": [outlet(programs=["Y"])]}, r"unknown keys \['programs'\]"),
    ({"outlet": [outlet(), {"id": "y", "name": "Y", "aliases": ["X"]}]}, "names both 'x' and 'y'"),
    ({"outlet": [outlet()], "lookalike": [{"names": ["X"], "outlets": ["x", "nobody"]}]}, "unknown outlet ids"),
])
def test_bad_registry_data_is_a_clear_error(data: dict[str, object], message: str) -> None:
    with pytest.raises(InputError, match=message):
        parse_registry(data, OutletContext((), ()))


def test_a_journalist_may_write_agency_for_a_wire() -> None:
    registry = parse_registry({"outlet": [outlet(kind="agency")]}, OutletContext((), ()))
    assert registry.entry("x").kind == "wire"


def test_shared_alias_in_a_lookalike_group_loads() -> None:
    data = {"outlet": [outlet(), {"id": "y", "name": "Y", "aliases": ["X"]}],
            "lookalike": [{"names": ["X"], "outlets": ["y", "x"]}]}
    registry = parse_registry(data, OutletContext(("told",), ()))
    assert registry.find("X").id == "y" and registry.resolve("X", story=("x",)).id == "x"


def test_matching_an_article_takes_milliseconds() -> None:
    registry = load_registry()
    paragraph = ("وقال مسؤول لوكالة فرانس برس إن الوفد وصل إلى الدوحة، بحسب ما نقلت صحيفة الشرق الأوسط وقناة الجزيرة "
                 "ووكالة الأنباء القطرية (قنا). The New York Times and Reuters reported that officials told the AP "
                 "the talks would resume, citing Haaretz and the Times of Israel. ")
    article = paragraph * 25  # about 1,300 words
    start = time.process_time()  # CPU time, not wall: the machine is shared; the bound guards against backtracking
    found = registry.find_in(article)
    heads = registry.heads_in(article)
    cpu = time.process_time() - start
    assert len(found) == 25 * 10 and heads
    assert cpu < 0.5, f"{cpu * 1000:.0f} ms of CPU for 1,300 words (about 11 ms expected: a regex backtracks?)"


def test_an_imported_document_finds_its_outlet_by_url(db: sqlite_utils.Database) -> None:
    from checker.store.outlets import resolve_outlet

    outlet, created = resolve_outlet(db, "", url="https://www.aljazeera.net/news/2024/1/1/x")
    assert outlet is not None and outlet.id == "al-jazeera" and not created
    outlet, created = resolve_outlet(db, "الجزيرة نت - أخبار عاجلة", url="https://www.aljazeera.net/x")
    assert outlet.id == "al-jazeera" and not created
    outlet, _ = resolve_outlet(db, "صحيفة الوطن", url="https://www.alwatan.com.sa/article/1")
    assert outlet.id == "al-watan-sa"
    outlet, created = resolve_outlet(db, "Erbil Evening Star", url="https://example.org/x")
    assert outlet.id == "erbil-evening-star" and created
