"""From mentions to proposals: the mentions of one name become one proposal, with its honours,
donations, category, notes, reasons, confidence and the spans to highlight.

Here too is who is not proposed though named: a leader with a post in an organ, a guest, the one
in need who is helped (the sentence reading and ``shared_facts`` ask the same of a mention),
and when two titles are one honour (省劳模 and 全省劳动模范). Apart from ``parser``, which reads
the mentions; ``proposals`` declares what a proposal is.
"""

from __future__ import annotations

import re

from ..i18n import Declared, Text
from ..names import normalise_name
from ..records import Deed, Donation, Honour, Honouree, Source, Status
from ..titles import known_title
from ..vocabulary import LEVELS as LEVEL_VOCABULARY
from . import lexicon as lx
from . import recogniser
from .bylines import Bylines
from .mentions import _NEEDY, ORGAN_UNIT, Mention
from .proposals import KIND_COLLECTIVE, KIND_PERSON, Highlight, Proposal, Reason
from .roles import medical, region_of
from .titles import explain_level
from .units import post_without_lead, unit_without_lead


def _proposals(mentions: list[Mention], bylines: Bylines, report: str) -> list[Proposal]:
    by_name: dict[str, list[Mention]] = {}
    for m in mentions:
        if not m.name or m.name in bylines.names:
            continue
        # the name as the registry keeps it (沙吾尔•芒力克 → 沙吾尔·芒力克), so that two spellings are one person
        by_name.setdefault(normalise_name(m.name).name, []).append(m)
    credited = frozenset(name for name, group in by_name.items() if any(m.credited for m in group))
    proposals: list[Proposal] = []
    for name, group in by_name.items():
        proposal = _proposal(name, group, report, credited)
        if proposal is not None:
            proposals.append(proposal)
    proposals.sort(key=lambda p: _first_position(by_name[p.name]))
    return proposals


def _not_an_honouree(name: str, group: list[Mention], credited_names: frozenset[str]) -> bool:
    """The rules' doubts: a leader, a guest, one in need, a join word read as a name, or no honour,
    donation nor deed of one's own."""
    credited = [m for m in group if m.credited]
    if not credited and _function_word_head(name, group):
        return True  # 教师和学生 / 向受到表彰的 / 和劳模常联系: 和, 向, 常 join or lead words, no surname
    if any(m.official for m in group) and not credited and not any(m.visited for m in group):
        return True  # 每到一处…主席丁某都会…交谈 / 丁某强调: one who leads the visit elsewhere, no honour
    if (
        credited
        and all(m.anchor == "heading" for m in credited)
        and any(m.official or _official_post(m) for m in group)
    ):
        return True  # 市委书记王某…出席并为获奖者颁奖, named again in a headline above the list: a leader
    # without an honour or donation, only a deed of one's own announced by a unit and post is worth a look
    return (
        not credited
        and not any(m.visited and not m.official for m in group)
        and not any(
            m.anchor in ("position", "comrade")
            and m.deeds
            and not m.official
            and m.name_score >= 2
            and not _official_post(m)
            and not _official_description(m)
            and not _among_guests(m)
            # “职工云畅听”: a quoted brand; 某公司职工王某：“…”: a voice, not a deed
            and m.sentence.text[m.end : m.end + 1] not in ("”", "」", "：", ":")
            and _own_deed(m, credited_names)
            and not _needy(m)
            for m in group
        )
    )


def _first_position(group: list[Mention]) -> tuple[int, int]:
    first = min(group, key=lambda m: (m.sentence.start, m.start))
    return first.sentence.start, first.start


def _facts_weight(m: Mention) -> int:
    """How much a mention says; the source sentence is the richest one that names the person."""
    return (
        3 * len(m.titles)
        + 3 * len(m.donations)
        + 2 * bool(m.unit)
        + bool(m.position)
        + 2 * bool(m.deeds)
        + bool(m.age)
        + 10 * (m.end > m.start)
        - 2 * m.sentence.headline
        - 5 * m.official
    )


