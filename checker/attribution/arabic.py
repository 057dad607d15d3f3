"""Arabic speakers: the noun phrase after a verb-first cue ("قال X إن ..."), up to where the reported words begin,
and the subject fronted before one ("وكانت صحيفة X قد ذكرت", "أما X فقالت").

Split from `sources` (which decides links and outlets), like `english`; every function reads the article's `Doc` (its
text and folded copy) and returns spans into the text.
"""
from __future__ import annotations

import re

from checker.attribution.cues import SUBJECT_THEN_CONTENT, fronted_subject, pluperfect_opens, stripped_end
from checker.attribution.lexicon import Cue, Lexicon
from checker.attribution.spans import OutletMention, Span
from checker.doc import Doc
from checker.normalize import fold, search_form

# What ends an Arabic speaker phrase; not the full stop of a one-letter title («الخبير الاقتصادي د.غازي وزني»).
# (a dash between spaces closes an aside: «وفق مصادر الجزيرة - مدرسة ...», «قال الجبير - في كلمته أمام ... - إن»)
_AR_CUT = re.compile(r"[،,:؛;\"“”«»()\n]|(?<![\s(][\u0621-\u064A])\.|(?<=\s)[-–—](?=\s)")
_MAX_SPEAKER_WORDS = 16
_SUBJECT_WORDS = 6
_CLAUSE_MARKS = re.compile(r"[،,:؛;.\n)\-—–]")
_NON_SPACE = re.compile(r"\S+")  # compiled once: `re.finditer(str, ...)` looked it up in re's cache per word run
_CLAUSES = re.compile(r"[^،,:؛;.]+")


def arabic_np(doc: Doc, position: int, end: int, lexicon: Lexicon) -> Span | None:
    """The noun phrase starting at `position` ("نقلت الوكالة عن [مسؤول أمني]"), up to a stop word or a cut."""
    text, folded = doc.text, doc.folded
    limits = [end]
    cut = arabic_cut(folded, position, end, lexicon)
    if cut:
        limits.append(cut.start())
    for word in _NON_SPACE.finditer(folded[position:end]):
        if arabic_token(word.group()) in lexicon.ar_stops:
            limits.append(position + word.start())
            break
    return _trimmed(text, position, min(limits))


def arabic_clause_subject(doc: Doc, start: int, cue: Cue, lexicon: Lexicon) -> Span | None:
    """"أصدر الزعيم السياسي للميليشيا ... تحذيرا في مقابلة مع X": the subject follows the clause's first verb."""
    text, folded = doc.text, doc.folded
    for clause in _CLAUSES.finditer(folded[start:cue.start]):
        words = list(_NON_SPACE.finditer(clause.group()))
        if len(words) < 2 or not words[1].group().startswith("ال"):
            continue
        first = words[0].group().lstrip("وف")
        if first in lexicon.ar_stops or first.startswith("ال") or first[:1].isdigit():
            continue
        subject = []
        for word in words[1:1 + _SUBJECT_WORDS]:
            if word.group() in lexicon.ar_relatives or word.group() in lexicon.ar_stops:
                break
            subject.append(word)
        if not subject:  # "وأوضح الذي ..." : a relative or a stop word right after the verb is no subject
            continue
        base = start + clause.start()
        return Span(text[base + subject[0].start():base + subject[-1].end()], base + subject[0].start(),
                    base + subject[-1].end())
    return None


_OPENERS = ("كما", "ثم", "من جهته", "من جهتها", "من جهتهم", "من جانبه", "من جانبها", "من جانبهم", "بدوره", "بدورها",
            "بدورهم", "في المقابل", "بالمقابل", "في حين", "بينما")
# Words that end a subject phrase, folded as the text is (so «إلى» is «الي»). «على» is not among them: it folds to
# «علي», the name Ali, and `preposition_on` tells the two apart by their spelling.
_SUBJECT_BREAKS = frozenset(fold(w) for w in (
    "في", "عن", "إلى", "من", "مع", "ب", "ل", "بعد", "قبل", "خلال", "أمام", "عبر", "حول", "أن", "أنه", "أنها",
    "بأن", "التي", "الذي", "الذين", "حيث", "إثر", "عقب", "لدى", "الآن", "حاليا", "مؤخرا", "لاحقا", "سابقا", "بدوره",
    "بدورها", "بدورهم", "كذلك", "أيضا", "وقتها", "حينها", "هنا", "هناك", "ثم", "كما", "إذ", "لما", "عندما", "حين",
    "حينما"))


_ON = re.compile(r"[وف]?على[،,.:؛]?")
_ALI = re.compile(r"[وف]?علي[،,.:؛]?")
# A possessive pronoun as written: a real ه, not a ة, which folding makes ه («تطلعه», not «جمعة»).
_POSSESSIVE = ("ه", "ها", "هم", "هما")


