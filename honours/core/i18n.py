"""The words the core, the command line and printing show people, in English or Simplified Chinese.

One catalogue: the English text in the source is the gettext msgid, and its Chinese is in
`honours/locale/zh_CN/LC_MESSAGES/honours.po` (compiled to `honours.mo` by `make translations`,
which `make run` and `make test` build first, as they build the GUI's .qm from its .ts). The GUI
keeps Qt's tr() and its .ts; where both say the same English, the Chinese is the same (a test
compares them). No Qt here.

A message is a `Text`: made where the thing happens, rendered where a person reads it, in that
reader's language (the GUI's, the CLI's `user_language()`, a printed document's option).

How to add or change a message (the recipe; `tests/test_i18n_catalogue.py` enforces it):

1. Write the English once, as a literal, in a marker call; never an f-string, never a Chinese
   literal (a test refuses CJK string literals in honours/core, cli and printing outside the
   declared data modules it lists; an English msgid may quote a Chinese word)::

       from ..core.i18n import Text          # in honours/core: from .i18n import Text
       raise HonoursError(Text("No honouree with ID {ident}.", ident=ident))
       say(Text("Saved #{id} {name}.", id=h.id, name=h.name), err=True)  # CLI: user_language()
       notices.append(Text("Row {number} left out: {reason}.", number=n, reason=exc.text))

   Placeholders are `str.format` fields named by keyword (a format spec such as `{count:,}` may
   differ in the Chinese); write a literal brace as `{{`. A value may itself be a Message
   (rendered in the same language); anything else is put in with str().
   Never write a marker call inside another's arguments (the extractor does not see it): bind
   it to a name first, `none = Text("(none given)")`, then `Text("Columns: {c}", c=none)`.
   The same English meaning two things gets a context: `ptext("a collective", "Name")`.

   Turning an inline pair into one Text (the Chinese goes to the .po as its msgstr):
   - `say(en, zh)`, `HonoursError(en, zh)` and its subclasses, `UsageError`, `localised`,
     `Note`: pass one `Text`. A tuple `(en, zh)` in a list of notices or errors becomes a
     `Text`, and its readers render it: `notice.render(lang)` (or `.en` / `.zh`).
   - `if lang == "zh": ... else: ...` over wording: one `Text`, its Chinese form in the .po.
   - `{x!r}` in English but `“{x}”` in Chinese: `value=quoted(x)` (msgstr without the “”).
   - `", ".join(xs)` vs `"、".join(xs)`: `Joined(xs, "list")`; `"，"`: "commas"; `"；"`:
     "items"; sentences run together in Chinese: "sentences".
   - words declared in both languages by data (a vocabulary's label or choices, a field spec's
     label): `Declared(en_words, zh_words)`, not a catalogue entry.
   - the system's or a library's English (strerror, json, SQLite): `os_reason_text(exc)`,
     `json_problem_text(exc)` (core/errors.py), or `Foreign(original, Text("..."))`; what an
     exception says: `error_text(exc)`; an exception class worded in both languages
     subclasses `Worded` and calls `super().__init__(self._word(text, zh))`; a frozen dataclass
     worded by one message (a name's `Note`, a proposal's `Reason`) subclasses `Said`.
   - `"："` after a label written into a sheet's cell: `SEPARATORS["label"]`.
   Help texts of the CLI's argparse stay `_("...")` from honours.cli.i18n (rendered at once in
   the installed language); a msgid used through a variable is marked where written with
   `N_("...")` (or `NP_("context", "...")`), which returns it unchanged. A command's help in
   `@command(name, help)` is extracted as it is.
2. Run `make catalogue`: it extracts every marked msgid (pybabel extract -k Text -k ptext:1c,2
   -k _ -k N_ -k NP_:1c,2 -k command:2), merges them into the .po (entries no source uses any more are
   dropped), and compiles the .mo.
3. Open the .po, write the Chinese in each new `msgstr ""` (keep every `{name}` placeholder;
   use the GUI .ts's word where the GUI says the same English), remove any `#, fuzzy` line, and
   run `make translations` (or `make catalogue` again). `make test` fails while a msgid has no
   Chinese, a placeholder differs, or the .po and the source disagree.
4. A merge conflict in the .po: keep both sides' entries, then run `make catalogue` (it sorts
   the entries and drops what no source uses).

`str(text)` is the English; `.en`, `.zh` and `.render(lang)` give either wording.
"""

