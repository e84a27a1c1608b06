"""Resident identity card numbers (居民身份证号码, GB 11643-1999): checked, read, masked.

An 18-character number is 6 digits of the issuing area, the birth date (YYYYMMDD), a
3-digit sequence whose parity is the sex (odd: male) and an ISO 7064 MOD 11-2 check
character (0-9 or X). Old 15-digit numbers (before 1999) have a 2-digit year (19YY) and no
check character; they are accepted and read as the 18-character number they became.

An ID number is personal data: it is shown masked (`430402********123X`) wherever a person
did not ask to see it, and found by its whole or its last four to six characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .i18n import Message, Text, Worded
from .vocabulary import GENDERS

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_CHECK = "10X98765432"
_SHAPE18 = re.compile(r"^[1-9][0-9]{16}[0-9X]$")
_SHAPE15 = re.compile(r"^[1-9][0-9]{14}$")
_SEPARATORS = re.compile(r"[\s\-\uff0d‐—_]+")
MASK = "*"


class IdNumberError(Worded, ValueError):
    """An ID number that cannot be one: wrong length, characters, birth date or check character.
    `str()` is English and `.text` the message, as a record's value errors are."""

    def __init__(self, text: Message | str, zh: str | None = None) -> None:
        super().__init__(self._word(text, zh))


@dataclass(frozen=True)
class IdNumber:
    """A checked 18-character number and what it says."""

    number: str
    born: date
    gender: str  # 男 / 女, as the vocabulary writes them
    converted_from: str = ""  # the 15-digit number it was written as, if it was

    def masked(self) -> str:
        return mask(self.number)


def check_character(first17: str) -> str:
    """The ISO 7064 MOD 11-2 check character of the first 17 digits."""
    return _CHECK[sum(int(d) * w for d, w in zip(first17, _WEIGHTS, strict=True)) % 11]


def _clean(text: str) -> str:
    folded = text.translate(
        {code: code - 0xFEE0 for code in range(0xFF10, 0xFF1A)} | {0xFF38: ord("X"), 0xFF58: ord("X")}
    )
    return _SEPARATORS.sub("", folded).upper()


def parse_id_number(text: str, *, today: date | None = None) -> IdNumber:
    """`text` as a checked ID number; IdNumberError (English and Chinese) saying what is wrong."""
    written = (text or "").strip()
    number = _clean(written)
    converted = ""
    if _SHAPE15.match(number):
        converted = number
        first17 = number[:6] + "19" + number[6:]
        number = first17 + check_character(first17)
    elif len(number) != 18:
        raise IdNumberError(
            Text(
                "the ID number “{written}” has {number_count} characters, not 18 (or an old 15)",
                written=written,
                number_count=len(number),
            ),
        )
    if not _SHAPE18.match(number):
        raise IdNumberError(
            Text("the ID number “{written}” may hold only digits and a final X", written=written),
        )
    try:
        born = date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        raise IdNumberError(
            Text(
                "the ID number “{written}” holds no valid date of birth ({number})",
                written=written,
                number=number[6:14],
            ),
        ) from None
    if born.year < 1870 or born > (today or date.today()):
        raise IdNumberError(
            Text(
                "the ID number “{written}” gives an impossible date of birth ({isoformat})",
                written=written,
                isoformat=born.isoformat(),
            ),
        )
    expected = check_character(number[:17])
    if not converted and number[17] != expected:
        raise IdNumberError(
            Text(
                "the ID number “{written}” fails its check character (the last should be {expected}): a digit is probably mistyped",
                written=written,
                expected=expected,
            ),
        )
    male, female = GENDERS.keys  # an odd 17th digit is a man's
    gender = male if int(number[16]) % 2 else female
    return IdNumber(number, born, gender, converted)


def mask(number: str) -> str:
    """`430402********123X`: the area and the last four kept, the birth date and the rest hidden."""
    text = _clean(number or "")
    if len(text) <= 8:
        return MASK * len(text)
    return text[:6] + MASK * (len(text) - 10) + text[-4:]


def disagreements(parsed: IdNumber, *, born: str = "", gender: str = "") -> list[Message]:
    """Where a record's own birth date (YYYY, YYYY-MM or YYYY-MM-DD) or gender says otherwise
    than its ID number; empty when they agree or are not given."""
    out: list[Message] = []
    given = (born or "").strip()
    if given:
        iso = parsed.born.isoformat()
        if not iso.startswith(given[:10]):
            out.append(
                Text(
                    "the date of birth {given} is not the one in the ID number ({iso})", given=given, iso=iso
                )
            )
    if gender and gender != parsed.gender:
        out.append(
            Text(
                "the gender {gender} is not the one the ID number gives ({given})",
                gender=gender,
                given=parsed.gender,
            )
        )
    return out


def search_key(text: str) -> str | None:
    """What a search for an ID number compares: a whole number (15 or 18) as its 18 characters,
    or its last four to six characters as typed; None for text that is neither."""
    cleaned = _clean(text)
    if 4 <= len(cleaned) <= 6 and re.fullmatch(r"[0-9]+X?|[0-9]*X", cleaned):
        return cleaned
    try:
        return parse_id_number(cleaned).number
    except IdNumberError:
        return None