def preposition_on(word: str, following: str = "") -> bool:
    """«على» ("on"), which folds to «علي», the name Ali («الرئيس اليمني علي عبد الله صالح» keeps its name): written
    «على», or written «علي», as some sites write it, before «أن» or a possessed noun («وأكد علي تطلعه»). Before a
    definite word it is as often a name («الناشط علي الكوكباني») as the preposition, so it stays a name there. Both
    words as written, not folded."""
    if _ON.fullmatch(word):
        return True
    after = following.strip("،,.:؛")
    return _ALI.fullmatch(word) is not None and (after == "أن" or after.endswith(_POSSESSIVE))


def name_ali(word: str, following: str = "") -> bool:
    """`word`, as written, is the name Ali, not the preposition «على» (both fold to «علي»)."""
    return _ALI.fullmatch(word) is not None and not preposition_on(word, following)


def written(text: str, words: list[re.Match[str]], number: int, offset: int = 0) -> str:
    """The text of words[number] (matched in the folded text, `offset` before it) as written; "" past the end."""
    if number >= len(words):
        return ""
    return text[offset + words[number].start():offset + words[number].end()]


def _ends_subject(token: str, original: str, following: str, lexicon: Lexicon) -> bool:
    return token in _SUBJECT_BREAKS or token in lexicon.ar_stops or token in lexicon.ar_relatives or (
        preposition_on(original, following))


def is_participle(cue: Cue, lexicon: Lexicon) -> bool:
    """"...، مؤكدا أن", "قائلا إن": a circumstantial participle, whose subject is its clause's."""
    return cue.arabic and cue_verb(cue) in lexicon.ar_participles


def _definite(token: str) -> bool:
    """«الوزارة», «والحكومة»: the article, after a conjunction or not."""
    return token[token[:1] == "و":].startswith("ال")


def _possessed(word: str) -> bool:
    """«إعجابه», «تمسكه»: a noun with a possessive pronoun, as written (not «الله»)."""
    return word.endswith(_POSSESSIVE) and not word.endswith("الله")


def _given_name_before(subject: list[re.Match[str]]) -> bool:
    """The subject ends in one word without the article after a definite one or alone («... الراحل ياسر»): a
    given name, which a surname may follow; after two such words («علي جمعة») the name is whole."""
    tail = [not _definite(arabic_token(w.group())) for w in subject[-2:]]
    return tail[-1] and (len(tail) == 1 or not tail[0])


def _indefinite_plural(token: str) -> bool:
    """«انتقادات», «تحذيرات»: a feminine plural without the article."""
    return not _definite(token) and token.endswith("ات") and len(token) > 4


def participle_subject(doc: Doc, start: int, cue: Cue, lexicon: Lexicon) -> Span | None:
    """"وأبدى سييرا إعجابه بعمل ...، مؤكدا أن": the subject right after the verb that opens the sentence (verb
    first, as Arabic news sentences are), up to a preposition, a stop word, a comma, a possessed noun ("إعجابه") or
    an indefinite plural after the first word or a definite one, where the verb's object begins («ووجه بوفون
    انتقادات»), not a surname after a given name («ياسر عرفات»). Other objects are not told from a
    name after a title («ورفض حزب النهضة مطلب ...» as «وأبدى المدرب نبيل الكوكي ...»), so they stay in."""
    text, folded = doc.text, doc.folded
    position = start
    while position < cue.start and folded[position] in " \"'“”«»(-–—":
        position += 1
    for opener in _OPENERS:
        form = next((f for f in (opener, "و" + opener) if folded.startswith(f, position)
                     and folded[position + len(f):position + len(f) + 1] in (" ", "،", ",")), None)
        if form:
            position += len(form)
            while position < cue.start and folded[position] in " ،,":
                position += 1
            break
    words = list(_NON_SPACE.finditer(folded, position, cue.start))
    if len(words) < 2:
        return None
    verb = _unprefixed(arabic_token(words[0].group()))
    if verb.startswith(("ال", "لل")) or not 3 <= len(verb) <= 7 or verb[:1].isdigit() or _ends_subject(
            verb, written(text, words, 0), written(text, words, 1), lexicon):
        return None
    subject: list[re.Match[str]] = []
    for number, word in enumerate(words[1:1 + _SUBJECT_WORDS], start=1):
        token = arabic_token(word.group())
        original = text[word.start():word.end()].rstrip("،,.:؛")
        following = written(text, words, number + 1)
        if _ends_subject(token, original, following, lexicon) or (
                token[:1] in "بل" and token[1:3] == "ال") or _unprefixed(token) in lexicon.ar_speech_verbs:
            break
        if subject and _possessed(original):
            break  # "إعجابه": the object, owned by the subject
        if subject and _indefinite_plural(token) and not _definite(arabic_token(fold(following))) and (
                len(subject) == 1 or not _given_name_before(subject)):
            break  # «ووجه بوفون انتقادات», «نقابات العمال انتقادات», «علي جمعة انتقادات»: the object; not
            # «عمليات القوات», nor a surname after a given name («الرئيس الفلسطيني الراحل ياسر عرفات»)
        subject.append(word)
        if word.group().endswith(("،", ",")):
            break
    if not subject:
        return None
    return _trimmed(text, subject[0].start(), subject[-1].end())