from __future__ import annotations

import gettext
import locale
import os
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Literal

DOMAIN = "honours"
LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
LANGUAGES = ("en", "zh")
_GETTEXT_LOCALE = {"zh": "zh_CN"}


def user_language() -> str:
    """'zh' when the environment asks for Chinese, else 'en' (the CLI's language)."""
    for var in ("HONOURS_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    try:
        loc = locale.getlocale()[0] or ""
    except ValueError:
        loc = ""
    return "zh" if loc.lower().startswith(("zh", "chinese")) else "en"


@cache
def translation(lang: str) -> gettext.NullTranslations:
    """The compiled catalogue for `lang` ('zh'); English (the msgids) for any other.

    A missing .mo is an error, not a quiet fall-back to English: `make translations` builds it.
    """
    code = _GETTEXT_LOCALE.get(lang)
    if code is None:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, str(LOCALE_DIR), languages=[code])


def translate(msgid: str, lang: str, context: str | None = None) -> str:
    """`msgid` (English) in `lang`."""
    catalogue = translation(lang)
    return catalogue.pgettext(context, msgid) if context else catalogue.gettext(msgid)


def N_(msgid: str) -> str:
    """Mark `msgid` for the catalogue where it is written; translated later where it is used."""
    return msgid


def NP_(context: str, msgid: str) -> str:
    """`N_` with a context."""
    return msgid


class Message:
    """Something that can be rendered for a reader: a `Text`, `Verbatim` or `Joined`."""

    __slots__ = ()

    def render(self, lang: str | None = None) -> str:
        raise NotImplementedError

    @property
    def en(self) -> str:
        return self.render("en")

    @property
    def zh(self) -> str:
        return self.render("zh")

    def __str__(self) -> str:
        return self.render("en")

    def __add__(self, other: Message) -> Joined:
        return Joined([self, other], "none")


class Text(Message):
    """A catalogued message: English msgid, keyword arguments for its `{placeholders}`."""

    __slots__ = ("args", "context", "msgid")

    def __init__(self, msgid: str, /, **args: object) -> None:
        self.msgid = msgid
        self.context: str | None = None
        self.args = args

    def render(self, lang: str | None = None) -> str:
        lang = lang or user_language()
        template = translate(self.msgid, lang, self.context)
        values = {k: v.render(lang) if isinstance(v, Message) else v for k, v in self.args.items()}
        return template.format(**values)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Text):
            return NotImplemented
        return (self.msgid, self.context, self.args) == (other.msgid, other.context, other.args)

    def __hash__(self) -> int:
        return hash((self.msgid, self.context))

    def __repr__(self) -> str:
        args = "".join(f", {k}={v!r}" for k, v in self.args.items())
        return f"Text({self.msgid!r}{args})"


def ptext(context: str, msgid: str, /, **args: object) -> Text:
    """A `Text` whose English also means something else elsewhere (gettext's msgctxt)."""
    text = Text(msgid, **args)
    text.context = context
    return text


def quoted(value: object) -> Message:
    """A value the user typed, as an error quotes it: 'abc' (Python's repr) in English, “abc”
    in Chinese."""
    text = Text("“{text}”", text=value)
    return Foreign(repr(value), text)


class Verbatim(Message):
    """Text that is the same in every language (a name, a path, a number, the user's input)."""

    __slots__ = ("text",)

    def __init__(self, text: object) -> None:
        self.text = str(text)

    def render(self, lang: str | None = None) -> str:
        return self.text

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Verbatim) and other.text == self.text

    def __hash__(self) -> int:
        return hash(self.text)

    def __repr__(self) -> str:
        return f"Verbatim({self.text!r})"