def _proposal(
    name: str,
    group: list[Mention],
    report: str,
    credited_names: frozenset[str] = frozenset(),
    judged: bool = False,
) -> Proposal | None:
    """The proposal for one name's mentions, or None when they say it is no honouree; `judged`:
    the second look has judged the name an honouree, so the rules' doubts do not drop it."""
    if not judged and _not_an_honouree(name, group, credited_names):
        return None
    collective = any(m.collective for m in group)
    best = max(group, key=_facts_weight)
    with_reasons = _honours_with_reasons(group)
    honours = [honour for honour, _ in with_reasons]
    donations = _donations(group)
    deeds = _unique(
        d for m in sorted(group, key=lambda m: -_facts_weight(m)) for d in m.deeds if not m.official
    )
    unit_source = next((m for m in sorted(group, key=lambda m: -_facts_weight(m)) if m.unit), None)
    position_source = next((m for m in sorted(group, key=lambda m: -_facts_weight(m)) if m.position), None)
    unit = unit_without_lead(unit_source.unit, name) if unit_source else ""
    visited_body = "" if unit else next((m.visited_body for m in group if m.visited_body), "")
    unit = unit or visited_body
    position = post_without_lead(position_source.position) if position_source else ""
    deceased = next((m for m in group if m.deceased_word), None)
    posthumous_titles = {h.title for h in honours if h.posthumous}
    gender_source = next((m for m in group if m.gender), None)
    ethnicity = next((m.ethnicity for m in group if m.ethnicity), "")
    age = next((m.age for m in group if m.age), "")
    roles = _unique(r for m in group for r in m.roles)
    region_source = unit_source or best
    region = region_of(region_source) or next((region_of(m) for m in group if region_of(m)), "")
    status = Status.DECEASED.value if deceased or posthumous_titles else Status.ACTIVE.value
    if not deceased and any("退休" in (m.position or "") for m in group):
        status = Status.RETIRED.value
    category = _category(collective, unit, position, honours, donations, deeds)
    notes = _notes(roles, deceased, gender_source, group)
    honouree = Honouree(
        name=name,
        unit=unit,
        position=position,
        region=region,
        category=category,
        status=status,
        gender=gender_source.gender if gender_source else "",
        ethnicity=ethnicity,
        age=age,
        notes=notes,
        source=Source(report=report, sentence=best.sentence.original),
        honours=honours,
        deeds=[Deed(text=d) for d in deeds],
        donations=donations,
    )
    reasons = _reasons(group, with_reasons, donations, deeds, deceased, gender_source, collective)
    if visited_body:
        reasons.append(
            Reason(
                "visited_body",
                Text(
                    "Unit {unit}: the body the visitors came to when they met this person; no sentence names their own",
                    unit=visited_body,
                ),
            )
        )
    confidence = _confidence(group, honours, donations, unit)
    return Proposal(
        honouree=honouree,
        confidence=confidence,
        reasons=reasons,
        highlights=_highlights(best),
        kind=KIND_COLLECTIVE if collective else KIND_PERSON,
        sentence_simplified=best.sentence.text,
        mentions=len(group),
    )


def _function_word_head(name: str, group: list[Mention]) -> bool:
    """A name whose first character is also a preposition, conjunction or adverb (和, 向, 常…) and
    that the tagger reads as one, never as part of a name, wherever it stands in the report."""
    if name[:1] not in lx.AMBIGUOUS_SURNAMES or not recogniser.available():
        return False
    spans = [m for m in group if m.end > m.start]
    for m in spans:
        words = recogniser.words(m.sentence.text)
        head = next((w for w in words if w.start == m.start), None)
        if head is None or head.word != name[0] or head.tag not in ("p", "c", "d"):
            return False
    return bool(spans)


def _official_post(m: Mention) -> bool:
    """区委副书记 / 总工会常务副主席 / 主席 without a unit: a post in an organ, not a worker's job."""
    if not m.position or not m.position.endswith(tuple(lx.OFFICIAL_POSITIONS)):
        return False
    # 人大副主任、总|工会主席: a unit cut inside the organ's name still names the organ with the post;
    # 区|党委书记: a region alone as the unit is the region's own party or government
    return (
        not m.unit
        or m.unit.lstrip("我本全") in _REGION_WORDS
        or bool(ORGAN_UNIT.search(m.unit) or ORGAN_UNIT.search(m.unit + m.position))
    )


_REGION_WORDS = ("省", "市", "县", "区", "州", "旗", "盟", "镇", "乡", "自治区", "自治州", "自治县")


_ORGAN_WORDS = re.compile(lx.ORGAN_WORDS_PATTERN)


_GUESTS = re.compile(r"等(?:来宾|嘉宾|贵宾|领导|各界人士)|等[^，,。；;]{0,6}(?:均|都|也)?(?:与会|莅临|出席)")


