"""Names in conversion: surnames after titles, and ``keep`` terms written in the target script.

OpenCC reads 余 in 主任余志刚 as 餘 (remaining): it knows 余局长 (a glossary entry) but not a
surname after a title. A surname the glossary knows (the character after 姓 in its entries: 余
于 范 游 岳 郁 涂) right after a title it knows (局长, 主任, 同志 …) stays a surname unless it
starts an OpenCC phrase that converts it (余下, 余额, 范围, 游览: a name that is also such a word,
余勇, takes the word's reading — list it in ``keep``), and when

1. a given name of one or two characters follows and then a name ends (同志, 先生, 女士,
   punctuation, a space, the end of the text) — 主任余志刚，/ 局长于志刚同志; or
2. the surname is not also a preposition (于) — 主任余志刚在会上讲话.

A surname opening a clause (after punctuation, a space or at the start) followed by a given name
of one or two characters and a title stays a surname too: 余志刚同志主持会议，/ 、余志刚主任
(其余干部同志 is not: 余 does not open the clause).

A ``keep`` term (a name) is converted on its own, so no phrase reaches across its edges, and
every character that is correct in both scripts stays as given (余志刚 → 余志剛, 干河村 → 干河村):
for a name the phrase context that would choose 餘 or 幹 does not exist.
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass

from huibao.convert import engine, glossary

log = logging.getLogger(__name__)

CJK = "\u4e00-\u9fff\u3400-\u4dbf"
#: Surnames that are also a function word after a title (局长于3月5日…): only rule 1 applies.
FUNCTION_WORD_SURNAMES = frozenset("于")
#: Two characters after 于 that are a time or an occasion, not a given name (书记于近日，).
NOT_GIVEN_NAMES = frozenset(
    {
        *("近日", "日前", "今年", "去年", "明年", "本月", "上月", "下月", "本周", "当天", "当日"),
        *("次日", "同日", "今日", "昨日", "近期", "年初", "年底", "月初", "月底", "上午", "下午"),
        *("晚上", "会上", "会后", "此", "是"),
    }
)
_NAME_END = re.compile(rf"(?:同志|先生|女士|[^{CJK}0-9A-Za-z]|$)")


@dataclass(frozen=True)
class NameRules:
    """The compiled surname rules: ``pattern`` finds a title followed by a surname (group 1);
    ``before_title`` a surname opening a clause with a name and a title after it (group 1)."""

    pattern: re.Pattern[str] | None
    surnames: frozenset[str]
    #: phrases starting with a surname that OpenCC converts (余下 → 餘下), by surname
    phrases: dict[str, frozenset[str]]
    longest_phrase: int
    before_title: re.Pattern[str] | None = None

    def surname_positions(self, text: str) -> list[int]:
        """Return the offsets in ``text`` of surnames after titles, or opening a clause before a
        name and a title (，余志刚同志); [] when there are none."""
        if self.pattern is None or not any(s in text for s in self.surnames):
            return []
        found = {m.start(1) for m in self.pattern.finditer(text) if self._is_surname(text, m.start(1))}
        if self.before_title is not None:
            found.update(
                m.start(1)
                for m in self.before_title.finditer(text)
                if not self._starts_phrase(text, m.start(1)) and m.group(2) not in NOT_GIVEN_NAMES
            )
        return sorted(found)

    def _starts_phrase(self, text: str, pos: int) -> bool:
        """Return True when an OpenCC phrase that converts the surname starts at ``pos``."""
        words = self.phrases.get(text[pos], frozenset())
        end = min(len(text), pos + self.longest_phrase)
        return any(text[pos:stop] in words for stop in range(pos + 2, end + 1))

    def _is_surname(self, text: str, pos: int) -> bool:
        surname = text[pos]
        if self._starts_phrase(text, pos):
            return False
        for length in (2, 1):
            given = text[pos + 1 : pos + 1 + length]
            if (
                len(given) == length
                and all(_is_cjk(c) for c in given)
                and given not in NOT_GIVEN_NAMES
                and _NAME_END.match(text, pos + 1 + length)
            ):
                return True
        return surname not in FUNCTION_WORD_SURNAMES and _is_cjk(text[pos + 1 : pos + 2] or "a")


def _is_cjk(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff" or "\u3400" <= char <= "\u4dbf"


_rules_lock = threading.Lock()
_rules: tuple[str, NameRules] | None = None


def name_rules() -> NameRules:
    """Return the surname rule for the current glossary, built once per glossary content."""
    global _rules
    fingerprint = glossary.fingerprint("names")
    current = _rules
    if current is not None and current[0] == fingerprint:
        return current[1]
    with _rules_lock:
        if _rules is None or _rules[0] != fingerprint:
            _rules = (fingerprint, _build_rules())
        return _rules[1]


def _build_rules() -> NameRules:
    names = glossary.names_in(glossary.glossary_pairs("s2t"))
    if not names.surnames or not names.titles:
        return NameRules(None, names.surnames, {}, 0)
    titles = "|".join(re.escape(t) for t in sorted(names.titles, key=lambda t: (-len(t), t)))
    surnames = "".join(sorted(names.surnames))
    pattern = re.compile(f"(?:{titles})([{re.escape(surnames)}])(?=[{CJK}])")
    try:
        table = engine.dictionary("STPhrases", first="".join(names.surnames))
    except OSError as exc:
        log.warning("OpenCC phrase export failed (%s); surname rule without phrase check", exc)
        table = {}
    phrases: dict[str, set[str]] = {s: set() for s in names.surnames}
    for key, values in table.items():
        if len(key) >= 2 and key[0] in phrases and values and values[0][0] != key[0]:
            phrases[key[0]].add(key)
    longest = max((len(k) for words in phrases.values() for k in words), default=0)
    frozen = {s: frozenset(words) for s, words in phrases.items()}
    # 3. a surname opening a clause, a one- or two-character given name, then a title
    before = re.compile(f"(?<![{CJK}])([{re.escape(surnames)}])([{CJK}]{{1,2}}?)(?:{titles})")
    return NameRules(pattern, names.surnames, frozen, longest, before)


def convert_keeping_surnames(
    text: str, convert: Callable[[str], str], rules: NameRules | None = None
) -> str:
    """Return ``convert(text)`` with every surname after a title left as it is; ``rules`` None
    means the current glossary's.

    The text is cut at those surnames and the pieces converted on their own: the title before
    and the given name after are a name's edges, so no phrase is lost by the cut.
    """
    positions = (rules or name_rules()).surname_positions(text)
    if not positions:
        return convert(text)
    starts = [0, *(p + 1 for p in positions)]
    ends = [*positions, len(text)]
    pieces = engine.convert_pieces(convert, [text[a:b] for a, b in zip(starts, ends, strict=True)])
    out = [pieces[0]]
    for pos, piece in zip(positions, pieces[1:], strict=True):
        out.append(text[pos])
        out.append(piece)
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# keep terms
# ---------------------------------------------------------------------------------------------


def _shared(dictionary_name: str) -> frozenset[str]:
    table = engine.dictionary(dictionary_name)
    return frozenset(k for k, v in table.items() if len(k) == 1 and k in v)


_shared_lock = threading.Lock()
_shared_sets: dict[bool, frozenset[str]] = {}


def shared_characters(traditional: bool) -> frozenset[str]:
    """Return the characters that need no conversion in a name for the target: characters that
    are also correct in traditional text (余 干 于 后 …) or in simplified text (乾 著 …).

    Falls back to the glossary's surnames when OpenCC's dictionary cannot be exported.
    """
    found = _shared_sets.get(traditional)
    if found is not None:
        return found
    with _shared_lock:
        if traditional not in _shared_sets:
            try:
                _shared_sets[traditional] = _shared("STCharacters" if traditional else "TSCharacters")
            except OSError as exc:
                log.warning("OpenCC dictionary export failed (%s); keep terms use surnames only", exc)
                return glossary.names_in(glossary.glossary_pairs("s2t")).surnames
        return _shared_sets[traditional]


def convert_names(terms: list[str], convert: Callable[[str], str], *, traditional: bool) -> list[str]:
    """Return the ``keep`` terms in the target script: each converted on its own (all in one
    call), with every character correct in both scripts left as given."""
    converted = engine.convert_pieces(convert, terms)
    shared = shared_characters(traditional) if converted != terms else frozenset()
    out: list[str] = []
    for term, new in zip(terms, converted, strict=True):
        if new == term or len(new) != len(term):
            out.append(new)
        else:
            out.append("".join(o if o in shared else c for o, c in zip(term, new, strict=True)))
    return out
