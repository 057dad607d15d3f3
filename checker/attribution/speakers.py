"""Speaker-span sanity: what a speaker phrase may be before it is reported.

A speaker is a noun phrase with a head: at most eight words (an anonymity tail
such as "who asked not to be named" / "طلب عدم الكشف عن هويته" does not count,
nor do the words of a name), never the quoted words themselves, never a
function word or a piece of a word («على», «ًا لما»). A phrase that breaks a rule
is cut at its first clause boundary when that leaves a sound phrase, else
dropped: no speaker is better than a wrong one.
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import replace
from functools import lru_cache

from checker.attribution.arabic import after_time_words, name_ali, preposition_on
from checker.attribution.lexicon import Lexicon, load_lexicon
from checker.attribution.quotes import quoted_share
from checker.attribution.sources import Link, Span
from checker.config import DATA_DIR
from checker.normalize import fold, search_form
from checker.number_lexicon import folded_table

MAX_WORDS = 8
MAX_APPOSITIVE = 14
_FIRST_PERSON = frozenset({"i", "we"})
_FIRST_PERSON_AR = frozenset(fold(w) for w in ("أنا", "نحن", "إننا", "إنني", "إني"))
_APPOSITIVE_NAME = 5
_QUOTED = 0.5
_FUNCTION_WORDS = frozenset(fold(w) for w in (
    "على", "في", "من", "عن", "إلى", "الى", "ما", "لما", "لا", "قد", "أن", "إن", "ان", "مع", "بعد", "قبل", "حتى", "كما",
    "هذا", "هذه", "ذلك", "تلك", "الذي", "التي", "عند", "لدى", "منذ", "بين", "لكن", "أو", "ثم", "كل", "بعض", "غير",
    "لم", "لن", "ولم", "ولن", "ولا", "وقد", "فقد", "لقد",
    "of", "in", "on", "at", "to", "for", "with", "by", "from", "that", "this", "which", "what", "as", "and", "or",
    "but", "if", "so", "than", "then", "there", "here", "all", "some", "any", "not", "no", "also"))
# «بحسب ما أعلنت "قوات سوريا الديمقراطية"»: the verb after "according to what" names its source in quotes.
_ACCORDING = re.compile(r"(?:بحسب|حسب|وفق|وفقا ل|طبقا ل|حسبما|وفقما)\s*(?:ما|لما)?\s*\S+\s*$")
# "But" before the subject («لكن التحالف العسكري يقول إن»): the phrase starts after it.
_BUT = re.compile(r"^(?:و?لكن|but)\s+", re.IGNORECASE)
# Where an over-long phrase may be cut: a comma, a relative pronoun, an Arabic preposition phrase after the head.
_CUT = re.compile(r"[,،;؛(]|\s(?:who|which|whose|where|when|الذي|التي|الذين|اللذين|اللتين|والذي|والتي)\s")
_TAIL = re.compile(r"\s(?:طلب|طلبا|طلبت|طلبوا|فضل|فضلت|رفض|رفضت)\s+(?:عدم\s+)?(?:الكشف|ذكر|نشر)"
                   r"|,?\s(?:who|speaking|not authorized|familiar with)\b")
_PREPOSITIONS = frozenset(fold(w) for w in (
    "على", "في", "من", "عن", "إلى", "الى", "فيه", "فيها", "فيهم", "عنه", "عنها", "منه", "منها", "له", "لها", "لهم",
    "به", "بها", "عليه", "عليها", "إليه", "إليها", "ما", "لما", "مما", "بما", "كما",
    "of", "to", "having"))
_NOT_IN_NAMES = _FUNCTION_WORDS | _PREPOSITIONS
# Adverbials that may stand between an Arabic verb and its subject («وأقرت للمرة الأولى وزارة المالية», «وقال مطلع
# الشهر الحالي»): «لل» + a noun (no name opens so), how or when something was said, and the noun they govern.
_GLUED_LAM = re.compile(r"^لل\w{2,}$")
_ALONE_ADVERBS = frozenset(fold(w) for w in ("بالقول", "بالأمس", "أمس"))  # govern no noun after them
_GOVERNING_ADVERBS = frozenset(fold(w) for w in ("مطلع", "منتصف", "أواخر", "أوائل", "غداة", "عشية"))  # + a noun
_ADVERBS = _ALONE_ADVERBS | _GOVERNING_ADVERBS
_ADVERB_TAILS = frozenset(fold(w) for w in ("الحالي", "الماضي", "المقبل", "الجاري", "الحالية", "الماضية", "المقبلة"))
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "de", "da", "van", "von", "der", "la", "le", "abu", "bint",
                             "mr.", "mrs.", "ms.", "dr.", "jr.", "sr."})


def sane_speaker(text: str, speaker: Span | None, quotes: list[tuple[int, int]], lexicon: Lexicon,
                 cue_start: int | None = None, act: bool = False, speech: bool = False) -> Span | None:
    """The speaker span if it is a plausible noun phrase, cut to one if it can be, else None. A cue inside a
    quotation ('"I think it will pass," he said') may take its speaker from the same quotation. `act`: the cue is
    a statement by act ("دعت", "طالب"), whose long phrase is as often its object as its subject, so it is not cut
    before a preposition. `speech`: a verb of saying opens the phrase on its own («وقال "..."»), not «بحسب ما
    أعلنت "..."», whose quotation names the source."""
    if speaker is None:
        return None
    if cue_start is not None:
        quotes = [(a, b) for a, b in quotes if not a <= cue_start < b]
    if any(start <= speaker.start and speaker.end <= end for start, end in quotes) or (
            quoted_share(quotes, speaker.start, speaker.end) > _QUOTED and not _holds_quotes(speaker, quotes)):
        return None  # the quoted words, not who said them (a quoted name inside the phrase is fine)
    if speech and not _ACCORDING.search(text, max(0, speaker.start - 24), speaker.start) and _whole_quotation(
            text, speaker):
        return None  # «وقال "نجحنا ومنحونا تفويضا"، مذكرا»: the quoted words, then the sentence goes on
    but = _BUT.match(speaker.text)
    if but:
        speaker = Span(speaker.text[but.end():], speaker.start + but.end(), speaker.end)
    speaker = _after_adverbial(speaker)
    speaker = _before_adverbial(speaker) if speaker is not None else None
    speaker = _act_subject(speaker, lexicon) if act and speaker is not None else speaker
    speaker = after_time_words(speaker, lexicon) if speaker is not None else None
    if speaker is None or _fragment(speaker.text) or _participle_first(speaker.text, lexicon):
        return None
    if _counted_words(speaker.text, lexicon) <= MAX_WORDS or _is_name(speaker.text, lexicon) or _named_appositive(
            speaker.text, lexicon) or _authored_document(speaker.text, lexicon):
        return speaker
    cut = _CUT.search(speaker.text)
    if cut is not None and cut.start() > 0:
        head = speaker.text[:cut.start()].rstrip(" ,،")
        if head and not _fragment(head) and len(head.split()) <= MAX_WORDS:
            return Span(head, speaker.start, speaker.start + len(head))
    head = _leading_name(speaker.text)
    if head:
        return Span(head, speaker.start, speaker.start + len(head))
    return _name_after_title(text, speaker) or (None if act else _arabic_head(speaker) or _name_before_role(
        speaker, lexicon))


# Prepositions that open what an Arabic speaker phrase runs into ("وقال [الاسم] [اللقب] في مقابلة مع ..."): the
# phrase before the first of them keeps the name and title.
_ARABIC_HEAD = 10  # a name and a full title ("عادل سليمان رئيس تحرير إذاعة بي بي سي عربي")
_AR_HEAD_ENDS = frozenset(fold(w) for w in ("في", "عن", "إلى", "الى", "من", "مع", "حول", "بشأن", "خلال", "منذ"))


def _arabic_head(speaker: Span) -> Span | None:
    """"محمد الكعبي وزير شؤون التنمية والتخطيط في دولة الكويت", "سامي حداد رئيس تحرير قناة الأخبار في تعليقه على
    القرار": an Arabic phrase too long to report, with no comma to cut at, is cut before its first preposition
    (after two words at least), so the name and title that open it stay; else dropped."""
    words = list(re.finditer(r"\S+", speaker.text))
    if not words or not re.search(r"[\u0621-\u064A]", words[0].group()):
        return None
    for number, word in enumerate(words[2:_ARABIC_HEAD + 1], start=2):
        following = words[number + 1].group() if number + 1 < len(words) else ""
        if fold(word.group()) in _AR_HEAD_ENDS or preposition_on(word.group().rstrip("،,.:؛"), following):
            head = speaker.text[:words[number - 1].end()]
            if _fragment(head) or _listed(head.split(), _FUNCTION_WORDS):
                return None
            return Span(head, speaker.start, speaker.start + len(head))
    return None


def _name_before_role(speaker: Span, lexicon: Lexicon) -> Span | None:
    """"البرازيلي تياغو سيلفا قائد نادي باريس سان جرمان الفرنسي": an Arabic phrase too long to report, with no
    preposition to cut at, in which a name (words without the article) is followed by a role word («قائد», «رئيس»,
    «مدرب»): the name is the speaker. Not "أحمد المسماري الناطق باسم ...": a title with the article is part of
    the name's description, and the phrase stays unreported."""
    words = list(re.finditer(r"\S+", speaker.text))
    forms = [search_form(w.group()) for w in words]
    for number, form in enumerate(forms[2:_ARABIC_HEAD + 1], start=2):
        if form in lexicon.ar_role_words:
            if not _bare_arabic(forms[number - 1]):
                return None
            head = speaker.text[:words[number - 1].end()].rstrip(" ,،")
            return None if _fragment(head) else Span(head, speaker.start, speaker.start + len(head))
    return None