_ATTENDING = re.compile(r"带领[^，,。；;]{0,16}(?:观看|参观|出席|参加|观摩|聆听)")


def _own_deed(m: Mention, credited_names: frozenset[str]) -> bool:
    """A deed that is the person's own: not leading others to watch a show (带领…观看了演出), not an
    act towards an honouree of the report (校长某把难题摆在了谢某面前)."""
    deeds = [d for d in m.deeds if not _ATTENDING.search(d)]
    return any(not any(other in d for other in credited_names if other != m.name) for d in deeds)


def _needy(m: Mention) -> bool:
    """看望困难职工史某: a unit or post that says the person is the one in hardship who is helped."""
    return bool(_NEEDY.search(m.unit + m.position))


def _among_guests(m: Mention) -> bool:
    """包括县长甲、处长乙、…等来宾均与会: those a list of guests names are there to present."""
    s = m.sentence.text
    clause = m.sentence.clauses[m.sentence.clause_at(m.start)]
    if _GUESTS_LEAD.search(s, 0, m.start):
        return True  # 出席交流环节的嘉宾包括…局长甲、…主席乙教授: a guest named in the list
    return bool(_GUESTS.search(s, m.end, clause.end))


_GUESTS_LEAD = re.compile(
    r"(?:嘉宾|来宾|贵宾|领导|出席[^，,。；;]{0,10}的[\u4e00-\u9fff]{0,4})(?:包括|有|是)[：:]?"
)


def _official_description(m: Mention) -> bool:
    """The description before a name (its clause up to the name) holds an organ or a government post:
    someone with only a deed here is a leader present, not an honouree."""
    s = m.sentence.text
    clause = m.sentence.clauses[m.sentence.clause_at(m.start)]
    return bool(_ORGAN_WORDS.search(s[clause.start : m.start]))


def _unique(items) -> list:
    return list(dict.fromkeys(items))


def _honours(group: list[Mention]) -> list[Honour]:
    return [honour for honour, _ in _honours_with_reasons(group)]


def _honours_with_reasons(group: list[Mention]) -> list[tuple[Honour, str]]:
    """The person's honours, each once, with why its level was chosen."""
    honours: dict[str, Honour] = {}
    reasons: dict[str, str] = {}
    for m in sorted(group, key=lambda m: (m.sentence.start, m.start)):
        for t in m.titles:
            key = _full_title(t.title)  # 市劳模 and 市劳动模范 said of one person: one honour
            posthumous = t.posthumous or any(w in v for v in m.award_verbs for w in lx.POSTHUMOUS_WORDS)
            year = t.year
            existing = honours.get(key)
            if existing is None:
                honours[key] = Honour(
                    title=t.title, level=t.level, year=year, awarded_by=m.awarded_by, posthumous=posthumous
                )
                reasons[key] = t.level_reason
            else:
                existing.posthumous = existing.posthumous or posthumous
                existing.year = existing.year or year
                existing.awarded_by = existing.awarded_by or m.awarded_by
    # 给劳模牛忠义… and 牛忠义于1988年获得合肥市劳模称号: the bare 劳模 is the named one, said again
    named = [k for k in honours if _full_title(k).endswith("劳动模范") and k not in _BARE_MODEL]
    if named:
        for key in [
            k for k in honours if k in _BARE_MODEL and honours[k].level in ("other", honours[named[0]].level)
        ]:
            del honours[key]
    # 到省劳模陈某家中 … 1959年被评为江苏省劳动模范: a level word alone and the named place, one honour
    for bare in [k for k in honours if _BARE_LEVEL_MODEL.fullmatch(_full_title(k))]:
        same = [
            k
            for k in honours
            if k != bare
            and honours[k].level == honours[bare].level
            and _full_title(k).endswith("劳动模范")
            and not _BARE_LEVEL_MODEL.fullmatch(_full_title(k))
        ]
        if len(same) == 1:
            kept = honours[same[0]]
            kept.year = kept.year or honours[bare].year
            kept.posthumous = kept.posthumous or honours[bare].posthumous
            del honours[bare]
    for honour in honours.values():  # the report's own words first, else the table of well-known titles
        _known_giver(honour)
    return [(honour, reasons[key]) for key, honour in honours.items()]


def _known_giver(honour: Honour) -> Honour:
    """The awarding body the report did not name, from the table of well-known titles."""
    known = known_title(honour.title)
    honour.awarded_by = honour.awarded_by or (known.awarded_by if known else "")
    return honour


