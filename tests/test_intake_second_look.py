"""The learned second look at names the rules leave out (second_look.py, tools/train_intake_model.py).

Made-up reports in the shapes the rules miss: the model proposes the honouree, with the facts of
her own description and a reason that says where the proposal comes from, and still leaves the
officials of a visit alone. Without the tagger or without the model file, intake reads on its
rules alone. Skipped where the optional tagger (``pip install honours[intake]``) is missing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from honours.core.intake import analyse_text, second_look
from honours.core.intake.text import prepare, split_sentences

pytest.importorskip("thulac")

ROOT = Path(__file__).resolve().parents[1]

# a model worker a report names among this year's, in a sentence of her own that no rule reads
# (the title is in the clause before 其中, her unit after her name)
TALK = (
    "今年当选的模范劳工在各领域都有杰出表现，其中陈玉民任职长兴材料公司主任研究员，拥有多项专利。"
    "陈玉民表示，很荣幸。"
)


def _proposals(text: str, **options) -> dict:
    return {p.name: p for p in analyse_text(text, **options).proposals}


def test_an_honouree_the_rules_leave_out_is_proposed_for_staff_to_check():
    assert _proposals(TALK, learned=False) == {}
    proposal = _proposals(TALK)["陈玉民"]
    codes = [r.code for r in proposal.reasons]
    assert "second_look" in codes
    # he speaks (陈玉民表示), and no honour was read: not "credited in his own right"
    assert "official_too" in codes and "also_official" not in codes
    assert proposal.confidence <= 0.6  # staff see it as one to check
    assert proposal.honouree.source.sentence.startswith("今年当选的模范劳工")


def test_what_the_rules_did_not_read_is_read_from_the_names_own_description():
    text = "活动中，全国五一劳动奖章获得者、东兴玛瑙有限公司设计雕刻师于晓洁、2019年荣获省劳动模范称号的王建国进行宣讲。"
    sentence = split_sentences(text, prepare(text)[0])[0]
    start = text.index("于晓洁")
    m = second_look.own_description("于晓洁", second_look.Occurrence(sentence, start, start + 3))
    assert [(t.title, t.level) for t in m.titles] == [("全国五一劳动奖章", "national")]
    assert (m.unit, m.position) == ("东兴玛瑙有限公司", "设计雕刻师")
    start = text.index("王建国")
    m = second_look.own_description("王建国", second_look.Occurrence(sentence, start, start + 3))
    # the title of the name before is not his; his own, in his clause, is with its year
    assert [(t.title, t.level, t.year) for t in m.titles] == [("省劳动模范", "provincial", 2019)]
    assert (m.unit, m.position) == ("", "")


def test_the_officials_of_a_visit_stay_unproposed():
    text = "春节前夕，市委书记王建国、市长李志强一行看望慰问了全国劳动模范张秀英，向她送去慰问金。"
    assert set(_proposals(text)) == {"张秀英"}


def test_a_name_inside_an_honours_title_is_no_person():
    assert _proposals("大会表彰了白求恩奖章获得者。") == {}


def test_without_the_tagger_there_is_no_second_look(rules_alone):
    assert "陈玉民" not in _proposals(TALK)


def test_a_missing_or_damaged_model_leaves_the_rules_alone(learned_model_file):
    for damaged in ("", "{not json", '{"weights": {}}', '{"weights": [1], "threshold": "x"}'):
        learned_model_file(second_look, damaged)
        assert second_look.model() is None
        assert "陈玉民" not in _proposals(TALK)


def test_the_threshold_is_the_models_own(learned_model_file):
    shipped = json.loads(second_look.MODEL_FILE.read_text(encoding="utf-8"))
    learned_model_file(second_look, json.dumps({**shipped, "threshold": 1.0}))
    assert "陈玉民" not in _proposals(TALK)  # nothing is ever certain
    learned_model_file(second_look, json.dumps({**shipped, "threshold": 0.0}))
    assert "陈玉民" in _proposals(TALK)


def test_the_features_of_a_name_are_the_words_around_it():
    found = second_look.report_candidates(TALK)
    assert set(found) == {"陈玉民"}
    features = found["陈玉民"]
    assert {"cnt:2", "len:3", "surname", "para0", "sb:当选", "ca:表示", "rule:same"} <= features
    assert second_look.report_candidates(TALK) == found  # the same text, the same features


def test_a_surname_with_shi_is_no_ones_name_and_a_city_is_marked_as_one():
    # the tagger reads 叶氏 (a mother named by her surname) and 吴忠 (a city) as names
    text = "全国劳动模范张秀英的母亲叶氏今年九十岁。石嘴山、吴忠、固原三市的劳模宣讲团走进企业。"
    found = second_look.report_candidates(text)
    assert "叶氏" not in found
    assert "place" in found["吴忠"] and "place" not in found["张秀英"]


def test_training_is_deterministic_and_learns_which_words_mark_an_honouree(intake_trainer):
    trainer = intake_trainer
    examples = [(frozenset({"bias", "cb:劳模"}), 1), (frozenset({"bias", "cb:书记"}), 0)] * 20
    weights = trainer.fit(examples)
    assert weights == trainer.fit(examples)
    assert weights["cb:劳模"] > 0 > weights["cb:书记"]


def test_the_shipped_model_is_trained_on_the_tuned_split_as_it_stands():
    shipped = json.loads(second_look.MODEL_FILE.read_text(encoding="utf-8"))
    tuned = list((ROOT / "tests" / "intake_corpus" / "tuned").glob("*.txt"))
    # a report added to tuned without retraining (make train-intake) would make this fail
    assert shipped["reports"] == len(tuned)
    assert 0.5 <= shipped["threshold"] < 1
    assert second_look.model() is not None