def _bare_arabic(form: str) -> bool:
    """An Arabic word without the article: in a speaker phrase, a word of a personal name."""
    return re.fullmatch(r"[\u0621-\u064A]{2,}", form) is not None and not form.startswith(("ال", "لل"))


_NAME_AFTER = re.compile(r"\s*[،,]\s*((?:[\u0621-\u064A]{2,}\s+){1,2}[\u0621-\u064A]{2,})\s*[،,]")


def _name_after_title(text: str, speaker: Span) -> Span | None:
    """"وأفاد مساعد وكيل الجمهورية ... الناطق الرسمي باسم القطب القضائي، سفيان السليطي، ...": a title too long to
    report, then the name set off by commas: the name is the speaker."""
    match = _NAME_AFTER.match(text, speaker.end)
    if match is None:
        return None
    words = match.group(1).split()
    if fold(words[0]).startswith(("ال", "لل")) or any(_listed(words[n:], _NOT_IN_NAMES) for n in range(len(words))):
        return None  # a name opens without the article ("سفيان السليطي"); a description does not
    return Span(match.group(1), match.start(1), match.end(1))


def _leading_name(phrase: str) -> str | None:
    """"Mulhouse Mayor Michele Lutz called for a minute of silence and": the name-like opening, up to the first
    two lower-case words in a row (a verb phrase)."""
    words = list(re.finditer(r"\S+", phrase))
    if not words or not words[0].group()[:1].isupper():
        return None
    end = 0
    for number, word in enumerate(words):
        text = word.group()
        following = words[number + 1].group() if number + 1 < len(words) else ""
        if text[:1].islower() and (not following or following[:1].islower()):
            break
        end = word.end()
    head = phrase[:end].rstrip(" ,")
    return head if 0 < len(head.split()) <= MAX_WORDS and head[-1:].isalpha() else None