def honour_named(title: str, level: str, year: int | None) -> Honour:
    """An honour the report names in a title only (no giver of its own words)."""
    return _known_giver(Honour(title=title, level=level, year=year))


_BARE_LEVEL_MODEL = re.compile(r"(?:全|本|我)?[省市县区](?:级)?劳动模范")


_BARE_MODEL = ("劳模", "劳动模范")


def _title_key(title: str) -> str:
    return re.sub(r"[“”\"'「」\s]|荣誉称号|称号", "", title)


def _full_title(title: str) -> str:
    """省劳模 and 全省劳动模范 are one honour: the short form spelt out, quotes left out."""
    return _title_key(title).replace("劳模", "劳动模范")


def _donations(group: list[Mention]) -> list[Donation]:
    seen: set[tuple] = set()
    out: list[Donation] = []
    for m in sorted(group, key=lambda m: (m.sentence.start, m.start)):
        for d in m.donations:
            key = (d.amount_fen, d.item, d.quantity, d.quantity_unit)
            if key in seen:
                continue
            seen.add(key)
            out.append(d)
    return out


def _category(
    collective: bool,
    unit: str,
    position: str,
    honours: list[Honour],
    donations: list[Donation],
    deeds: list[str],
) -> str:
    if collective:
        return "collective"
    titles = [h.title for h in honours]
    if medical(unit, position, titles, deeds):
        return "medical"
    if any("劳动模范" in t or "劳模" in t for t in titles):
        return "model worker"
    if donations and not honours:
        return "donor"
    return "other trades"


def _notes(
    roles: list[str], deceased: Mention | None, gender_source: Mention | None, group: list[Mention]
) -> str:
    bits = ["据报道自动识别，请核对。"]
    for role in roles:
        bits.append(f"{role}（身份，非荣誉称号）。")
    if deceased is not None:
        bits.append(f"报道称“{deceased.deceased_word}”。")
    if gender_source is not None and gender_source.gender_evidence not in ("男", "女"):
        bits.append(f"性别据报道中“{gender_source.gender_evidence}”推定。")
    if any(m.shared_donation == "joint" for m in group):
        bits.append("共同捐赠的金额为合计数，请核对各人份额。")
    return "".join(bits)