def arabic_speaker(doc: Doc, start: int, cue: Cue, end: int, cues: list[Cue], outlets: list[OutletMention],
                   lexicon: Lexicon) -> Span | None:
    """The noun phrase after a verb-first cue, up to where the reported words begin."""
    text, folded = doc.text, doc.folded
    if cue.role == "backward" and not _names_a_statement(folded, cue, end, lexicon):
        return None
    fronted = _fronted_speaker(text, folded, start, cue, lexicon) or _topic_of_amma(doc, start, cue, lexicon)
    if fronted is not None:
        return fronted
    if _AS_SAYS.search(folded, max(0, cue.start - 12), cue.start):  # «- كما تقول معاجم اللغة -»
        aside = _ASIDE_SUBJECT.match(folded, cue.end)
        if aside and not any(word in lexicon.ar_not_speaker_openers for word in aside.group(1).split()):
            return _aside_subject(text, folded, aside.start(1), aside.end(1), outlets, lexicon)
        if _ASIDE_CLOSE.match(folded, cue.end):
            return None  # «- كما يقول -»: the speaker of the sentence before
    if fold(cue.text).removeprefix("و") in lexicon.ar_subject_first and not SUBJECT_THEN_CONTENT.match(
            folded, cue.end):  # "... تقول السلطات البريطانية إن": the subject after the verb, then the words
        clause_start = max(folded.rfind(mark, 0, cue.start) for mark in "،,:.\n") + 1
        subject = _trimmed(text, clause_start, cue.start)
        if subject is not None:
            return subject
    position = _skip_chained_verb(text, cue, cues)
    addressee = re.match(r"\s*(\S+?)(?=[\s:،,]|$)", folded[position:end])
    if addressee and addressee.group(1) in lexicon.ar_pronoun_addressees:
        position += addressee.end()  # «وقال لهم الرئيس»: to them; the subject follows
        if folded[position:end].lstrip()[:1] in (":", '"', "«", "“", ""):
            return None  # «وقال لها: "..."»: what was said to her; the subject is unsaid
    quoted = _quoted_name(text, folded, position, end, lexicon)
    if quoted is not None and after_time_words(quoted, lexicon) is not None:
        return quoted
    limit = _arabic_limit(folded, position, end, cue, cues, outlets, lexicon, text)
    after = _trimmed(text, position, limit)
    if after is not None and after_time_words(after, lexicon) is None:
        after = None  # «نفت الثلاثاء "قطعيا" أن»: only when and how; the subject stands before the verb
    if after is not None and fold(after.text).strip() in _TO:
        after = None  # «أشارت إلى أنهم»: the verb's «إلى», no subject; it stands before the verb
    if after is None and cue.role == "speech" and not is_participle(cue, lexicon):
        return _subject_before_verb(doc, start, cue, lexicon) or _shared_subject(doc, start, cue, lexicon)
    return after


def _shared_subject(doc: Doc, start: int, cue: Cue, lexicon: Lexicon) -> Span | None:
    """«ونصحت السفارة الأمريكية رعاياها بتجنب المناطق وقالت إن»: a speech verb joined by و/ف with no subject of its
    own shares the subject of its sentence's first verb (its definite words), when the two verbs agree in gender
    (both end in ت or neither does)."""
    if fold(cue.text)[:1] not in ("و", "ف"):
        return None
    subject = arabic_clause_subject(doc, start, cue, lexicon)
    if subject is None:
        return None
    verb = doc.folded[max(start, subject.start - 30):subject.start].split()[-1:]
    if not verb or verb[0].endswith("ت") != cue_verb(cue).endswith("ت"):
        return None
    words = list(_NON_SPACE.finditer(doc.folded, subject.start, subject.end))
    definite = next((n for n, word in enumerate(words) if not word.group().startswith("ال")), len(words))
    return _trimmed(doc.text, subject.start, words[definite - 1].end())  # «السفارة الأمريكية», not «... في جاكرتا»


