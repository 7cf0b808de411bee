"""Language and script detection: simplified vs traditional decided from the characters.

The script comes from counting characters that only one script uses, taken from OpenCC's own
character tables (STCharacters: simplified → traditional candidates, TSCharacters: the reverse).
A character is *simplified-only* when it is a key of STCharacters, not among its own
candidates (发 → 發 髮) and not a Taiwan/Hong Kong standard form (群); *traditional-only* when it
is a key of TSCharacters and not among its own candidates (後 → 后).
Characters both scripts use (干, 于, 人, 民 …) count for neither.

The language is ``zh`` directly when CJK ideographs dominate the letters, ``ja``/``ko`` when kana or
Hangul are present in quantity, and otherwise comes from langdetect with a restricted profile set
(no Korean profile: it is full of Chinese characters and calls official Chinese "ko", upstream
issue Mimino666/langdetect#51), seeded so that results are deterministic.

Text made only of shared characters (人民, 干部) is reported as ``zh-Hans`` with confidence 0.5:
it reads the same in both scripts, and treating it as simplified is what makes conversion to a
traditional target right (干部 → 幹部), while converting it to simplified changes nothing.
"""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from huibao.convert import engine

log = logging.getLogger(__name__)

SCRIPTS = ("zh-Hans", "zh-Hant", "mixed")

# Below this share of the minority script, a text counts as the majority script (stray
# characters from a bad conversion or mojibake); above it, as ``mixed``.
MIXED_THRESHOLD = 0.1


@dataclass(frozen=True)
class Detection:
    """Result of :func:`detect`.

    ``language``: ISO 639-1 code (``zh``, ``en`` …) or None for empty/letterless text.
    ``script``: ``zh-Hans``, ``zh-Hant``, ``mixed``, or None when the text is not Chinese.
    ``confidence``: 0..1, for the script when Chinese, otherwise for the language.
    ``evidence``: ``simplified_only``, ``traditional_only`` and ``cjk`` character counts.
    """

    language: str | None
    script: str | None
    confidence: float
    evidence: dict[str, int] = field(default_factory=dict)

    def as_dict(self) -> dict[str, object]:
        return {
            "language": self.language,
            "script": self.script,
            "confidence": self.confidence,
            "evidence": dict(self.evidence),
        }


# ---------------------------------------------------------------------------------------------
# Script-specific character sets from OpenCC's dictionaries
# ---------------------------------------------------------------------------------------------

# Used only when OpenCC's dictionary tool is unavailable: characters with a simplified →
# traditional mapping that are also correct traditional characters in some words.
_SHARED_FALLBACK = set("干于后里面只系余准范台征郁朴涂岳游松谷斗丑卜伙仆划向")


def _fallback_sets() -> tuple[frozenset[str], frozenset[str]]:
    chars = [chr(c) for c in range(0x4E00, 0xA000)]
    joined = "\n".join(chars)
    as_t = engine.plain_converter("s2t").convert(joined).split("\n")
    as_s = engine.plain_converter("t2s").convert(joined).split("\n")
    regional = {
        c for config in ("s2tw", "s2hk") for c in engine.plain_converter(config).convert(joined).split("\n")
    }
    simplified = {c for c, t in zip(chars, as_t, strict=True) if t != c} - _SHARED_FALLBACK
    simplified -= regional
    traditional = {c for c, s in zip(chars, as_s, strict=True) if s != c} - _SHARED_FALLBACK
    return frozenset(simplified - traditional), frozenset(traditional - simplified)


def _build_script_characters() -> tuple[frozenset[str], frozenset[str]]:
    try:
        st = engine.dictionary("STCharacters")
        ts = engine.dictionary("TSCharacters")
        regional = [engine.dictionary(n) for n in ("TWVariants", "HKVariants")]
    except OSError as exc:
        log.warning("OpenCC dictionary export failed (%s); using conversion fallback", exc)
        return _fallback_sets()
    # Taiwan and Hong Kong standard forms (群, 眾 …) are traditional even where OpenCC's own
    # standard prefers another form (羣, 衆).
    regional_forms = {c for table in regional for values in table.values() for c in values}
    simplified = {k for k, v in st.items() if len(k) == 1 and k not in v} - regional_forms
    traditional = {k for k, v in ts.items() if len(k) == 1 and k not in v}
    # A character listed as both (rare dictionary overlaps) proves nothing.
    both = simplified & traditional
    return frozenset(simplified - both), frozenset(traditional - both)


