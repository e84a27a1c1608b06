"""Bylines: the reporters, correspondents, editors and photographers a report names.

They must never be proposed as honourees. A byline is a short line such as
"■本报记者 胡建军 通讯员 肖华 张阳琛", a bracket such as "（记者 王某某 通讯员 李某）", an inline
"本报记者张三报道", or a photo credit "（张三 摄）". Their positions are masked for the parser
and their names remembered, so the same person is refused anywhere in the report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import lexicon as lx
from .names import name_at, plausible_name

_ROLE_ALT = "|".join(re.escape(r) for r in sorted(lx.BYLINE_ROLES, key=len, reverse=True))
_SHORT_ROLE_ALT = r"文|图|摄"
_BRACKET_RE = re.compile(r"[（(【\[]([^（）()【】\[\]\n]{2,60})[)）】\]]")
_ROLE_RE = re.compile(rf"(?:{_ROLE_ALT})(?:[:：/｜|]|\s)*")
_SHORT_ROLE_RE = re.compile(rf"(?<![\u4e00-\u9fff])(?:{_SHORT_ROLE_ALT})\s*[/｜|：:]\s*")
_CREDIT_RE = re.compile(r"([\u4e00-\u9fff]{2,4})\s*(?:摄|供图|/摄|摄影)(?=[)）\s]|$)")
_REPORTED_RE = re.compile(r"据[\u4e00-\u9fff]{2,12}报道|来源[:：][^\n]{0,30}")
_NAME_TOKEN_RE = re.compile(r"[\u4e00-\u9fff·]{1,6}")
_NOT_NAMES = {
    "本报",
    "本报讯",
    "讯",
    "报道",
    "综合",
    "整理",
    "报",
    "日报",
    "晚报",
    "电",
    "本台",
    "本刊",
    "通讯",
}


@dataclass
class Bylines:
    masked: set[int] = field(default_factory=set)  # offsets in the whole report
    names: set[str] = field(default_factory=set)
    texts: list[str] = field(default_factory=list)

    def covers(self, start: int, end: int) -> bool:
        return any(i in self.masked for i in range(start, end))


def find_bylines(text: str) -> Bylines:
    """Mask bylines in the analysis copy of a whole report and collect the names in them."""
    found = Bylines()
    line_start = 0
    for line in text.split("\n"):
        _scan_line(text, line, line_start, found)
        line_start += len(line) + 1
    return found


def _scan_line(text: str, line: str, offset: int, found: Bylines) -> None:
    stripped = line.strip(" \t■●◆★▲※·•-—_=*#|")
    # A short line that is all byline: "■本报记者 胡建军 通讯员 肖华 张阳琛", "记者 王某某"
    if stripped and len(stripped) <= 60 and _ROLE_RE.match(stripped) and _all_byline(stripped):
        names = _names_in(stripped)
        if names:
            _mark(
                found,
                offset + line.index(stripped),
                offset + line.index(stripped) + len(stripped),
                stripped,
                names,
            )
            return
    for m in _BRACKET_RE.finditer(line):
        inner = m.group(1).strip()
        if _ROLE_RE.match(inner) or _SHORT_ROLE_RE.match(inner) or _CREDIT_RE.fullmatch(inner):
            names = _names_in(inner)
            if names:
                _mark(found, offset + m.start(), offset + m.end(), m.group(0), names)
    for m in _ROLE_RE.finditer(line):
        if any(i in found.masked for i in range(offset + m.start(), offset + m.end())):
            continue
        before = line[: m.start()]
        if (
            before
            and "\u4e00" <= before[-1] <= "\u9fff"
            and not re.search(r"(?:本报|本台|本刊|讯|特约|见习|实习)$", before)
        ):
            continue  # 记者 inside a phrase ("受到记者采访"): not a byline
        end = _names_after(line, m.end())
        if end > m.end():
            names = _names_in(line[m.end() : end])
            if names:
                _mark(found, offset + m.start(), offset + end, line[m.start() : end], names)
    for m in _SHORT_ROLE_RE.finditer(line):
        end = _names_after(line, m.end())
        if end > m.end():
            names = _names_in(line[m.end() : end])
            if names:
                _mark(found, offset + m.start(), offset + end, line[m.start() : end], names)
    for m in _CREDIT_RE.finditer(line):
        if plausible_name(m.group(1)):
            _mark(found, offset + m.start(), offset + m.end(), m.group(0), [m.group(1)])
    for m in _REPORTED_RE.finditer(line):
        found.masked.update(range(offset + m.start(), offset + m.end()))


def _all_byline(line: str) -> bool:
    """Is a line that opens with a role only roles and names (not "记者王某报道：省劳模名单公布，…",
    whose news after the colon is read like any sentence)? The caller checks it names anyone."""
    role = _ROLE_RE.match(line)
    end = _names_after(line, role.end())
    rest = line[end:].strip(" 　:：;；，,。)）")
    return end == role.end() or len(rest) <= 2


def _names_after(line: str, start: int) -> int:
    """End of a run of names (separated by spaces, 、 or further roles) after a byline role."""
    position = start
    end = start
    while position < len(line):
        while position < len(line) and line[position] in " 、，,/":
            position += 1
        role = _ROLE_RE.match(line, position)
        if role and role.end() > position:
            position = role.end()
            continue
        hit = name_at(line, position)
        if hit is None:
            token = _NAME_TOKEN_RE.match(line, position)
            # "肖  华": a two-character name padded with spaces
            if token and len(token.group(0)) == 1:
                nxt = position + 1
                while nxt < len(line) and line[nxt] == " ":
                    nxt += 1
                if (
                    nxt < len(line)
                    and "\u4e00" <= line[nxt] <= "\u9fff"
                    and plausible_name(token.group(0) + line[nxt])
                ):
                    position = end = nxt + 1
                    continue
            break
        # a name in a byline is followed by a space, a role, 报道/摄, punctuation or the end
        after = line[hit.end : hit.end + 2]
        if (
            after
            and "\u4e00" <= after[0] <= "\u9fff"
            and not after.startswith(("报道", "摄", "讯", "供图"))
            and not _ROLE_RE.match(line, hit.end)
        ):
            break
        position = end = hit.end
        for word in ("报道", "摄影", "摄", "供图"):
            if line.startswith(word, position):
                position = end = position + len(word)
                break
    return end


def _names_in(text: str) -> list[str]:
    body = _ROLE_RE.sub(" ", text)
    body = _SHORT_ROLE_RE.sub(" ", body)
    body = re.sub(r"(?:本报讯|本报|本台|本刊|报道|供图|摄影|摄)", " ", body)
    tokens = [t for t in re.split(r"[\s、，,/:：|｜()（）【】\[\]■]+", body) if t]
    names: list[str] = []
    pending = ""
    for token in tokens:
        if token in _NOT_NAMES:
            continue
        if len(token) == 1:
            if pending:
                if plausible_name(pending + token):
                    names.append(pending + token)
                pending = ""
            else:
                pending = token
            continue
        pending = ""
        if plausible_name(token):
            names.append(token)
    return names


def _mark(found: Bylines, start: int, end: int, text: str, names: list[str]) -> None:
    found.masked.update(range(start, end))
    found.names.update(names)
    found.texts.append(text.strip())
