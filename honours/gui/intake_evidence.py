"""The evidence for one intake proposal, as HTML: its source sentence with the matched words
highlighted, why it was proposed, and what a merge would add to an existing record."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from ..core.records import Honouree
from .i18n import current_language
from .intake_model import donation_text, honours_text, list_separator

if TYPE_CHECKING:  # hints only: the intake reader is imported when a report is read
    from ..core.intake import Highlight, Proposal

translate = QCoreApplication.translate  # lupdate reads literal translate("Context", ...) calls

# One colour per kind of match; the legend under the sentence names them.
COLOURS = {
    "name": "#ffe07a",
    "title": "#a8e0b8",
    "unit": "#c4dcff",
    "position": "#e0cff7",
    "donation": "#ffc9a3",
    "award": "#9fd0f0",
    "status": "#f5b3b3",
}


def kind_labels() -> dict[str, str]:
    return {
        "name": translate("IntakeDialog", "name"),
        "title": translate("IntakeDialog", "honour"),
        "unit": translate("IntakeDialog", "unit"),
        "position": translate("IntakeDialog", "position"),
        "donation": translate("IntakeDialog", "donation"),
        "award": translate("IntakeDialog", "award verb"),
        "status": translate("IntakeDialog", "death"),
    }


def highlighted(sentence: str, highlights: list[Highlight]) -> str:
    """The sentence as HTML, each character coloured by the narrowest match covering it."""
    kinds: list[str | None] = [None] * len(sentence)
    widths = [len(sentence) + 1] * len(sentence)
    for h in highlights:
        width = h.end - h.start
        for i in range(max(0, h.start), min(len(sentence), h.end)):
            if width < widths[i]:
                kinds[i], widths[i] = h.kind, width
    out: list[str] = []
    i = 0
    while i < len(sentence):
        j = i
        while j < len(sentence) and kinds[j] == kinds[i]:
            j += 1
        text = escape(sentence[i:j])
        kind = kinds[i]
        if kind in COLOURS:
            weight = "font-weight:bold;" if kind == "name" else ""
            out.append(f'<span style="background-color:{COLOURS[kind]};{weight}">{text}</span>')
        else:
            out.append(text)
        i = j
    return "".join(out)


def legend(highlights: list[Highlight]) -> str:
    labels = kind_labels()
    used = [k for k in COLOURS if any(h.kind == k for h in highlights)]
    return " ".join(
        f'<span style="background-color:{COLOURS[k]};">&nbsp;{escape(labels[k])}&nbsp;</span>' for k in used
    )


def evidence_html(
    proposal: Proposal, existing: Honouree | None = None, merged: Honouree | None = None
) -> str:
    """Everything staff need to judge one proposal, in the UI language."""
    lang = current_language()
    h = proposal.honouree
    parts = [f"<h3>{escape(h.name)}</h3>"]
    source_label = translate("IntakeDialog", "Source sentence")
    report = f" <small>({escape(h.source.report)})</small>" if h.source.report else ""
    parts.append(f"<p><b>{escape(source_label)}</b>{report}</p>")
    parts.append(
        f'<p style="font-size:large; line-height:150%;">'
        f"{highlighted(h.source.sentence, proposal.highlights)}</p>"
    )
    if proposal.highlights:
        parts.append(f"<p><small>{legend(proposal.highlights)}</small></p>")
    if proposal.sentence_simplified and proposal.sentence_simplified != h.source.sentence:
        simplified = translate("IntakeDialog", "In simplified characters:")
        parts.append(
            f'<p style="color:#666;"><small>{escape(simplified)} '
            f"{escape(proposal.sentence_simplified)}</small></p>"
        )
    why = translate("IntakeDialog", "Why it was proposed")
    certainty = translate("IntakeDialog", "Certainty: %1%").replace(
        "%1", str(round(proposal.confidence * 100))
    )
    parts.append(f"<p><b>{escape(why)}</b> — {escape(certainty)}</p><ul>")
    parts.extend(f"<li>{escape(r.text(lang))}</li>" for r in proposal.reasons)
    parts.append("</ul>")
    if proposal.kind == "collective":
        collective = translate("IntakeDialog", "A collective (a unit or team), not a person.")
        parts.append(f"<p><i>{escape(collective)}</i></p>")
    if existing is not None and merged is not None:
        parts.append(_merge_summary(existing, merged))
    return "".join(parts)


def _merge_summary(existing: Honouree, merged: Honouree) -> str:
    title = (
        translate("IntakeDialog", "Merge into #%1 %2 (%3)")
        .replace("%1", str(existing.id))
        .replace("%2", existing.name)
        .replace("%3", existing.unit or "—")
    )
    new_honours = merged.honours[len(existing.honours) :]
    new_deeds = merged.deeds[len(existing.deeds) :]
    new_donations = merged.donations[len(existing.donations) :]
    lines = []
    if new_honours:
        label = translate("IntakeDialog", "adds honours:")
        lines.append(f"{escape(label)} {escape(honours_text(Honouree(name='', honours=new_honours)))}")
    if new_donations:
        label = translate("IntakeDialog", "adds donations:")
        lines.append(
            f"{escape(label)} {escape(list_separator().join(donation_text(d) for d in new_donations))}"
        )
    if new_deeds:
        label = translate("IntakeDialog", "adds deeds:")
        lines.append(f"{escape(label)} {escape(list_separator().join(d.text for d in new_deeds))}")
    if not lines:
        lines.append(
            escape(translate("IntakeDialog", "The record already holds everything this report says."))
        )
    items = "".join(f"<li>{line}</li>" for line in lines)
    return f"<p><b>{escape(title)}</b></p><ul>{items}</ul>"