# How each written language runs pieces together: the typography, not translations.
SEPARATORS: dict[str, dict[str, str]] = {
    "none": {"en": "", "zh": ""},
    "sentences": {"en": " ", "zh": ""},
    "items": {"en": "; ", "zh": "\uff1b"},  # ；
    "commas": {"en": ", ", "zh": "\uff0c"},  # ，
    "list": {"en": ", ", "zh": "\u3001"},  # 、
    "label": {"en": ": ", "zh": "\uff1a"},  # ：after a label (经办：…)
}


class Joined(Message):
    """Messages run together with the separator `kind` of SEPARATORS."""

    __slots__ = ("kind", "parts")

    def __init__(
        self,
        parts: Iterable[Message | str],
        kind: Literal["none", "sentences", "items", "commas", "list", "label"],
    ) -> None:
        self.parts = [p if isinstance(p, Message) else Verbatim(p) for p in parts]
        self.kind = kind

    def render(self, lang: str | None = None) -> str:
        lang = lang or user_language()
        return SEPARATORS[self.kind][lang].join(p.render(lang) for p in self.parts)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Joined) and (other.parts, other.kind) == (self.parts, self.kind)

    def __hash__(self) -> int:
        return hash(self.kind)

    def __repr__(self) -> str:
        return f"Joined({self.parts!r}, {self.kind!r})"


class Foreign(Message):
    """Words of another library (Python's json, the operating system, SQLite), which are English
    whatever the locale: in English as given, in another language `translated`."""

    __slots__ = ("original", "translated")

    def __init__(self, original: str, translated: Message) -> None:
        self.original = original
        self.translated = translated

    def render(self, lang: str | None = None) -> str:
        lang = lang or user_language()
        return self.original if lang == "en" else self.translated.render(lang)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Foreign) and (other.original, other.translated) == (
            self.original,
            self.translated,
        )

    def __hash__(self) -> int:
        return hash(self.original)

    def __repr__(self) -> str:
        return f"Foreign({self.original!r}, {self.translated!r})"


class Bilingual(Message):
    """An (English, Chinese) pair given inline: the base of `Declared` (words declared by data).

    A message is never written so: it is a `Text` (the CJK literal test refuses Chinese literals
    outside the declared data modules).
    """

    __slots__ = ("pair",)

    def __init__(self, en: str, zh: str) -> None:
        self.pair = (en, zh)

    def render(self, lang: str | None = None) -> str:
        return self.pair[1] if (lang or user_language()) == "zh" else self.pair[0]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Bilingual) and other.pair == self.pair

    def __hash__(self) -> int:
        return hash(self.pair)

    def __repr__(self) -> str:
        return f"Bilingual{self.pair!r}"


def as_message(text: Message | str, zh: str | None = None) -> Message:
    """`text` as a Message: a Message as it is; a (en, zh) pair of strings as a Bilingual."""
    if isinstance(text, Message):
        return text
    return Bilingual(text, zh or text)


class Declared(Bilingual):
    """Words declared in both languages by a data module (the field spec's labels, a vocabulary's
    words and choices): not catalogue entries, since their one declaration is the data."""

    __slots__ = ()

    def __repr__(self) -> str:
        return f"Declared{self.pair!r}"


class Said:
    """For a frozen dataclass worded by one Message (`message`): `.en`, `.zh`, `.text(lang)`."""

    message: Message

    def _say(self, message: Message | str, zh: str | None = None) -> None:
        object.__setattr__(self, "message", as_message(message, zh))

    @property
    def en(self) -> str:
        return self.message.en

    @property
    def zh(self) -> str:
        return self.message.zh

    def text(self, lang: str) -> str:
        return self.message.render(lang)


class Worded:
    """For an exception worded by a Message: `.text`, and `.en` / `.zh` for callers of old."""

    text: Message

    def _word(self, text: Message | str, zh: str | None) -> str:
        self.text = as_message(text, zh)
        return self.text.en

    @property
    def en(self) -> str:
        return self.text.en

    @property
    def zh(self) -> str:
        return self.text.zh