def after_time_words(speaker: Span, lexicon: Lexicon) -> Span | None:
    """«الثلاثاء "قطعيا"» (after «نفت»), «يوم الأحد وزير الخارجية»: a day or time and an adverb (quoted, or an
    accusative «رسميا») before the subject are no part of it; with nothing after them the subject is unsaid. So
    are «العام الماضي» and an adverb that never opens a subject («لاحقا», «مؤخرا»); and what a statement noun
    opens after them is what was published, not who («ونشرت لاحقا تغريدة جاء فيها»)."""
    words = list(re.finditer(r"\S+", speaker.text))
    bare = [fold(word.group()).strip("،,.: ") for word in words]  # «لاحقاً»: the folded tanween is a space
    taken = 0
    while taken < len(words):
        if bare[taken] in _YEAR_WORDS and taken + 1 < len(words) and bare[taken + 1] in _YEAR_FOLLOWERS:
            taken += 2
        elif bare[taken] in lexicon.ar_time_words or _opens_no_subject(bare[taken], lexicon):
            taken += 1
        else:
            break
    if not taken:
        return speaker
    while taken < len(words) and _adverb_word(words[taken].group()) and not (
            taken + 1 < len(words) and fold(words[taken + 1].group()).startswith("ال")):
        taken += 1  # «رسميا»; not «كوريا الجنوبية», a name its adjective follows
    if taken >= len(words) or arabic_token(search_form(bare[taken])).removeprefix("ال") in lexicon.ar_statement_nouns:
        return None
    return Span(speaker.text[words[taken].start():], speaker.start + words[taken].start(), speaker.end)


# «العام الماضي», «السنة المقبلة»: a year before the word that places it is when, not who («الأمين العام» keeps its
# «العام»).
_YEAR_WORDS = frozenset(fold(word) for word in ("العام", "السنة", "الموسم"))
_YEAR_FOLLOWERS = frozenset(fold(word) for word in ("الماضي", "الماضية", "المقبل", "المقبلة", "الجاري", "الحالي",
                                                    "الحالية", "المنصرم", "المنصرمة"))


def _opens_no_subject(word: str, lexicon: Lexicon) -> bool:
    """«لاحقا», «مؤخرا», «أيضا», «بشدة» (cues.toml ar_act_subject_ends, time words with them): an adverb that may
    stand between a verb and its subject but never opens it; the complementisers listed with them end the subject
    instead, so they are not skipped."""
    return word in lexicon.ar_act_subject_ends and word not in lexicon.ar_not_speaker_openers


def _adverb_word(word: str) -> bool:
    """«"قطعيا"», «رسميا»: one quoted word, or an indefinite accusative in «يا»/«ًا» (an adverb of manner)."""
    bare = fold(word).strip("،,.:")
    quoted = bare[:1] in "\"«“" and bare[-1:] in "\"»”"
    bare = bare.strip("\"«»“”")
    return quoted or (not bare.startswith("ال") and len(bare) > 3 and bare.endswith("يا"))


# «كما يقول X»: "as X says", an aside whose subject follows the verb, up to the dash or comma that closes it.
# An aside opens after a dash or comma («، كما تقول الحكومة،»); «كما قالت مصادر إن» opening a sentence is "also".
_AS_SAYS = re.compile(r"[\-–—،,]\s*كما\s+$")
_ASIDE_SUBJECT = re.compile(r"[ \t]*((?:[^\s\-–—،,:.\n]+[ \t]*){1,5}?)[ \t]*[\-–—،,]")
_ASIDE_CLOSE = re.compile(r"\s*[\-–—،,]")


def _aside_subject(text: str, folded: str, start: int, end: int, outlets: list[OutletMention],
                   lexicon: Lexicon) -> Span | None:
    """The subject of an aside up to the first word of when, where, how or to whom («كما قالت الوزارة في بيان» →
    «الوزارة», «كما قال مسؤولون أمريكيون لرويترز» → «مسؤولون أمريكيون»); None when such a word comes first. «لـ» +
    a noun is part of a name («المندوبية السامية للتخطيط») unless it names an outlet or the press."""
    words = list(_NON_SPACE.finditer(folded, start, end))
    if _owned(text, words[0]) and len(words) > 1 and (words[1].group()[:1] == "ل" or words[1].group() in lexicon.ar_aside_stops):
        return None  # «، كما أكدت دعمها لـ ...»: "also", and its object; the subject is the sentence's
    kept = 0
    for at, word in enumerate(words):
        token = word.group()
        if at and _owned(text, word):
            break  # «كما أكد الرئيس رفضه أي تعديل»: the object, owned by the subject
        told = at and token.startswith("ل") and (token in lexicon.ar_addressees or any(
            word.start() <= o.start <= word.start() + 2 for o in outlets))
        if token in lexicon.ar_aside_stops or token in lexicon.ar_time_words or told:
            break
        kept += 1
    return _trimmed(text, words[0].start(), words[kept - 1].end()) if kept else None


def _owned(text: str, word: re.Match[str]) -> bool:
    """A noun with a possessive pronoun («دعمها», «رفضه»), not «الله» nor a word ending in «ة»."""
    original = text[word.start():word.end()].rstrip("،,.:؛")
    return original.endswith(("ه", "ها", "هم", "هما")) and not original.endswith("الله") and len(original) > 3


_AMMA = re.compile(r"[\s\"'«“(]*و?اما\s+")  # folded «أما», «وأما»


