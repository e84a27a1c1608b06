"""Finding the people a sentence names, and what each is credited with.

A person is found from what announces them — an honour title (全国劳动模范谷井文), a unit and
post (湘油泵董事长许仲秋), an award verb (授予张三同志…), 同志, a list (张三、李四各捐款500元), or
the head of a clause (李小平，…), and the shapes lists take (A、B等N名…, …分别是：…, 他们中有…的A).
Where each name's unit and post begin is read by units.py; what each person is credited with,
and whether they are an official who merely leads or visits, by roles.py.

The readers are grouped by the shape they read, each family a mixin in its own module:
mention_titles.py (title chains, apposition, brackets), mention_lists.py (lists of people),
mention_clauses.py (what a clause's shape says: award objects, subjects, heads, relatives) and
mention_edges.py (where a name ends or starts); mention_base.py holds :class:`Mention` and the
patterns they share. :class:`SentenceReader` combines them and keeps the bookkeeping they all use.
"""

from __future__ import annotations

import re

from .mention_base import Mention
from .mention_clauses import _NEEDY, SUPERLATIVE_PICK, WORKPLACE_BEFORE, ClauseReaders
from .mention_edges import NameEdges
from .mention_lists import NOMINATING, ORGAN_UNIT, ListReaders, count_of
from .mention_titles import TitleReaders
from .names import NameHit
from .text import Sentence
from .titles import TitleMatch

# what the rest of the package imports from here (parser.py and the modules split from it, unclaimed.py,
# roles.py): the names that moved to the mention_* modules are re-exported
__all__ = [
    "NOMINATING",
    "ORGAN_UNIT",
    "SUPERLATIVE_PICK",
    "WORKPLACE_BEFORE",
    "_NEEDY",
    "Mention",
    "SentenceReader",
    "count_of",
]

_YEAR_IN_CLAUSE = re.compile(r"((?:19|20)\d{2})年")


class SentenceReader(TitleReaders, ListReaders, ClauseReaders, NameEdges):
    """Reads one sentence; `subject` is the person the previous sentences were about."""

    def __init__(
        self,
        sentence: Sentence,
        titles: list[TitleMatch],
        masked: set[int],
        home: str,
        known: frozenset[str] = frozenset(),
        clear: frozenset[str] = frozenset(),
        nominating: bool = False,
    ) -> None:
        # the sentence before put people up for titles and ended at ；: a list here goes on from it
        self.nominating = nominating
        self.known = known  # people credited in earlier sentences: their names are names here too
        # names the report writes elsewhere with a clear end (田春生，/ 田春生说): where a title or
        # post announces a name whose end is unclear here (全国劳模田春生走进…), they settle it
        self.clear = clear
        self.sentence = sentence
        self.s = sentence.text
        self.titles = titles
        self.masked = masked
        self.home = home
        self.mentions: list[Mention] = []
        self._groups = 0

    # -- helpers --------------------------------------------------------------------------
    def _taken(self, start: int, end: int) -> bool:
        for m in self.mentions:
            if m.end > m.start and start < m.end and m.start < end:
                return True
        return any(i in self.masked for i in range(start, end))

    def _clause_end(self, position: int) -> int:
        clause = self.sentence.clauses[self.sentence.clause_at(position)]
        return clause.end

    def _add(self, hit: NameHit, anchor: str, **kw) -> Mention | None:
        if self._taken(hit.start, hit.end):
            return None
        mention = Mention(self.sentence, hit.name, hit.start, hit.end, anchor, name_score=hit.score, **kw)
        self.mentions.append(mention)
        return mention

    def _add_found(self, found: list, anchor: str, **kw) -> list[Mention]:
        """The mentions of a list's items as `_names_ending_at` finds them (the name, its unit and
        post and their spans), each given `kw` (its titles, its group); items already taken are
        left out."""
        added = []
        for hit, unit, unit_span, post, post_span in found:
            mention = self._add(
                hit, anchor, unit=unit, position=post, unit_span=unit_span, position_span=post_span, **kw
            )
            if mention is not None:
                added.append(mention)
        return added

    def _new_group(self) -> int:
        self._groups += 1
        return self._groups

    # -- finding people -------------------------------------------------------------------
    def find(self) -> list[Mention]:
        self._title_chains()
        self._award_objects()
        self._lists_before_titles()
        self._colon_lists()
        self._photo_rows()
        self._marked_lists()
        self._bracket_lists()
        self._have_lists()
        self._included_holders()
        self._visited_homes()
        self._year_lists()
        self._copulas()
        self._as_holders()
        self._one_of_group()
        self._examples()
        self._example_lists()
        self._described_series()
        self._positions()
        self._relatives()
        self._comrades()
        self._spaced_line()
        self._clause_heads()
        self._collectives()
        self._later_clause_awards()
        self._on_the_list()
        self._facts_in_brackets()
        self._jobs_before_grades()
        self.mentions.sort(key=lambda m: m.start)
        self._comma_groups()
        self._visited_bodies()
        return self.mentions