def _holds_quotes(speaker: Span, quotes: list[tuple[int, int]]) -> bool:
    """Every quotation touching the phrase lies inside it: "نقابة «كوكبيت»", "طيارو "رايان إير"" ."""
    touching = [(a, b) for a, b in quotes if a < speaker.end and speaker.start < b]
    return all(speaker.start < a and b < speaker.end for a, b in touching)


def _whole_quotation(text: str, speaker: Span) -> bool:
    """The phrase is one quotation that a comma or the sentence's end closes, in the first person or of four words
    or more: what was said («وقال "نجحنا ومنحونا تفويضا"، مذكرا»). A quoted name is followed by what it said
    («وقالت "هيومن رايتس ووتش" إن») or by its description («أعلن "مجلس منبج العسكري"، التابع لـ»)."""
    phrase = speaker.text.strip()
    if len(phrase) < 3 or phrase[0] not in "\"«“" or phrase[-1] not in "\"»”" or re.search(r"[\"«»“”]", phrase[1:-1]):
        return False
    words = fold(phrase[1:-1]).split()
    said = len(words) >= 4 or any(w in _FIRST_PERSON_AR for w in words) or (
        len(words) > 1 and any(len(w) > 3 and w.endswith("نا") for w in words))  # not a name: «"دينا"، وهي أم»
    return said and text[speaker.end:speaker.end + 3].lstrip()[:1] in ("،", ",", ".", "")


