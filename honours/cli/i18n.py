"""The command line's parser in the user's language: the one catalogue of core/i18n.py.

argparse words its usage line, help and complaints through gettext (`_('usage: ')`,
`_('the following arguments are required: %s')`). `install(language)` gives argparse the
catalogue's translation, and the commands' own help texts and placeholders go through the
same `_()`, so `honours --help`, `honours show --help` and every usage error read wholly in
Chinese under a Chinese locale and in English otherwise. Messages printed while a command
runs are `Text`s (core/i18n.py), rendered in `user_language()`. How to add a message and
refresh the catalogue: the docstring of honours/core/i18n.py.
"""

from __future__ import annotations

import argparse
import gettext
import unicodedata

from ..core.i18n import N_, translation

# argparse's own words (Python 3.10–3.13), for the catalogue: argparse looks them up itself
ARGPARSE_WORDS = [
    N_("usage: "),
    N_("positional arguments"),
    N_("options"),
    N_("optional arguments"),
    N_("show this help message and exit"),
    N_("%(prog)s: error: %(message)s\n"),
    N_("the following arguments are required: %s"),
    N_("unrecognized arguments: %s"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("invalid %(type)s value: %(value)r"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("expected %s argument"),
    N_("expected %s arguments"),
    N_("not allowed with argument %s"),
    N_("ignored explicit argument %r"),
    N_("one of the arguments %s is required"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("can't open '%(filename)s': %(error)s"),
    N_("show program's version number and exit"),
]


class Catalogue(gettext.NullTranslations):
    """The catalogue's translation as argparse asks for it: its two plural forms are two
    msgids, looked up by `n` (Chinese has one form for both)."""

    def __init__(self, language: str) -> None:
        super().__init__()
        self.translation = translation(language)

    def gettext(self, message: str) -> str:
        return self.translation.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return self.gettext(singular if n == 1 else plural)


_current: gettext.NullTranslations = gettext.NullTranslations()


def install(language: str) -> None:
    """Speak `language` ('zh' or 'en') from now on: our help texts and argparse's words.

    argparse took gettext's functions by name when it was imported (`from gettext import
    gettext as _, ngettext`) and looks its words up through them each time it writes, so
    those names are what it is given.
    """
    global _current
    _current = Catalogue(language)
    argparse._ = _current.gettext  # type: ignore[attr-defined]
    argparse.ngettext = _current.ngettext  # type: ignore[attr-defined]


def _(message: str) -> str:
    """`message` (English) in the installed language."""
    return _current.gettext(message)


_ASCII_WORD = "".join(chr(c) for c in range(33, 127))  # printable ASCII but space


def width(text: str) -> int:
    """Columns `text` takes in a terminal: a Chinese character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help, lined up and wrapped by the columns text takes, not its length, so
    Chinese help and placeholders line up; section headings end with a Chinese colon when
    they are Chinese."""

    def add_argument(self, action: argparse.Action) -> None:
        super().add_argument(action)
        if action.help is not argparse.SUPPRESS:
            invocations = [self._format_action_invocation(action)]
            invocations += [self._format_action_invocation(a) for a in self._iter_indented_subactions(action)]
            columns = max(width(i) for i in invocations) + self._current_indent
            self._action_max_length = max(self._action_max_length, columns)

    def _format_action(self, action: argparse.Action) -> str:
        text = super()._format_action(action)
        header = self._format_action_invocation(action)
        extra = width(header) - len(header)
        start = " " * self._current_indent + header
        if extra and text.startswith(start):
            first, newline, rest = text.partition("\n")
            gap = first[len(start) :]
            if gap.strip() and len(gap) - len(gap.lstrip(" ")) >= extra + 2:
                first = start + gap[extra:]  # the help column, counted in columns
            text = first + newline + rest
        return text

    def _split_lines(self, text: str, columns: int) -> list[str]:
        if width(text) == len(text):
            return super()._split_lines(text, columns)
        words = " ".join(text.split())
        lines: list[str] = []
        line = ""
        for ch in words:
            if width(line + ch) <= columns:
                line += ch
                continue
            word = len(line) - len(line.rstrip(_ASCII_WORD)) if ch in _ASCII_WORD else 0
            if 0 < word < min(len(line), columns // 2):  # an English word or number stays whole
                lines.append(line[:-word].rstrip())
                line = line[-word:] + ch
            else:
                lines.append(line.rstrip())
                line = ch.lstrip()
        if line:
            lines.append(line)
        return lines

    def format_help(self) -> str:
        text = super().format_help()
        for heading in (_("positional arguments"), _("options")):
            if not heading.isascii():
                text = text.replace(f"\n{heading}:\n", f"\n{heading}：\n")
        return text