def _topic_of_amma(doc: Doc, start: int, cue: Cue, lexicon: Lexicon) -> Span | None:
    """«أما الباحثة في جامعة روما، إلينا باتينيلي، فقالت إنه», «أما الوزارة، فقد أعلنت»: "as for X, she said": the
    topic «أما» sets before the verb its «ف» answers is the speaker; not a place or time («أما في دمشق، فقال
    المتحدث»), after which the subject follows the verb."""
    end = cue.start
    if not fold(cue.text).startswith("ف"):
        answer = _ANSWERING_QAD.search(doc.folded, start, cue.start)
        if answer is None:
            return None
        end = answer.start()
    opening = _AMMA.match(doc.folded, start, end)
    if opening is None or any(mark in doc.folded[opening.end():end] for mark in ".:؛;\n"):
        return None
    first = doc.folded[opening.end():end].split()[:1]
    if not first or first[0] in lexicon.ar_fronted_prepositions:
        return None
    return _trimmed(doc.text, opening.end(), end)


_ANSWERING_QAD = re.compile(r"[،,]?\s*فقد\s+$")


_TO = frozenset({"الي", "الى"})  # «إلى» folded
_CONTRAST = ("الا ان", "غير ان", "لكن", "ولكن", "بيد ان", "في حين ان", "في حين", "بينما", "فيما", "اذ ان", "حيث ان")
_SUBJECT_BEFORE_WORDS = 6


def _subject_before_verb(doc: Doc, start: int, cue: Cue, lexicon: Lexicon) -> Span | None:
    """"الا أن منظمته، فاطمة خلف، قالت إنه", "غير أن هذه الأخيرة أكدت أنها": the reported words follow the verb at
    once, so its subject stands before it (subject first), between a comma or a contrast particle and the verb."""
    text, folded = doc.text, doc.folded
    if fold(cue.text)[:1] in ("و", "ف"):
        return None  # "...، وكشفت": a verb joined by و shares the subject of the clause before, no new one
    marks = list(_CLAUSE_MARKS.finditer(folded, start, cue.start))
    clause_start = marks[-1].end() if marks else start
    head = folded[clause_start:cue.start]
    if head.split()[-1:] in (["و"], ["ف"]):
        return None  # "و أضاف" (the و written apart, as in Tunisian copy) is "وأضاف"
    if not head.strip() and marks:  # "منظمته، فاطمة خلف، قالت": the name set off by commas
        clause_start = marks[-2].end() if len(marks) > 1 else start
        head = folded[clause_start:marks[-1].start()]
    for particle in _CONTRAST:
        at = head.rfind(particle + " ")
        if at >= 0 and (at == 0 or head[at - 1] == " "):
            clause_start, head = clause_start + at + len(particle) + 1, head[at + len(particle) + 1:]
            break
    words = list(_NON_SPACE.finditer(head))
    if not 1 <= len(words) <= _SUBJECT_BEFORE_WORDS:
        return None
    tokens = [_bare(arabic_token(w.group())) for w in words]
    first = tokens[0]
    if _prepositional(first, written(text, words, 0, clause_start)) or any(
            _ends_subject(t, written(text, words, n, clause_start), written(text, words, n + 1, clause_start), lexicon)
            for n, t in enumerate(tokens)):
        return None  # "وفي وقت لاحق قال", "بدوره قال", "كما قال": not a subject
    return _trimmed(text, clause_start + words[0].start(), clause_start + words[-1].end())


def _prepositional(token: str, original: str) -> bool:
    """«بالمقابل», «للمرة», «بدوره», «لذلك»: a word with ب, ل or ك that opens no subject; a name may begin with
    those letters («كوبر قال», «بوتين أكد», «لافروف قال»)."""
    return token.startswith(("ب", "ل", "ك")) and (
        token.startswith(("بال", "لل", "كال")) or _possessed(original) or token in _PREPOSITIONAL_WORDS)


_PREPOSITIONAL_WORDS = frozenset(fold(w) for w in ("لذا", "لذلك", "لهذا", "بذلك", "بهذا", "بينما", "بعدها", "بعدما",
                                                   "لكن", "كذا", "لاحقا", "بدوره", "بدورها", "بدورهم"))


_QUOTED_NAME = re.compile(r'\s*"([^"\n]{2,30})"')


def _quoted_name(text: str, folded: str, position: int, end: int, lexicon: Lexicon) -> Span | None:
    """"وأعلنت "رايان إير" أنها", "أعلن طيارو "رايان إير" في ألمانيا انضمامهم": a short quoted name right after the
    verb (or after one noun) that the reported words follow is the subject; a longer quotation is the content. Not
    after a colon: «وقال لها: "روحي من هون"» quotes what was said."""
    lead = re.match(r"\s*([^\s:]+\s+)?", folded[position:end])
    for offset in ((0, lead.end()) if lead and lead.group(1) else (0,)):
        match = _QUOTED_NAME.match(folded, position + offset, end)
        if match is None or len(match.group(1).split()) > 3:
            continue
        after = folded[match.end():end].split()[:1]
        if after and (arabic_token(after[0]) in lexicon.ar_stops or after[0].startswith(("في", "ال", "،", ",")) or
                      arabic_token(after[0]) in ("عن", "ان", "انه", "انها")):
            return _trimmed(text, position, match.end())
    return None