@lru_cache(maxsize=1)
def _never_first() -> frozenset[str]:
    """Words no speaker phrase opens with: a preposition, or a complementiser or «يبدو» (cues.toml [speaker]
    ar_not_speaker_openers: the reported words follow them); with و or ف, the prepositions that open a phrase of
    where or when («وفي تغريدة على حسابه», «وخلال لقائه»)."""
    lexicon = load_lexicon()
    fronted = {conjunction + word for word in lexicon.ar_fronted_prepositions for conjunction in "وف"}
    return _PREPOSITIONS | lexicon.ar_not_speaker_openers | lexicon.ar_fronted_prepositions | fronted


def _listed(phrase: list[str], words: frozenset[str]) -> bool:
    """The phrase's first word, folded, is one of `words`, and not the name Ali («علي لاريجاني», «محمد علي»), which
    folds as the preposition «على» does."""
    return fold(phrase[0]).strip(".,،") in words and not name_ali(phrase[0], phrase[1] if len(phrase) > 1 else "")


def _fragment(phrase: str) -> bool:
    """A function word alone, a phrase opening with a word no speaker opens with, one ending in «كما» (an aside
    whose speaker is elsewhere), or a phrase that starts inside a word (a combining mark or one letter first)."""
    if not phrase or unicodedata.combining(phrase[0]) or phrase[0] in "ًٌٍَُِّْـ":
        return True
    words = fold(phrase).split()
    if not words:
        return True
    written = phrase.split()
    if all(_listed(written[n:], _FUNCTION_WORDS) for n in range(len(written))) or _listed(written, _never_first()):
        return True  # «على», "على ضرورة", "فيه": the reported words or a preposition, never who spoke
    if len(words) > 1 and words[-1].strip(".,،-") == fold("كما"):
        return True  # «... - كما يقول -»: "as he says" names its speaker elsewhere
    first = re.sub(r"\W", "", words[0])
    return len(first) < 2 and not first.isascii()  # Arabic has no one-letter word standing alone


def _after_adverbial(speaker: Span) -> Span | None:
    """«للمرة الأولى وزارة المالية» -> «وزارة المالية»; «مطلع الشهر الحالي» alone -> None (the subject is unsaid and
    the verb refers back, like «وأضاف»)."""
    words = list(re.finditer(r"\S+", speaker.text))
    first = fold(words[0].group()).strip("،,.:") if words else ""
    first = first[1:] if first[:1] in "وف" and len(first) > 4 else first
    if not (_GLUED_LAM.match(first) or first in _ADVERBS):
        return speaker
    taken = 1
    if first not in _ALONE_ADVERBS and taken < len(words) and fold(words[taken].group()).startswith("ال"):
        taken += 1  # «للمرة الأولى», «منتصف الليل»
        if taken < len(words) and fold(words[taken].group()).strip("،,.:") in _ADVERB_TAILS:
            taken += 1
    if taken >= len(words):
        return None
    start = speaker.start + words[taken].start()
    return Span(speaker.text[words[taken].start():], start, speaker.end)


def _before_adverbial(speaker: Span) -> Span:
    """«الجزائر مطلع الشهر الحالي» -> «الجزائر»: a time adverbial after the subject says when, not who; only before a
    time noun («مصدر مطلع» is an informed source)."""
    words = list(re.finditer(r"\S+", speaker.text))
    for word, following in zip(words[1:], words[2:]):
        if fold(word.group()).strip("،,.:") in _GOVERNING_ADVERBS and _time_noun(following.group()):
            head = speaker.text[:word.start()].rstrip(" ،,")
            return Span(head, speaker.start, speaker.start + len(head))
    return speaker


def _act_subject(speaker: Span, lexicon: Lexicon) -> Span:
    """«ودعت منظمة الصحة العالمية حاليا الحكومات إلى ...» -> «منظمة الصحة العالمية»: after a verb of act («دعت»,
    «طالبت») the object follows the subject with no comma; an adverb, a time word or a complementiser after the
    subject's first word ends it."""
    words = list(re.finditer(r"\S+", speaker.text))
    for word in words[1:]:
        if fold(word.group()).strip("،,.: ") in lexicon.ar_act_subject_ends:  # «حالياً»: the tanween folds to a space
            head = speaker.text[:word.start()].rstrip(" ،,")
            return Span(head, speaker.start, speaker.start + len(head))
    return speaker


