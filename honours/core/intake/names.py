"""Reading a personal name at a given place in a sentence.

Chinese text has no spaces, so where a name ends is a judgement: 谷井文带领 is 谷井文 + 带领,
白云带病 is 白云 + 带病, 王芳在 is 王芳 + 在. Each reading (surname + one or two characters,
compound surname + one or two) is scored by what follows it; the best reading wins and ties
go to the three-character name, the commonest kind.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..names import DOT_LIKE
from . import lexicon as lx


def index_by_first_char(words) -> dict[str, tuple[str, ...]]:
    """Words grouped by first character, longest first, so a look-up scans only a handful."""
    index: dict[str, list[str]] = {}
    for word in lx.longest_first(frozenset(words)):
        index.setdefault(word[0], []).append(word)
    return {ch: tuple(ws) for ch, ws in index.items()}


_MULTI_FOLLOWERS = index_by_first_char(w for w in lx.NAME_FOLLOWERS if len(w) >= 2)
_MULTI_POSITIONS = index_by_first_char(w for w in lx.POSITIONS if len(w) >= 2)
_BLOCKING = index_by_first_char(
    w
    for w in lx.POSITIONS | lx.STRONG_TITLE_CORES | frozenset(lx.ORG_SUFFIXES) | lx.COMMON_WORDS
    if len(w) >= 2
)
_HARD_BLOCKING = index_by_first_char(
    w for w in lx.POSITIONS | lx.STRONG_TITLE_CORES | frozenset(lx.ORG_SUFFIXES) if len(w) >= 2
)
# words that may also be a whole given name (郑|玉林, 于|惠民) when the name's end is clearly marked
_WORD_GIVEN_NAMES = frozenset(
    w
    for w in lx.COMMON_WORDS
    if len(w) == 2
    and w not in lx.POSITIONS | lx.STRONG_TITLE_CORES | frozenset(lx.ORG_SUFFIXES) | lx.NAME_FOLLOWERS
    and not any(ch in lx.NON_NAME_CHARS or ch in lx.FUNCTION_CHARS for ch in w)
)


def starts_with_any(text: str, position: int, index: dict[str, tuple[str, ...]]) -> str:
    """The longest indexed word at `position`, or ""."""
    if position >= len(text):
        return ""
    for word in index.get(text[position], ()):
        if text.startswith(word, position):
            return word
    return ""


_DELIMITERS = set('，,、。；;：:！？!?（）()“”「」‘’"《》—…·\n 　')


@dataclass(frozen=True)
class NameHit:
    start: int
    end: int
    name: str
    score: int  # 3: a delimiter or strong word follows; 2: a function word follows; 0: unclear


def _is_han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or ch == "\u3007"


_DEGREE_WORDS = frozenset("很挺")


def _follow_score(text: str, end: int) -> int:
    if end >= len(text):
        return 3
    ch = text[end]
    if ch in _DELIMITERS or not _is_han(ch):
        return 3
    if starts_with_any(text, end, _MULTI_FOLLOWERS) or ch in _DEGREE_WORDS:
        return 3  # 向竟成很激动: a degree word never goes on a name
    if ch in lx.NAME_FOLLOWERS or ch in lx.FUNCTION_CHARS:
        return 2
    if starts_with_any(text, end, _MULTI_POSITIONS):
        return 2
    return 0


def _given_ok(given: str) -> bool:
    if len(given) == 2 and given[0] in _GIVEN_FIRST_ONLY:  # 汪其德: 其 opens many given names
        return _is_han(given[1]) and given[1] not in lx.NON_NAME_CHARS
    return all(_is_han(ch) and ch not in lx.NON_NAME_CHARS for ch in given)


_GIVEN_FIRST_ONLY = frozenset("其向")  # 汪其德, 胡向东


def name_at(text: str, start: int, *, strict: bool = False) -> NameHit | None:
    """The name beginning exactly at `start`, or None.

    `strict` is for places where no title or post announces a name (the head of a clause, a
    list): it refuses surnames that are everyday words (于, 全, 向 ...) and unclear endings.
    """
    if start < 0 or start >= len(text) or not _is_han(text[start]):
        return None
    dotted = _dotted_name(text, start)
    if dotted:
        return dotted
    padded = _padded_name(text, start, strict)
    if padded:
        return padded
    readings: list[NameHit] = []
    surname2 = text[start : start + 2]
    if surname2 in lx.COMPOUND_SURNAMES and not _ends_post(text, start + 1):
        for given_len in (2, 1):
            readings.extend(_reading(text, start, 2, given_len))
    first = text[start]
    if first in lx.SURNAMES and not (strict and first in lx.AMBIGUOUS_SURNAMES):
        for given_len in (2, 1):
            readings.extend(_reading(text, start, 1, given_len))
    if not readings:
        return None
    best = max(readings, key=lambda r: (r.score, len(r.name)))
    if strict and best.score < 2:
        return None
    return best


def _ends_post(text: str, end: int) -> bool:
    """副院长孙明: the first character of a compound surname (长孙) ends the post before it."""
    return any(text[end - k : end] in lx.POSITIONS for k in range(2, 6) if end - k >= 0)


# bounded by list marks, a given name may hold a character that is mostly a word (王从亮, 华日刚)
_NEVER_GIVEN = lx.NON_NAME_CHARS - frozenset("日从向其任以自为于年")


# bounded on the left by a post or unit and on the right by a list mark (校长蒋宗会，/ 班组长吴作国，),
# a given name may hold any character but the grammar words that never name anyone
_NEVER_GIVEN_BY_POST = frozenset(
    "的了着过们么呢吗啊这那些什哪谁您你我他她它等被把对从给让使与及或而但且则于在是无不没也都还又已曾就"
    "之此该每各个名位次余共约近第届度亿百十零并称获授评捐赠款物件只套箱说讲看望慰问陪带省市县区乡村"
)


def bounded_name(text: str, start: int, end: int, *, by_post: bool = False) -> NameHit | None:
    """A name known to fill text[start:end] exactly, because list marks or a bracket bound it
    (张永和（某公司）、…): only its shape is checked, surname and given name, so a given name ending
    in a word-like character (和, 才, 同) is still read whole."""
    name = text[start:end]
    if not 2 <= len(name) <= 4 or not all(_is_han(ch) for ch in name):
        return None
    surname_len = 2 if name[:2] in lx.COMPOUND_SURNAMES and len(name) >= 3 else 1
    if name[:surname_len] not in lx.SURNAMES and surname_len == 1:
        return None
    given = name[surname_len:]
    if not 1 <= len(given) <= 2 or name in lx.COMMON_WORDS or given[-1] == "地":
        return None
    never = _NEVER_GIVEN_BY_POST if by_post else _NEVER_GIVEN
    if not all(_is_han(ch) and ch not in never for ch in given):
        return None  # 王从亮, 华日刚: bounded, a given name may hold a character that is mostly a word
    if starts_with_any(text, start + surname_len, _HARD_BLOCKING):
        return None  # 王主任: a post, not a given name (a word such as 惠民 may be one)
    return NameHit(start, end, name, 2)


_BOUNDED_ONLY_ENDS = frozenset("年")  # 李延年, 张本年: a given name may end so, when a list mark follows


def _bounded_given(text: str, given: str, end: int) -> bool:
    return (
        len(given) == 2
        and given[-1] in _BOUNDED_ONLY_ENDS
        and _given_ok(given[0])
        and end < len(text)
        and text[end] in "等、，,。；;"
    )


_NOT_GIVEN_NAMES = frozenset(("大家", "我们", "你们", "他们", "她们", "自己", "群众", "大众", "职工", "同学"))


def _reading(text: str, start: int, surname_len: int, given_len: int) -> list[NameHit]:
    end = start + surname_len + given_len
    if end > len(text):
        return []
    name = text[start:end]
    given = name[surname_len:]
    if not _given_ok(given) and not _bounded_given(text, given, end):
        return []
    if name in lx.COMMON_WORDS or name[:2] in lx.COMMON_WORDS and given_len == 2 and surname_len == 1:
        return []
    if name in lx.POSITIONS:
        return []  # 采油工班长: a post after a post, not 班|长
    if given in _NOT_GIVEN_NAMES or given[-1] == "地":
        return []  # 两位劳模向大家讲述: 向 + 大家 is no one; 光荣地获得: 地 makes an adverb
    if given[-1] in "今昨明" and text[end : end + 1] in ("(", "（", "日"):
        return []  # 于今(29)日 / 于昨日: a date, not 于今
    after_surname = start + surname_len
    score = _follow_score(text, end)
    blocking = starts_with_any(text, after_surname, _BLOCKING)
    if blocking:
        if not (
            blocking == given
            and given in _WORD_GIVEN_NAMES
            and score == 3
            and end < len(text)
            and name[:surname_len] not in lx.AMBIGUOUS_SURNAMES  # 和|居民 is no name
        ):
            return []  # 张主任, 王书记, 和先进工作者: a post or title, not a given name
        score = 2  # 郑玉林，… / 于惠民被授予…: a word that is the whole given name, its end marked
    if given_len == 2 and given[-1] in lx.FUNCTION_CHARS:
        if (
            given[-1] in _NAME_LIKE_FUNCTION_CHARS
            and score == 3
            and starts_with_any(text, end, _MULTI_FOLLOWERS)
        ):
            score -= 1  # 孙有才捐款: 才 ends many given names, and a strong word follows the three
        else:
            score -= 3  # 王芳在 → prefer 王芳
    if given_len == 2 and given[-1] == given[-2] == "某":
        score = max(score, 2)
    return [NameHit(start, end, name, score)]


_NAME_LIKE_FUNCTION_CHARS = frozenset("才更便则即再并同任因为以自")


def _padded_name(text: str, start: int, strict: bool) -> NameHit | None:
    """A two-character name padded to the width of three, as lists print them: 贺  彪、苏　华.
    The name is given without the spaces; its span covers them."""
    first = text[start]
    if first not in lx.SURNAMES or (strict and first in lx.AMBIGUOUS_SURNAMES):
        return None
    given = start + 1
    while given < len(text) and given - start <= 3 and text[given] == " ":
        given += 1
    if given == start + 1 or given - start > 3 or given >= len(text):
        return None
    ch = text[given]
    if not _is_han(ch) or ch in lx.NON_NAME_CHARS or ch in lx.FUNCTION_CHARS:
        return None
    end = given + 1
    if end < len(text) and text[end] not in _DELIMITERS:
        return None  # 王 小明, or words that happen to stand apart
    return NameHit(start, end, first + ch, 3)


def _dotted_name(text: str, start: int) -> NameHit | None:
    """Transliterated names with a middle dot: 买买提·吐尔逊, 阿依古丽·艾买提 (any dot that looks like one)."""
    end = start
    dots = 0
    while end < len(text) and end - start < 16 and (_is_han(text[end]) or text[end] in _DOTS):
        if text[end] in _DOTS:
            if end == start or not _is_han(text[end - 1]):
                return None
            dots += 1
        end += 1
    if dots == 0 or text[end - 1] in _DOTS:
        return None
    first_dot = next(i for i in range(start, end) if text[i] in _DOTS)
    first_part = text[start:first_dot]
    if len(first_part) < 2 or len(first_part) > 6:
        return None
    # the last part ends where a follower word begins (吐尔逊|捐款)
    last_dot = max(i for i in range(start, end) if text[i] in _DOTS)
    name_end = end
    for cut in range(last_dot + 2, end):
        if starts_with_any(text, cut, _MULTI_FOLLOWERS):
            name_end = cut
            break
    if name_end == end and end - last_dot - 1 >= 3 and text[end - 1] in "说讲称是在":
        name_end -= 1  # 古扎丽努尔·阿不力孜说，…: a one-character verb closes the run
    return NameHit(start, name_end, text[start:name_end], 3)


_DOTS = frozenset(DOT_LIKE)


def name_ending_at(text: str, end: int, *, strict: bool = True) -> NameHit | None:
    """A name that ends exactly at `end` (for lists read backwards: …、李四各捐款)."""
    for length in (3, 2, 4):
        start = end - length
        if start < 0:
            continue
        hit = name_at(text[:end], start, strict=strict)
        if hit is not None and hit.end == end:
            return hit
    return None


def plausible_name(name: str) -> bool:
    """Is `name` a believable personal name on its own (for byline words and list items)?"""
    if not 2 <= len(name) <= 4 and "·" not in name:
        return False
    hit = name_at(name, 0)
    return hit is not None and hit.end == len(name)
