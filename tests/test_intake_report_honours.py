"""The learned honour for a person the reading gave none (report_honours.py, tools/train_intake_model.py).

Made-up reports in the shape the rules leave bare: the honour is said once above a list of names
with their units. The people get the report's title, with its year, and a reason that says it was
judged, not read beside them; a person with an honour of their own, or a report with no title,
is left alone; a missing or damaged model file gives nothing. Needs no tagger: the people here
are ones the rules propose.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from honours.core.intake import analyse_text, report_honours
from honours.core.intake.parser import read_text

ROOT = Path(__file__).resolve().parents[1]

# the medal is said in the heading and given in the first paragraph; the people after are
# described by their deeds, units and posts only
LIST = (
    "长春市表彰2025年五一劳动奖章获得者\n"
    "近日，长春市总工会决定授予一汽某某公司聂新宇等100名职工长春市五一劳动奖章。\n"
    "驰援武汉的长春市妇产医院乳腺外科护士长王红丹、始终奋战在防控一线的朝阳区某社区党委书记孙小微、"
    "快速响应保障民生供应的欧亚某购物中心店长卢继民……今年的评选继续面向基层、面向一线。"
)
MEDAL = ("长春市五一劳动奖章", "municipal", 2025)


@pytest.fixture(autouse=True)
def _rules_people(rules_alone):
    """The rules' people only: what is judged here does not depend on the optional tagger."""


def _proposals(text: str, **options) -> dict:
    return {p.name: p for p in analyse_text(text, **options).proposals}


def test_people_listed_under_a_title_said_once_are_given_it_with_its_year():
    bare = _proposals(LIST, learned=False)
    assert set(bare) == {"聂新宇", "王红丹", "孙小微", "卢继民"}
    # the rules read the three described after, with units, posts and deeds but no honour
    assert [h.title for h in bare["王红丹"].honouree.honours] == []
    assert [r.code for r in bare["王红丹"].reasons] == ["deed_only"]
    found = _proposals(LIST)
    for name in ("王红丹", "孙小微", "卢继民"):
        assert [(h.title, h.level, h.year) for h in found[name].honouree.honours] == [MEDAL]
        assert [r.code for r in found[name].reasons] == ["report_honour"]  # no longer "deed only"
    assert (found["孙小微"].honouree.unit, found["孙小微"].honouree.position) == ("朝阳区某社区", "党委书记")
    reason = next(r for r in found["王红丹"].reasons if r.code == "report_honour")
    assert "长春市五一劳动奖章" in reason.text("zh")


def test_a_person_with_an_honour_of_their_own_keeps_only_that():
    found = _proposals(LIST)["聂新宇"]
    assert [(h.title, h.level, h.year) for h in found.honouree.honours] == [MEDAL]
    assert "report_honour" not in [r.code for r in found.reasons]


def test_a_report_with_no_title_gives_no_honour():
    text = "衡阳某建材有限公司总经理王建国向市慈善总会捐赠善款10万元、口罩1万只。"
    proposal = _proposals(text)["王建国"]
    assert proposal.honouree.honours == []
    assert "report_honour" not in [r.code for r in proposal.reasons]


def test_a_missing_or_damaged_model_gives_nothing(learned_model_file):
    for damaged in ("", "{not json", '{"weights": {}}', '{"weights": [1], "threshold": "x"}'):
        learned_model_file(report_honours, damaged)
        assert report_honours.model() is None
        found = _proposals(LIST)
        assert found["王红丹"].honouree.honours == found["孙小微"].honouree.honours == []


def test_the_threshold_is_the_models_own(learned_model_file):
    shipped = json.loads(report_honours.MODEL_FILE.read_text(encoding="utf-8"))
    learned_model_file(report_honours, json.dumps({**shipped, "threshold": 1.0}))
    assert _proposals(LIST)["王红丹"].honouree.honours == []  # nothing is ever certain
    learned_model_file(report_honours, json.dumps({**shipped, "threshold": 0.0}))
    assert _proposals(LIST)["王红丹"].honouree.honours != []


def test_the_features_of_a_pair_say_where_the_title_stands_against_the_person():
    reading = read_text(LIST)
    judged = {
        p.name: found
        for p, found in report_honours.candidates(reading.proposals, reading.sentences, reading.titles)
    }
    assert set(judged) == {"王红丹", "孙小微", "卢继民"}  # 聂新宇 has an honour of his own
    pairs = {g.first.title: f for g, f in judged["孙小微"]}
    assert set(pairs) == {"五一劳动奖章", "长春市五一劳动奖章"}  # the headline's and the paragraph's
    # the paragraph's: the sentence before hers, awarding it, the nearest title, held by the one
    # other honoured person
    assert {"d:b1", "nearest_before", "awarded", "levelword", "held:all", "rules", "has_unit"} <= pairs[
        "长春市五一劳动奖章"
    ]
    assert {"headline", "later_title_between", "held:0"} <= pairs["五一劳动奖章"]


def test_everyone_is_a_training_example_as_if_given_no_honour():
    reading = read_text(LIST)
    every = report_honours.candidates(reading.proposals, reading.sentences, reading.titles, everyone=True)
    pairs = {p.name: {g.first.title: f for g, f in found} for p, found in every}
    assert set(pairs) == {"聂新宇", "王红丹", "孙小微", "卢继民"}
    assert "held:none" in pairs["聂新宇"]["长春市五一劳动奖章"]  # his own honour is no one else's
    assert "d:same" in pairs["聂新宇"]["长春市五一劳动奖章"]


def test_the_cross_validation_counts_only_people_given_no_honour(capsys, intake_trainer):
    trainer = intake_trainer
    right, wrong = frozenset({"bias", "headline"}), frozenset({"bias", "d:afar"})
    # one report per fold: a bare person whose title is the headline's, and one with an honour
    per_report = [[(False, [(right, 1), (wrong, 0)]), (True, [(right, 1)])] for _ in range(5)]
    trainer.cross_validate_honours(per_report, 5, 0.5)
    said = capsys.readouterr().out
    assert "of 5 people given no honour, 5 given the report's title that is theirs, 0 one that is not" in said


def test_the_shipped_model_is_trained_on_the_tuned_split_as_it_stands():
    shipped = json.loads(report_honours.MODEL_FILE.read_text(encoding="utf-8"))
    tuned = list((ROOT / "tests" / "intake_corpus" / "tuned").glob("*.txt"))
    assert shipped["reports"] == len(tuned)  # make train-intake after tuned reports change
    assert 0.5 <= shipped["threshold"] < 1
    assert report_honours.model() is not None