_TIME_NOUNS = frozenset(fold(w) for w in ("الشهر", "العام", "الأسبوع", "السنة", "القرن", "الليل", "النهار", "الموسم",
                                          "الصيف", "الشتاء", "الربيع", "الخريف", "العقد"))


def _time_noun(word: str) -> bool:
    """«الشهر», «العام», a month's name: what «مطلع/أواخر/منتصف» govern when they say when."""
    bare = fold(word).strip("،,.:")
    return bare in _TIME_NOUNS or bare in folded_table("months")


def _participle_first(phrase: str, lexicon: Lexicon) -> bool:
    """"وأضاف قائلا", "واستطرد قائلا:": the participle tells how the speaker before spoke, it is no speaker."""
    first = fold(phrase).split()[0].strip("،,:.")
    return first in lexicon.ar_participles or (first[:1] == "و" and first[1:] in lexicon.ar_participles)


def _counted_words(phrase: str, lexicon: Lexicon) -> int:
    """Words of the phrase, an anonymity tail ("who asked not to be named", "طلبا عدم الكشف عن هويتيهما") left out."""
    form = search_form(phrase)
    tail = _TAIL.search(form)
    if tail is not None and tail.start() > 0:
        form = form[:tail.start()]
    else:
        for phrase_tail in lexicon.anonymous:
            position = form.find(phrase_tail)
            if position > 0:
                form = form[:position]
                break
    return len(form.split())


def _is_name(phrase: str, lexicon: Lexicon) -> bool:
    """A name (with its title and particles) may be long: "Sheikh Mohammed bin Abdulrahman bin Jassim Al Thani",
    "The British military's United Kingdom Maritime Trade Operations center", "... الشيخ علي الأسدي"."""
    words = phrase.split()
    if any(search_form(w) in lexicon.ar_name_titles for w in words) or _ends_with_arabic_name(words, lexicon):
        return True
    latin = [w for w in words if re.search(r"[A-Za-z]", w)]
    if len(latin) != len(words):
        return False
    lower = [w for w in words if not (w[:1].isupper() or w.lower() in _NAME_PARTICLES)]
    return len(lower) <= 2


_AUTHORED = re.compile(r"(?:(?:a|an|the)\s+)?(?:(?:\d{4}|new|recent|latest|separate|earlier)\s+)*(\w+)\s+by\s+(.+)",
                       re.IGNORECASE)
_AUTHOR_JOINS = frozenset({"and", "the", "of", "at", "for", "in", "on", "&"})
_MAX_AUTHOR_WORDS = 12


def _authored_document(phrase: str, lexicon: Lexicon) -> bool:
    """"A 2014 study by Harvard and the University of California at Berkeley", "A 2012 study by Ohio State
    University professor Anna Kim": a study, survey or poll and the names of its authors (capitalised words, role
    nouns and the words that join them) is one speaker, however long."""
    match = _AUTHORED.fullmatch(phrase.strip())
    if match is None or fold(match.group(1)) not in lexicon.en_study_nouns:
        return False
    authors = match.group(2).split()
    return len(authors) <= _MAX_AUTHOR_WORDS and authors[-1][:1].isupper() and all(
        w[:1].isupper() or w.lower() in _AUTHOR_JOINS or fold(w) in lexicon.en_roles for w in authors)


def _named_appositive(phrase: str, lexicon: Lexicon) -> bool:
    """"K.C. Maurer, chief financial officer and treasurer at the Andy Warhol Foundation": a name and the one
    appositive that says who they are; the description does not count against the eight words."""
    name, comma, description = phrase.partition(",")
    words = description.split()
    return bool(comma) and len(name.split()) <= _APPOSITIVE_NAME and _is_name(name, lexicon) and name[:1].isupper() \
        and 0 < len(words) <= MAX_APPOSITIVE and _CUT.search(description.rstrip(" ,")) is None


_PLACE_BREAKS = frozenset(fold(w) for w in ("في", "من", "عن", "إلى", "عقد", "خلال"))