def _names_a_statement(folded: str, cue: Cue, end: int, lexicon: Lexicon) -> bool:
    """«جاء ذلك في بيان للوزارة» names who spoke; «جاء ذلك في قصر الصخير» only where (cues.toml ar_statement_nouns)."""
    if not fold(cue.text).endswith(" في"):
        return True
    following = folded[cue.end:end].split()[:1]
    if not following:
        return False
    base = arabic_token(following[0]).removeprefix("ال")  # «الكلمة التي ألقاها», «بيانها», «كلمته»
    forms = {base}
    for suffix in ("هما", "هم", "ها", "ه"):
        if base.endswith(suffix) and len(base) > len(suffix) + 2:
            stem = base[:-len(suffix)]
            forms |= {stem, stem[:-1] + "ه" if stem.endswith("ت") else stem}
    return bool(forms & lexicon.ar_statement_nouns)


def statement_owner(phrase: str, lexicon: Lexicon) -> str | None:
    """Whose statement «جاء ذلك في» names when its owner is definite, someone the story has named before:
    «مقابلة للصفدي» -> «الصفدي», «تصريحات للوزير الأمريكي» -> «الوزير الأمريكي». None for «بيان لوزارة الخارجية»
    (the phrase names the owner as it stands) and for anything that is no statement."""
    words = [arabic_token(search_form(word)) for word in phrase.split()]
    if len(words) < 2 or words[0].removeprefix("ال") not in lexicon.ar_statement_nouns:
        return None
    owner = 2 if len(words) > 2 and words[1] in _STATEMENT_ADJECTIVES else 1  # «مؤتمر صحفي لتسك»
    if words[owner].startswith("لل") and len(words[owner]) >= 4:
        described = ["ال" + words[owner][2:]]
        for word in words[owner + 1:owner + 3]:  # «للوزير الأمريكي»: the adjectives that go with it
            if not word.startswith("ال"):
                break
            described.append(word)
        return " ".join(described)
    if owner == 2 and words[owner].startswith("ل") and len(words[owner]) >= 4:
        return words[owner][1:]  # a name the story gave before («لتسك»): the caller looks it up
    return None


# What a statement is called between its noun and its owner («مؤتمر صحفي لتسك», «تصريحات صحفية لتسك»). Not «خاص»:
# «حديث خاص للعربية» names who was spoken to.
_STATEMENT_ADJECTIVES = frozenset(search_form(word) for word in ("صحفي", "صحافي", "صحفية", "صحافية", "مشترك",
                                                                 "مشتركة", "متلفز", "متلفزة", "رسمي", "رسمية"))


def _fronted_speaker(text: str, folded: str, start: int, cue: Cue, lexicon: Lexicon) -> Span | None:
    """"وكانت صحيفة X قد ذكرت", "أما صحيفة X فقالت": the subject between the opener and the verb."""
    marks = list(_CLAUSE_MARKS.finditer(folded, start, cue.start))
    clause_start = marks[-1].end() if marks else start
    if folded[clause_start:cue.start].split() == ["قد"] and marks:
        clause_start = marks[-2].end() if len(marks) > 1 else start  # "وكانت وزارة الدفاع، قد نشرت"
    for mark in [*reversed(marks[-4:-1]), None]:  # «وكان ولي العهد السعودي الأمير، محمد بن سلمان، قد قال»
        earlier = mark.end() if mark else start
        if pluperfect_opens(folded[earlier:cue.start].split(), lexicon) and earlier < clause_start:
            clause_start = earlier
            break
    words = [w for w in _NON_SPACE.finditer(folded[clause_start:cue.start]) if w.group() not in ("،", ",")]
    if not fronted_subject([w.group() for w in words], search_form(cue.text), lexicon):
        return None
    subject = words[1:-1] if words[-1].group() == "قد" else words[1:]
    while len(subject) > 1 and subject[-1].group() in lexicon.ar_time_words:
        subject = subject[:-1]  # «وكان الرئيس آنذاك قد قال»: when, not who
    if not subject:
        return None
    return _trimmed(text, clause_start + subject[0].start(), clause_start + subject[-1].end())


def chained_verb(text: str, cue: Cue, cues: list[Cue]) -> Cue | None:
    """The reporting verb of "وفق ما أفاد به X", "حسبما نقلت X": the source follows it, not the according-to cue."""
    following = next((c for c in cues if c.start >= cue.end and c.role == "speech"), None)
    if cue.role in ("according_to", "backward") and following and fold(text[cue.end:following.start]).strip() in ("", "ما"):
        return following
    return None


