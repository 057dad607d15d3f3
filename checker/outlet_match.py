"""Finding registry aliases in article text: a word index, so matching costs the same with 10 or 10,000 aliases.

Text and aliases are split into the same words (folded by `checker.normalize.fold`, which keeps offsets, and with
Latin accents dropped); an alias matches where its words follow one another joined only by separators (space,
hyphen, dot, slash). Arabic clitics (و ف ب ل, and "لل" for "ل" + "ال") and English possessives are left out of the
span.
"""
from __future__ import annotations

import re
from typing import Generic, Iterable, TypeVar

from checker.normalize import fold

T = TypeVar("T")
_TOKEN = re.compile(r"[\w+&]+(?:'[\w+&]+)*'?")
# Separators between an alias's words; one quotation mark may split a name ('الجوهرة "اف ام"').
_GAP = re.compile(r'[\s\-‐.·/]*"?[\s\-‐.·/]*')
_CLITIC_LETTERS = "وفبل"  # not ك: "كافي", "كائنا" would become outlets
_LATIN_ACCENTS = str.maketrans("àáâãäåçèéêëìíîïñòóôõöùúûüýÿşğıćčšžłőű", "aaaaaaceeeeiiiinooooouuuuyysgiccszlou")


def _tokens(folded: str) -> list[re.Match[str]]:
    """Words of folded text; Latin accents are dropped (same length) so "Mosaique" finds "Mosaïque"."""
    return list(_TOKEN.finditer(folded.translate(_LATIN_ACCENTS)))


def alias_words(alias: str) -> tuple[str, ...]:
    """The words an alias is matched on: folded, split like article text, a leading "the" dropped."""
    words = tuple(m.group() for m in _tokens(fold(alias)))
    return words[1:] if len(words) > 1 and words[0] == "the" else words


class AliasMatcher(Generic[T]):
    """Aliases by their first two words: each article word costs a few dictionary lookups, however big the registry.

    (One regex over 3,000 aliases took 0.6 s to compile and scanned every alias at each position.)
    """

    def __init__(self, aliases: dict[str, T]) -> None:
        """`aliases`: each alias's matching form (`" ".join(alias_words(alias))`) and what a match gives."""
        self._single: dict[str, T] = {}
        self._by_two: dict[tuple[str, str], list[tuple[tuple[str, ...], T]]] = {}
        for form, alias in aliases.items():
            words = tuple(form.split())
            if len(words) == 1:
                self._single.setdefault(words[0], alias)
            elif words:
                self._by_two.setdefault(words[:2], []).append((words, alias))
                if len(words) == 2:  # "Al Jazeera's", "Fars News'"
                    self._by_two.setdefault((words[0], words[1] + "'s"), []).append((words, alias))
                    self._by_two.setdefault((words[0], words[1] + "'"), []).append((words, alias))
        self._two_firsts = frozenset(first for first, _ in self._by_two)
        for candidates in self._by_two.values():
            candidates.sort(key=lambda item: -len(item[0]))
        self._openers = _written_forms(self._two_firsts | self._single.keys())

    def finditer(self, folded: str) -> Iterable[tuple[T, int, int]]:
        """(alias, start, end) left to right, longest first, not overlapping; Arabic clitics left out of the span.

        Only words that may open an alias (`_written_forms`) are tried: one set intersection over the text's
        words leaves most sentences with none."""
        plain = folded.translate(_LATIN_ACCENTS)
        words = _TOKEN.findall(plain)
        openers = self._openers.intersection(words)
        if not openers:
            return
        tokens = list(_TOKEN.finditer(plain))
        position = 0  # the first token not yet inside a match
        for candidate in [number for number, word in enumerate(words) if word in openers]:
            if candidate < position:
                continue
            found = self._match_at(folded, tokens, candidate)
            if found is None:
                continue
            alias, start, end, used = found
            yield alias, start, end
            position = candidate + used

    def _match_at(self, folded: str, tokens: list[re.Match[str]], position: int
                  ) -> tuple[T, int, int, int] | None:
        token = tokens[position]
        word = token.group()
        for first, cut, length in _first_forms(word):
            if first in self._two_firsts and cut + length == len(word) and position + 1 < len(tokens):
                following = tokens[position + 1]
                if _joined(folded, token.end(), following.start()):
                    for words, alias in self._by_two.get((first, following.group()), ()):
                        end = _match_rest(folded, tokens, position, words)
                        if end is not None and not self._quoted_alias_inside(folded, tokens, position, words):
                            return alias, token.start() + cut, end, len(words)
            single = self._single.get(first)
            if single is not None:
                return single, token.start() + cut, token.start() + cut + length, 1
        return None

    def _quoted_alias_inside(self, folded: str, tokens: list[re.Match[str]], position: int,
                             words: tuple[str, ...]) -> bool:
        """'وكالة الأنباء الكويتية «كونا»' is two names, the quoted one an alias of its own; 'الجوهرة "اف ام"' is one."""
        for offset in range(1, len(words)):
            if '"' in folded[tokens[position + offset - 1].end():tokens[position + offset].start()]:
                rest = words[offset:]
                return (rest[0] in self._single and len(rest) == 1) or any(
                    found == rest for found, _ in self._by_two.get(rest[:2], ()))
        return False


def _written_forms(firsts: Iterable[str]) -> frozenset[str]:
    """Every word in which `_first_forms` may find one of `firsts`: the word, with a possessive after it, with up
    to two clitics before it, and "ال..." written "لل..." after ل (a few more than that: only a filter)."""
    forms = set()
    clitics = ["", *_CLITIC_LETTERS, *(a + b for a in _CLITIC_LETTERS for b in _CLITIC_LETTERS)]
    for first in firsts:
        forms.update((first, first + "'", first + "'s"))
        forms.update(clitic + first for clitic in clitics)
        if first.startswith("ال"):
            forms.update(clitic + "لل" + first[2:] for clitic in clitics)
    return frozenset(forms)


def _first_forms(word: str) -> list[tuple[str, int, int]]:
    """(form, chars cut before, chars of text it covers): the word, then without a possessive ("Reuters'",
    "Haaretz's") or Arabic clitics ("لوكالة" -> "وكالة", "وللشرق" -> "الشرق")."""
    forms = [(word, 0, len(word))]
    if word[-1] == "'":
        forms.append((word[:-1], 0, len(word) - 1))
    elif word.endswith("'s") and len(word) > 3:
        forms.append((word[:-2], 0, len(word) - 2))
    if word[0] in _CLITIC_LETTERS:
        for cut in (1, 2):
            if len(word) - cut < 2 or word[cut - 1] not in _CLITIC_LETTERS:
                break
            forms.append((word[cut:], cut, len(word) - cut))
            if word[cut - 1:cut + 1] == "لل":
                forms.append(("ا" + word[cut:], cut, len(word) - cut))
    return forms


def _match_rest(folded: str, tokens: list[re.Match[str]], position: int, words: tuple[str, ...]) -> int | None:
    """The end offset if the tokens after `position` are the alias's other words, joined only by separators."""
    if position + len(words) > len(tokens):
        return None
    for offset, word in enumerate(words[1:], start=1):
        token = tokens[position + offset]
        if not _joined(folded, tokens[position + offset - 1].end(), token.start()):
            return None
        last = offset == len(words) - 1
        if token.group() != word and not (last and token.group() in (word + "'s", word + "'")):
            return None
    return tokens[position + len(words) - 1].start() + len(words[-1])


def _joined(folded: str, end: int, start: int) -> bool:
    """Two words of one name: something separates them, and it is only separators."""
    return start > end and _GAP.fullmatch(folded, end, start) is not None