def _ends_with_arabic_name(words: list[str], lexicon: Lexicon) -> bool:
    """"الباحث في معهد واشنطن لسياسة الشرق الأدنى أندرو تابلر": a description, then two or three words without the
    article, which in a speaker phrase is a personal name."""
    forms = [search_form(w) for w in words]
    if len(forms) < 3 or not any(f.startswith("ال") for f in forms[:-2]):
        return False
    if any(f in _PLACE_BREAKS or preposition_on(words[n], words[n + 1])
           for n, f in enumerate(forms[-5:-2], start=max(0, len(forms) - 5))):
        return False  # "... في مؤتمر عقد في مطار فرانكفورت": a place, not a name
    if any(f in lexicon.ar_name_links for f in forms[-3:-1]):
        return True  # "... بوزارة التجارة عبد القادر التيمومي": a compound given name ("عبد", "أبو", "بن") ends it
    return all(_bare_arabic(f) and not _listed(words[n:], _FUNCTION_WORDS)
               for n, f in enumerate(forms[-2:], start=len(forms) - 2))


@lru_cache(maxsize=1)
def _first_person_words() -> frozenset[str]:
    with open(DATA_DIR / "cues.toml", "rb") as handle:
        return frozenset(fold(w) for w in tomllib.load(handle)["speech_continued"]["first_person"])


def in_first_person(text: str) -> bool:
    """The sentence speaks in the first person («أنا», «علينا», "we", "our"): a speaker's words, not the reporter's."""
    words = _first_person_words()
    return any(fold(word.strip(".,،:;؛!?؟\"'«»“”()")) in words for word in text.split())


def quoted_first_person(links: list[Link], quotes: list[tuple[int, int]]) -> list[Link]:
    """'"I think we will win," said Gomez': the attribution inside the quotation ("I think") comes after the one
    that names who is quoted, and its "I" / "we" is that speaker, resolved like a pronoun."""
    inside = [link for link in links if any(a <= link.cue.start < b for a, b in quotes)]
    if not inside:
        return links
    nested = [replace(link, refers_back="speaker") if link.speaker is not None and not link.refers_back
              and fold(link.speaker.text).strip() in _FIRST_PERSON else link for link in inside]
    return [link for link in links if link not in inside] + nested


_INTERVIEWEE_WORDS = 6
_NAME_END = re.compile(r"(?<![A-Z])\.\s|[,،:;؛\n(]")  # a full stop, not an initial's ("Mario J. Lucero")


@lru_cache(maxsize=1)
def _interviewee_words() -> dict[str, list[str]]:
    with open(DATA_DIR / "cues.toml", "rb") as handle:
        return tomllib.load(handle)["interviewee"]


def interviewee(lead: str, lexicon: Lexicon) -> str | None:
    """Who answers an interview, named in its lead: the first name after "interviewed" / "spoke with" / "حوار مع"
    that is a person ("Tina McKenzie", "Mario J. Lucero and Isabel Ruiz"), not a bare title ("President of the
    International Brotherhood of Magicians"); a lower-case description before it ("academic Simon Ličen") is left out."""
    words = _interviewee_words()
    for opener in re.finditer("|".join(re.escape(w) for w in words["en"] + words["ar"]), lead):
        phrase = _NAME_END.split(lead[opener.end():opener.end() + 200].strip() + "\n")[0]
        for end in words["ends"]:
            phrase = phrase.split(end)[0]
        name = _name_in(phrase.strip(), lexicon)
        if name:
            return name
    return None


def _name_in(phrase: str, lexicon: Lexicon) -> str | None:
    """"academic Simon Ličen" -> "Simon Ličen"; an Arabic phrase of at most six words as it stands."""
    tokens = phrase.split()
    if re.search(r"[\u0621-\u064A]", phrase):
        return phrase if 1 <= len(tokens) <= _INTERVIEWEE_WORDS else None
    while tokens and not tokens[0][:1].isupper():
        tokens.pop(0)  # "academic Simon Ličen"
    while tokens and fold(tokens[-1]) in _WEEKDAYS:
        tokens.pop()  # "... Magicians Wednesday"
    if len(tokens) < 2 or len(tokens) > _INTERVIEWEE_WORDS or fold(tokens[0]) in lexicon.en_roles:
        return None
    if not all(t[:1].isupper() or t in ("and", "&") or fold(t) in _NAME_PARTICLES for t in tokens):
        return None
    return " ".join(tokens)


_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})