def _reasons(
    group: list[Mention],
    with_reasons: list[tuple[Honour, str]],
    donations: list[Donation],
    deeds: list[str],
    deceased: Mention | None,
    gender_source: Mention | None,
    collective: bool,
) -> list[Reason]:
    reasons: list[Reason] = []
    honours = [honour for honour, _ in with_reasons]
    anchors = {m.anchor for m in group}
    titles = "、".join(h.title for h in honours)
    if collective:
        reasons.append(
            Reason(
                "collective",
                Text("A unit credited with a collective honour: {titles}", titles=titles),
            )
        )
    if "title" in anchors:
        reasons.append(
            Reason(
                "title_before_name",
                Text("Honour title written before the name: {titles}", titles=titles),
            )
        )
    if any(m.shape == "list_before_title" for m in group):
        reasons.append(
            Reason(
                "listed_before_title",
                Text("Named in a list that the honour title follows: {titles}", titles=titles),
            )
        )
    if any(m.shape == "example_item" for m in group):
        reasons.append(
            Reason(
                "example_of_holders",
                Text("Given as an example of those the report says hold the honour: {titles}", titles=titles),
            )
        )
    if any(m.shape == "bracket" for m in group):
        reasons.append(
            Reason(
                "title_in_brackets",
                Text("Honour title in brackets after the name: {titles}", titles=titles),
            )
        )
    if "award" in anchors or any(m.award_verbs for m in group):
        verbs = "、".join(_unique(v for m in group for v in m.award_verbs))
        reasons.append(
            Reason(
                "award_verb",
                Text("The text says the honour was given ({verbs}): {titles}", verbs=verbs, titles=titles),
            )
        )
    if "heading" in anchors:
        reasons.append(
            Reason(
                "listed_under_heading",
                Text("Listed under a heading naming the honour: {titles}", titles=titles),
            )
        )
    if "carried" in anchors:
        reasons.append(
            Reason(
                "continued",
                Text("A following sentence (他/她…) credits the same person"),
            )
        )
    for h, why in with_reasons:
        reasons.append(
            Reason(
                "level",
                Text(
                    "{title}: {level} level ({why})",
                    title=h.title,
                    level=Declared(h.level, LEVEL_VOCABULARY.label(h.level)),
                    why=Declared(explain_level(why, "en"), explain_level(why, "zh")),  # titles.py's rules
                ),
            )
        )
    if donations:
        from ..amounts import format_quantity, format_yuan

        shown = "、".join(
            (format_yuan(d.amount_fen) if d.amount_fen is not None else "")
            + (
                d.item + (format_quantity(d.quantity, d.quantity_unit) if d.quantity else "")
                if d.item
                else ""
            )
            for d in donations
        )
        reasons.append(Reason("donation", Text("Credited with donations: {shown}", shown=shown)))
        if any(m.shared_donation == "each" for m in group):
            reasons.append(
                Reason(
                    "shared_each",
                    Text("Named in a list whose members each gave the amount (各)"),
                )
            )
        if any(m.shared_donation == "joint" for m in group):
            reasons.append(
                Reason(
                    "shared_joint",
                    Text("Gave jointly with others: the amount is the group's total"),
                )
            )
    if not honours and not donations and any(m.visited for m in group):
        reasons.append(
            Reason(
                "visited",
                Text("Visited at home in a report about model workers, but no honour is named: check"),
            )
        )
    elif not honours and not donations:
        reasons.append(
            Reason(
                "deed_only",
                Text("Named with a deed of their own, but no honour or donation: check"),
            )
        )
    official = next((m for m in group if m.official), None)
    if official is not None and (honours or donations):
        reasons.append(
            Reason(
                "also_official",
                Text("Also appears leading or visiting, but is credited in their own right"),
            )
        )
    elif official is not None:  # a name the second look judged an honouree, though the rules doubted it
        reasons.append(
            Reason(
                "official_too",
                Text(
                    "Also appears leading, visiting or speaking ({word}), and no honour or donation "
                    "was read: check",
                    word=official.official_word or "…",
                ),
            )
        )
    if deceased is not None:
        reasons.append(
            Reason("deceased", Text("The report says {deceased_word}", deceased_word=deceased.deceased_word))
        )
    if all(m.name_score < 2 for m in group if m.end > m.start):
        reasons.append(
            Reason(
                "name_boundary",
                Text("Where the name ends is a guess: check two- or three-character"),
            )
        )
    if len(group) > 1:
        reasons.append(
            Reason(
                "several_mentions", Text("Named {group_count} times in the report", group_count=len(group))
            )
        )
    return reasons


def _confidence(group: list[Mention], honours: list[Honour], donations: list[Donation], unit: str) -> float:
    base = {
        "title": 0.9,
        "award": 0.9,
        "heading": 0.85,
        "collective": 0.6,
        "position": 0.6,
        "comrade": 0.6,
        "carried": 0.6,
        "list": 0.55,
        "clause": 0.5,
    }
    score = max(base.get(m.anchor, 0.5) for m in group)
    if honours and any(m.award_verbs for m in group):
        score = max(score, 0.85)
    if donations:
        score = max(score, 0.75)
    if not honours and not donations:
        score = min(score, 0.35)
    if any(m.official for m in group):
        score -= 0.1
    if all(m.name_score < 2 for m in group if m.end > m.start):
        score -= 0.15  # where the name ends is a guess (三字 or 二字?)
    if unit:
        score += 0.03
    if len(group) > 1:
        score += 0.03
    return round(max(0.05, min(score, 0.99)), 2)


def _highlights(m: Mention) -> list[Highlight]:
    spans: list[Highlight] = []
    if m.end > m.start:
        spans.append(Highlight(m.start, m.end, "name"))
    for t in m.titles:
        if t.sentence != m.sentence.index:
            continue  # a list heading's title, in an earlier sentence
        spans.append(Highlight(t.start, t.end, "title"))
    if m.unit_span:
        spans.append(Highlight(*m.unit_span, "unit"))
    if m.position_span:
        spans.append(Highlight(*m.position_span, "position"))
    for a, b in m.donation_spans:
        spans.append(Highlight(a, b, "donation"))
    for a, b in m.award_spans:
        spans.append(Highlight(a, b, "award"))
    if m.status_span:
        spans.append(Highlight(*m.status_span, "status"))
    length = len(m.sentence.text)
    clean = [h for h in spans if 0 <= h.start < h.end <= length]
    # dict.fromkeys, not set: two kinds on one span (an award verb that is also a status) keep the
    # order they were found in, the same on every run
    return sorted(dict.fromkeys(clean), key=lambda h: (h.start, h.end))