def script_characters() -> tuple[frozenset[str], frozenset[str]]:
    """Return (simplified-only, traditional-only) single characters, built once per OpenCC
    installation and kept in the cache folder (later processes detect without loading OpenCC)."""

    def build() -> list[str]:
        simplified, traditional = _build_script_characters()
        return ["".join(sorted(simplified)), "".join(sorted(traditional))]

    def load() -> tuple[frozenset[str], frozenset[str]]:
        simplified, traditional = engine.persisted("script-characters", build)
        return frozenset(simplified), frozenset(traditional)

    return engine.once(("script-characters",), load)  # type: ignore[no-any-return]


# ---------------------------------------------------------------------------------------------
# langdetect with a restricted profile set
# ---------------------------------------------------------------------------------------------

# Korean is decided from Hangul directly; its langdetect profile is what misreads Chinese.
_EXCLUDED_PROFILES = {"ko"}


def _factory() -> object:
    """Return langdetect's detector factory with huibao's profiles, built once."""
    return engine.once(("langdetect",), _build_factory)


def _build_factory() -> object:
    import langdetect
    from langdetect.detector_factory import DetectorFactory

    directory = Path(langdetect.__file__).parent / "profiles"
    profiles = [
        p.read_text(encoding="utf-8")
        for p in sorted(directory.iterdir())
        if p.is_file() and p.name not in _EXCLUDED_PROFILES and not p.name.startswith(".")
    ]
    factory = DetectorFactory()
    factory.load_json_profile(profiles)
    factory.seed = 0
    return factory


def _langdetect(text: str) -> tuple[str | None, float]:
    from langdetect.lang_detect_exception import LangDetectException

    factory = _factory()
    try:
        detector = factory.create()  # type: ignore[attr-defined]
        detector.append(text[:20000])
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return None, 0.0
    lang = str(best.lang)
    return ("zh" if lang.startswith("zh") else lang), round(float(best.prob), 3)


# ---------------------------------------------------------------------------------------------
# detect()
# ---------------------------------------------------------------------------------------------


def _is_cjk(c: str) -> bool:
    o = ord(c)
    return 0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3134F


def _is_kana(c: str) -> bool:
    return "\u3040" <= c <= "\u30ff" or "\u31f0" <= c <= "\u31ff"


def _is_hangul(c: str) -> bool:
    return "\uac00" <= c <= "\ud7af" or "\u1100" <= c <= "\u11ff" or "\u3130" <= c <= "\u318f"


def _script(simplified: int, traditional: int) -> tuple[str, float]:
    total = simplified + traditional
    if total == 0:
        return "zh-Hans", 0.5
    minority = min(simplified, traditional)
    majority = "zh-Hans" if simplified >= traditional else "zh-Hant"
    share = max(simplified, traditional) / total
    strength = 1 - 0.5 ** (total + 1)  # more evidence, more confidence: 1 char 0.75, 3 0.94
    if minority == 0:
        return majority, round(min(strength, 0.999), 3)
    if minority / total <= MIXED_THRESHOLD:
        return majority, round(min(share * strength, 0.999), 3)
    return "mixed", round(min(1.0, 2 * minority / total), 3)


def detect(text: str) -> Detection:
    """Return the language and Chinese script of ``text``.

    Empty or letterless text gives ``language`` None and ``script`` None with confidence 0.
    """
    # One pass over the text, then work on distinct characters only (fast on large texts).
    counts = Counter(text)
    simplified_set, traditional_set = script_characters()
    cjk = letters = hangul = kana = simplified = traditional = 0
    for char, n in counts.items():
        if not char.isalpha():
            continue
        letters += n
        if _is_cjk(char):
            cjk += n
            if char in simplified_set:
                simplified += n
            elif char in traditional_set:
                traditional += n
        elif _is_hangul(char):
            hangul += n
        elif _is_kana(char):
            kana += n
    evidence = {"simplified_only": simplified, "traditional_only": traditional, "cjk": cjk}
    if letters == 0:
        return Detection(None, None, 0.0, evidence)
    if hangul / letters > 0.3:
        return Detection("ko", None, round(hangul / letters, 3), evidence)
    if kana and kana / (kana + cjk) > 0.1:
        return Detection("ja", None, round(min(1.0, (kana + cjk) / letters), 3), evidence)
    if cjk / letters >= 0.3:
        language: str | None = "zh"
    else:
        language, probability = _langdetect(text)
        if language != "zh":
            return Detection(language, None, probability, evidence)
    script, confidence = _script(simplified, traditional)
    return Detection(language, script, confidence, evidence)
