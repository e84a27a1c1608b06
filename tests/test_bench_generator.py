"""The benchmark's synthetic rolls look like real ones, and its reference scan agrees with search.

No timing here: speed is measured by `make bench` only.
"""

from __future__ import annotations

import io
import re
from collections import Counter

import pytest
from PIL import Image

from benchmarks import generator, queries
from benchmarks.generator import RollGenerator, build_roll
from honours.core import Registry
from honours.core.records import LEVEL_ORDER

SAMPLE = 3000


@pytest.fixture(scope="module")
def records():
    return list(RollGenerator(7).roll(SAMPLE))


def test_same_seed_same_roll_other_seed_other_roll():
    first = [h.to_dict() for h in RollGenerator(3).roll(50)]
    again = [h.to_dict() for h in RollGenerator(3).roll(50)]
    other = [h.to_dict() for h in RollGenerator(4).roll(50)]
    assert first == again
    assert first != other


def test_surnames_follow_the_real_distribution(records):
    people = [h for h in records if h.category != "collective"]
    surnames = Counter(h.name[0] for h in people)
    top = [name for name, _ in surnames.most_common(5)]
    assert set(top[:3]) <= {"王", "李", "张", "刘"}
    assert 0.04 < surnames["王"] / len(people) < 0.11
    assert len(surnames) > 60  # a long tail, not a handful of names
    assert all(2 <= len(h.name) <= 4 for h in people)


def test_units_positions_and_regions_look_real(records):
    suffixes = (
        "医院",
        "卫生院",
        "公司",
        "中学",
        "小学",
        "幼儿园",
        "局",
        "人民政府",
        "总工会",
        "中心",
        "火车站",
        "保健院",
    )
    assert all(h.unit.endswith(suffixes) for h in records), [
        h.unit for h in records if not h.unit.endswith(suffixes)
    ][:5]
    regions = set(generator.HENGYANG_COUNTIES) | set(generator.OTHER_HUNAN)
    assert all(h.region in regions for h in records)
    assert Counter(h.region for h in records).most_common(1)[0][0] in generator.HENGYANG_COUNTIES
    assert all(h.position for h in records)
    hospitals = [h for h in records if h.unit.endswith(("医院", "卫生院"))]
    assert sum(h.category == "medical" for h in hospitals) > len(hospitals) / 2


def test_honours_at_every_level_with_titles_years_and_bodies(records):
    honours = [x for h in records for x in h.honours]
    assert {x.level for x in honours} == {level.value for level in LEVEL_ORDER}
    titles = Counter(x.title for x in honours)
    for title in ("全国劳动模范", "全国五一劳动奖章", "湖南省劳动模范", "衡阳市先进工作者"):
        assert titles[title] > 0, title
    assert any(re.fullmatch(r"耒阳市.+", t) for t in titles)
    assert all(x.awarded_by or x.level == "other" for x in honours)
    years = [x.year for x in honours if x.year]
    assert min(years) >= 1985 and max(years) <= 2024 and len(years) > 0.8 * len(honours)


def test_deeds_are_50_to_300_characters_of_citation_phrases(records):
    deeds = [d.text for h in records for d in h.deeds]
    assert all(50 <= len(text) <= 300 for text in deeds)
    assert statistics_spread([len(t) for t in deeds])
    allowed = set(
        "".join(
            generator.DEED_OPENINGS
            + generator.DEED_PHRASES
            + generator.DEED_CLOSINGS
            + generator.TECHS
            + generator.ROLES
            + generator.NICKNAMES
        )
        + "0123456789，。“”"
        + "".join(h.unit for h in records)
        + "始终把职工群众的冷暖放在心上多次受到上级表彰"
    )
    strays = {ch for text in deeds for ch in text} - allowed
    assert not strays  # every character comes from a phrase, never at random


def statistics_spread(lengths: list[int]) -> bool:
    """Deeds use the whole 50–300 range, not one length."""
    return min(lengths) < 90 and max(lengths) > 250


def test_donations_of_money_and_goods(records):
    donations = [d for h in records for d in h.donations]
    cash = [d for d in donations if d.amount_fen is not None]
    goods = [d for d in donations if d.item]
    assert cash and goods
    assert all(d.amount_fen > 0 and d.amount_fen % 100 == 0 for d in cash)
    assert all(d.quantity and d.quantity_unit for d in goods)
    assert all(d.recipient for d in donations)


def test_portraits_are_small_real_jpegs():
    data = generator.portrait_jpeg(5)
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG" and image.size == (240, 320)
    assert len(data) < 40_000
    assert generator.portrait_jpeg(5) == data and generator.portrait_jpeg(6) != data


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    path = tmp_path_factory.mktemp("roll") / "roll.sqlite"
    progress = []
    result = build_roll(path, 400, seed=11, progress=lambda done, total: progress.append((done, total)))
    registry = Registry.open(path)
    yield registry, list(RollGenerator(11).roll(400)), progress, result
    registry.close()


def test_built_roll_holds_the_records_a_share_of_photos_and_an_index(built):
    registry, records, progress, result = built
    assert registry.count() == 400 == result.size
    assert [registry.honouree(i).name for i in (1, 200, 400)] == [records[i - 1].name for i in (1, 200, 400)]
    assert registry.honouree(37).deeds[0].text == records[36].deeds[0].text
    with_photo = [i for i in range(1, 401) if registry.photos(i)]
    assert 4 <= len(with_photo) <= 60
    photo = registry.photos(with_photo[0])[0]
    assert photo.primary
    with Image.open(io.BytesIO(registry.photo_bytes(photo.id, "thumbnail"))) as thumb:
        assert max(thumb.size) <= 160
    assert progress[-1] == (400, 400)
    assert registry.search("").count() == 400


def test_reference_scan_agrees_with_search_on_every_query_kind(built):
    """The benchmark's correctness check, run small: index results equal the slow scan."""
    registry, records, _, _ = built
    sets = queries.query_sets(records)
    assert set(sets) == set(queries.KINDS)
    facts = queries.facts(records)
    checked = 0
    for texts in sets.values():
        for text in texts:
            slow = queries.reference_ids(facts, text)
            if slow is None:
                continue
            check = queries.compare(text, registry.search(text).all_ids(), slow)
            assert check.ok, check
            checked += 1
    assert checked >= 30


def test_reference_scan_notices_a_wrong_answer(built):
    """A check that cannot fail is no check: drop one id and it must say so."""
    registry, records, _, _ = built
    facts = queries.facts(records)
    slow = queries.reference_ids(facts, "医院")
    assert slow
    fast = registry.search("医院").all_ids()
    assert not queries.compare("医院", fast[1:], slow).ok
    assert not queries.compare("医院", list(reversed(fast)), slow).ok


def test_cached_file_name_follows_the_index_code():
    assert generator.cached_path(1000).name.startswith("roll-1000-")
    assert generator.cached_path(1000) == generator.cached_path(1000)
    assert generator.cached_path(1000) != generator.cached_path(2000)