def _skip_chained_verb(text: str, cue: Cue, cues: list[Cue]) -> int:
    chained = chained_verb(text, cue, cues)
    position = chained.end if chained else cue.end
    after = re.match(r"\s*(?:به|بها|بهم)(?!\w)", fold(text[position:position + 8]))
    return position + after.end() if after else position


def _arabic_limit(folded: str, position: int, end: int, cue: Cue, cues: list[Cue], outlets: list[OutletMention],
                  lexicon: Lexicon, text: str) -> int:
    limits = [end]
    cut = arabic_cut(folded, position, end, lexicon)
    if cut:
        limits.append(cut.start())
    limits += [c.start for c in cues if c.start > position]
    words = list(_NON_SPACE.finditer(folded[position:end]))
    for number, word in enumerate(words):
        token = arabic_token(word.group())
        absolute = position + word.start()
        if number >= _MAX_SPEAKER_WORDS:
            break
        ends = _ends_arabic_speaker(token, number, cue, folded, absolute, outlets, lexicon) and not name_ali(
            written(text, words, number, position), written(text, words, number + 1, position))  # «محمد علي في»
        if ends or (number > 0 and _suffixed_masdar(text, absolute, word.group())) or (
                number == 0 and _owned_verbal_noun(text[absolute:absolute + len(word.group())])):
            limits.append(absolute)
            break
    limit = min(limits)
    body_end = stripped_end(folded, end, " .!?؟\n\"”»")
    if folded.startswith("عن ", limit) and not any(position <= o.start < limit for o in outlets):
        # "أعلن X عن ...": X is a bare subject, possibly followed by the announced noun.
        return _bare_subject_end(folded, position, limit, lexicon)
    if limit < body_end or cue.role == "according_to":
        return limit
    return _bare_subject_end(folded, position, end, lexicon)


def arabic_cut(folded: str, position: int, end: int, lexicon: Lexicon) -> re.Match[str] | None:
    """The punctuation that ends an Arabic phrase; a short quoted name after an organisation word ("النائب في كتلة
    «التنمية والتحرير» قاسم هاشم") is part of the phrase."""
    cut = _AR_CUT.search(folded, position, end)
    while cut is not None and cut.group() == '"':
        before = folded[position:cut.start()].split()
        close = folded.find('"', cut.end(), min(end, cut.end() + 40))
        if not before or arabic_token(before[-1]).lstrip("وب") not in lexicon.ar_name_quoters or close < 0:
            break
        cut = _AR_CUT.search(folded, close + 1, end)
    return cut


def _suffixed_masdar(text: str, position: int, word: str) -> bool:
    """"أكد كيم التزامه ...": a verbal noun opening with ال (form VIII/X: التزام، استعداد) and ending with a
    possessive pronoun (a real ه, not a folded ة) begins the reported words."""
    original = text[position:position + len(word)].rstrip("،,.:")
    return original.startswith(("الت", "الا", "الإ", "است")) and len(original) >= 6 and original.endswith(_POSSESSIVE)


# Verbal nouns of the derived forms with a possessive pronoun, as written: «انسحابه» (VII), «التزامه», «اعتزامها»
# (VIII), «استعداده» (X), «تأييده», «ترحيبه» (II).
_OWNED_VERBAL_NOUN = re.compile(r"[وف]?(?:ان\w\wا\w|ا\wت\wا\w|است\w{3,4}|ت\w\wي\w)(?:ه|ها|هم|هما)[،,.:]?")


def _owned_verbal_noun(word: str) -> bool:
    """«وأعلن انسحابه من الاتفاق», «كما أكد تأييده لجهود»: the verb's object, its subject unsaid (it refers back)."""
    return _OWNED_VERBAL_NOUN.fullmatch(word) is not None


def arabic_token(word: str) -> str:
    """A word without punctuation or digits glued to it ("فإن3" -> "فإن", "قوله:" -> "قوله")."""
    return re.sub(r"[\d%٪]+$", "", word.strip("،,.:"))


def _bare(token: str) -> str:
    """A word without its و/ف when what is left is a particle ("وفي" -> "في")."""
    return token[1:] if token[:1] in "وف" and token[1:] in _SUBJECT_BREAKS else _unprefixed(token)


def _unprefixed(token: str) -> str:
    return token[1:] if token[:1] in "وف" and len(token) > 3 else token


# Verbs whose first letter و is their own, not the conjunction: «ورد في التقرير أن».
_WAW_VERBS = frozenset({"ورد", "وصف", "وعد"})


def cue_verb(cue: Cue) -> str:
    """An Arabic cue verb without its و/ف prefix."""
    folded = search_form(cue.text)  # without the marks of "ثمّنت"
    return folded[1:] if folded[:1] in "وف" and len(folded) > 3 and folded not in _WAW_VERBS else folded


def _bare_subject_end(folded: str, position: int, end: int, lexicon: Lexicon) -> int:
    """With nothing marking where the reported words begin ("أعلن الجيش الإسرائيلي مقتل ..."), the subject is its
    first word and what qualifies it: definite words, a noun that a definite word follows ("هيئة عمليات التجارة"),
    or a place ("في غزة")."""
    spans = list(_NON_SPACE.finditer(folded[position:end]))
    words = [span.group() for span in spans]
    if not spans:
        return end
    last, number = 0, 1
    while number < min(len(words), _MAX_SPEAKER_WORDS):
        word, following = words[number], words[number + 1] if number + 1 < len(words) else ""
        if (word == "في" and following and number + 2 < len(words)) or (word in lexicon.ar_name_links and following):
            last, number = number + 1, number + 2
        elif word.startswith(("ال", "لل", "باسم")) or (following.startswith("ال") and not word.startswith("ب")):
            last, number = number, number + 1
        else:
            break
    return position + spans[last].end()


def _ends_arabic_speaker(token: str, number: int, cue: Cue, folded: str, position: int,
                         outlets: list[OutletMention], lexicon: Lexicon) -> bool:
    if token in lexicon.ar_stops:
        return True
    if token == "عن" and number > 0 and cue_verb(cue) in lexicon.ar_an_verbs:
        # "أعلن الجيش عن": the content; "عن الكشف", "تقرير صادر عن الأمم المتحدة": still the subject
        return not folded.endswith(("الكشف", "الافصاح", "صادر", "صادره"), 0, stripped_end(folded, position))
    if number > 0 and lexicon.ar_content_openers.get(cue_verb(cue)) == token:
        return True  # "أشار X إلى", "شدد X على أهمية": the reported content begins
    if token == "مع" and lexicon.ar_complement.get(cue_verb(cue)) == "عن":
        return True  # "تحدث الوزير مع نظيره عن": whom the subject spoke with, not who spoke
    if (number > 0 and (token == "ب" or token.startswith(("بال", "بان")))
            and "ب" in lexicon.ar_complement.get(cue_verb(cue), "").split("|")):
        return True  # «أقرت السعودية بالهزيمة», «بـ"موته"», «بأن»: what was acknowledged begins (not «بوتين»)
    if cue_verb(cue) in lexicon.ar_by_saying_objects_of and _praised_opens(token, folded, position):
        return True  # «وأشاد بمقترح الأمم المتحدة», «ورحب بالقرار», «وأشاد بوتين بالاتفاق»: what was praised begins
    if number > 0 and len(token) > 3 and token in lexicon.ar_complement.get(cue_verb(cue), "").split("|"):
        return True  # «أصدر جهاز المنافسة بيانا أكد فيه»: the statement issued ends the name of who issued it
    if lexicon.ar_stop_phrases and folded.startswith(lexicon.ar_stop_phrases, position):
        return True
    if number == 0:
        # "ريمي دانجينو، قال للتلفزيون الحكومي إن": the verb speaks to an addressee; its subject is before it
        return token.startswith(lexicon.ar_addressees)
    if token == "ل" or token in lexicon.ar_relatives or _unprefixed(token) in lexicon.ar_speech_verbs:
        # "مصدر دبلوماسي لـ"العربية.نت"", "الإحاطة التي يعقدها الأنصاري", "صحيفة X تقريرا قالت فيه"
        return True
    addressed = token.startswith("ل") and (
        any(token[1:].startswith(t) for t in lexicon.ar_types) or token.startswith(lexicon.ar_addressees)
        or (token.startswith("لل") and "ال" + token[2:] in lexicon.outlet_back)
        or any(o.start in (position, position + 1, position + 2) for o in outlets))
    return addressed


def _praised_opens(token: str, folded: str, position: int) -> bool:
    """The object of a verb taking ب («أشاد ب», «رحب ب», «ندد ب»): a definite ب-word or ب alone («بالقرار», «بـ"X"»),
    or a ب-word a definite word follows («بمقترح الأمم»); «بوتين بالاتفاق» opens with the name, «المتحدث باسم
    الوزارة» is who spoke."""
    if not token.startswith("ب") or token == "باسم":
        return False
    if token == "ب" or token.startswith("بال"):
        return True
    following = _QUOTED_WORD.match(folded, position + len(token))
    return following is not None and following.group(1).startswith("ال")


_QUOTED_WORD = re.compile(r"[\s\"«“]*(\w+)")  # the next word, in quotation marks or not («بمقترح "العربية.نت"»)


def _trimmed(text: str, start: int, end: int) -> Span | None:
    segment = text[start:end]
    stripped = segment.strip(" \t\n،,ـ.:؛")
    if not stripped:
        return None
    offset = start + segment.index(stripped)
    return Span(stripped, offset, offset + len(stripped))
