"""Tools ▸ Intake from report…, driven as staff drive it (offscreen, pytest-qt)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fake_window import FakeWindow
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from honours.gui import intake_dialog
from honours.gui.intake_dialog import IntakeDialog
from honours.gui.intake_model import ACCEPTED, COLUMNS, PENDING, REJECTED

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = (ROOT / "assets" / "reports" / "000_5bb5760426d0996f.txt").read_text(encoding="utf-8")
REPORTS = ROOT / "tests" / "fixtures" / "reports"
FOLLOW_UP = "衡阳市劳动模范、耒阳龙腾公司副总经理蒋亚华荣获湖南省劳动模范称号，并再次捐款2万元。全国劳动模范王新来带领职工复工。"


@pytest.fixture
def warnings(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a, **k: shown.append(text))
    return shown


def pasted(qtbot, registry, text: str) -> IntakeDialog:
    dialog = IntakeDialog(registry)
    qtbot.addWidget(dialog)
    dialog.text_edit.setPlainText(text)
    with qtbot.waitSignal(dialog.reader.finished, timeout=60_000):
        qtbot.mouseClick(dialog.analyse_button, Qt.MouseButton.LeftButton)
    return dialog


def names(dialog: IntakeDialog) -> list[str]:
    return [row.honouree.name for row in dialog.model.rows()]


def row_of(dialog: IntakeDialog, name: str) -> int:
    return names(dialog).index(name)


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_install_adds_the_action_to_the_tools_menu(qtbot, registry, monkeypatch):
    window = FakeWindow(registry)
    qtbot.addWidget(window)
    intake_dialog.install(window)
    [action] = window.menu("tools").actions()
    assert action.objectName() == "intakeFromReportAction" and action.text()
    opened = []
    monkeypatch.setattr(IntakeDialog, "exec", lambda self: opened.append(self) or QDialog.DialogCode.Rejected)
    action.trigger()
    assert len(opened) == 1 and opened[0].registry is registry


def test_pasting_the_seed_report_lists_its_honourees(qtbot, registry):
    dialog = pasted(qtbot, registry, SEED_TEXT)
    listed = names(dialog)
    for name in (
        "宋英杰",
        "詹济舟",
        "谷井文",
        "柏太柱",
        "李小平",
        "蒋芳花",
        "白云",
        "曹华华",
        "许仲秋",
        "罗芳初",
        "蒋亚华",
    ):
        assert name in listed
    for name in ("胡建军", "肖华", "张阳琛", "谭敦龙", "廖健", "单绪平"):
        assert name not in listed
    model = dialog.model
    song = row_of(dialog, "宋英杰")
    honours = model.index(song, COLUMNS.index("honours")).data()
    assert honours == "衡阳市五一劳动奖章 (Municipal, posthumous)"
    xu = row_of(dialog, "许仲秋")
    assert model.index(xu, COLUMNS.index("donations")).data() == "50万元"
    assert model.index(xu, COLUMNS.index("action")).data() == "New record"
    assert all(row.decision == PENDING for row in model.rows())
    assert not dialog.save_button.isEnabled()


def test_the_evidence_shows_the_source_sentence_highlighted(qtbot, registry):
    dialog = pasted(qtbot, registry, SEED_TEXT)
    dialog.select_row(row_of(dialog, "柏太柱"))
    html = dialog.evidence.toHtml()
    assert "柏太柱" in html and "医务部部长" in html
    plain = dialog.evidence.toPlainText()
    assert "“中国好医生”“湖南省五一劳动奖章”获得者" in plain
    assert "Why it was proposed" in plain
    assert "background-color:#ffe07a" in html.replace(" ", "")  # the name's colour


def test_accept_two_reject_one_and_save_in_one_go(qtbot, registry):
    dialog = pasted(qtbot, registry, SEED_TEXT)
    for name in ("许仲秋", "白云"):
        dialog.select_row(row_of(dialog, name))
        click(qtbot, dialog.accept_button)
    dialog.select_row(row_of(dialog, "罗玉芳"))
    click(qtbot, dialog.reject_button)
    counts = dialog.model.counts()
    assert (counts[ACCEPTED], counts[REJECTED]) == (2, 1)
    assert dialog.save_button.isEnabled()
    assert "2 accepted, 1 rejected" in dialog.summary_label.text()
    click(qtbot, dialog.save_button)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = {h.name: h for h in registry.honourees(registry.all_ids())}
    assert set(saved) == {"许仲秋", "白云"}
    assert [(h.title, h.level) for h in saved["白云"].honours] == [("常宁市先进工作者", "county")]
    assert saved["许仲秋"].donations[0].amount_fen == 50_000_000
    assert saved["许仲秋"].source.sentence.startswith("第十三届全国人大代表、湖南省劳动模范")
    assert dialog.summary() == "Intake saved: 2 new, 0 merged into existing records."


def test_a_known_person_is_merged_not_duplicated(qtbot, roll):
    before = {h.name: h for h in roll.honourees(roll.all_ids())}
    count = roll.count()
    dialog = pasted(qtbot, roll, FOLLOW_UP)
    jiang = row_of(dialog, "蒋亚华")
    row = dialog.model.row_at(jiang)
    assert row.merge_into == before["蒋亚华"].id
    assert dialog.model.index(jiang, COLUMNS.index("action")).data() == f"Merge into #{before['蒋亚华'].id}"
    dialog.select_row(jiang)
    assert dialog.merge_check.isEnabled() and dialog.merge_check.isChecked()
    assert "adds honours: 湖南省劳动模范" in dialog.evidence.toPlainText()
    click(qtbot, dialog.accept_all_button)
    click(qtbot, dialog.save_button)
    assert roll.count() == count + 1  # 王新来 is new; 蒋亚华 is not added twice
    jiang_after = roll.honouree(before["蒋亚华"].id)
    titles = [h.title for h in jiang_after.honours]
    assert titles == ["衡阳市劳动模范", "湖南省劳动模范"]
    amounts = [(d.item, d.quantity, d.amount_fen) for d in jiang_after.donations]
    assert amounts == [("防疫物品", 130_000, None), ("", None, 2_000_000)]
    assert len([h for h in roll.honourees(roll.all_ids()) if h.name == "蒋亚华"]) == 1


def test_staff_can_choose_a_new_record_instead_of_merging(qtbot, roll):
    count = roll.count()
    dialog = pasted(qtbot, roll, FOLLOW_UP)
    jiang = row_of(dialog, "蒋亚华")
    dialog.select_row(jiang)
    dialog.merge_check.setChecked(False)
    assert dialog.model.row_at(jiang).merge_into is None
    click(qtbot, dialog.accept_button)
    click(qtbot, dialog.save_button)
    assert roll.count() == count + 1
    assert len([h for h in roll.honourees(roll.all_ids()) if h.name == "蒋亚华"]) == 2


def test_a_failed_save_writes_nothing(qtbot, roll, warnings):
    count = roll.count()
    dialog = pasted(qtbot, roll, FOLLOW_UP)
    click(qtbot, dialog.accept_all_button)
    # someone else edits 蒋亚华 while the proposals are on screen
    jiang_id = dialog.model.row_at(row_of(dialog, "蒋亚华")).merge_into
    original_honouree = roll.honouree

    def stale(honouree_id, **kw):
        record = original_honouree(honouree_id, **kw)
        if honouree_id == jiang_id:
            record.version -= 1  # the copy the dialog merges into is out of date
        return record

    roll.honouree = stale
    click(qtbot, dialog.save_button)
    roll.honouree = original_honouree
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert len(warnings) == 1 and "changed by someone else" in warnings[0]
    assert roll.count() == count  # 王新来 was not added either: one transaction
    assert "王新来" not in {h.name for h in roll.honourees(roll.all_ids())}


def test_names_units_and_posts_can_be_corrected_in_place(qtbot, registry):
    dialog = pasted(qtbot, registry, FOLLOW_UP)
    wang = row_of(dialog, "王新来")
    model = dialog.model
    assert model.setData(model.index(wang, COLUMNS.index("unit")), "衡阳市某机械厂")
    assert not model.setData(model.index(wang, COLUMNS.index("name")), "  ")  # a name cannot be blank
    dialog.select_row(wang)
    click(qtbot, dialog.accept_button)
    click(qtbot, dialog.save_button)
    [saved] = registry.honourees(registry.all_ids())
    assert (saved.name, saved.unit) == ("王新来", "衡阳市某机械厂")


def test_edit_opens_the_record_editor_and_accepts_the_edited_record(qtbot, registry, monkeypatch):
    from honours.gui.edit_dialog import EditDialog

    def fill_and_save(self):
        self.form.name_edit.setText("王欣来")
        return QDialog.DialogCode.Accepted if self.save() else QDialog.DialogCode.Rejected

    monkeypatch.setattr(EditDialog, "exec", fill_and_save)
    dialog = pasted(qtbot, registry, FOLLOW_UP)
    dialog.select_row(row_of(dialog, "王新来"))
    click(qtbot, dialog.edit_button)
    row = dialog.model.row_at(row_of(dialog, "王欣来"))
    assert row.decision == ACCEPTED
    assert [h.title for h in row.honouree.honours] == ["全国劳动模范"]
    click(qtbot, dialog.save_button)
    assert [h.name for h in registry.honourees(registry.all_ids())] == ["王欣来"]


def test_opening_a_docx_or_a_traditional_report(qtbot, registry, tmp_path, warnings):
    import docx

    document = docx.Document()
    document.add_paragraph("全國勞動模範、深圳市人民醫院呼吸內科主任醫師劉曉紅連續二十多天堅守發熱門診。")
    path = tmp_path / "深圳.docx"
    document.save(str(path))
    dialog = IntakeDialog(registry)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.reader.finished, timeout=60_000):
        assert dialog.load_file(path)
        # read off the GUI thread: nothing to open or read again until it is done
        assert dialog.report_label.text() == "Reading the report…"
        assert not dialog.open_button.isEnabled() and not dialog.analyse_button.isEnabled()
    assert names(dialog) == ["刘晓红"]
    assert dialog.open_button.isEnabled() and dialog.analyse_button.isEnabled()
    assert "劉曉紅" in dialog.text_edit.toPlainText()
    plain = dialog.evidence.toPlainText()
    assert "全國勞動模範" in plain and "In simplified characters" in plain
    assert "深圳.docx" in dialog.report_label.text()
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    assert not dialog.load_file(tmp_path / "old.doc")
    assert warnings and ".docx" in warnings[-1]


def test_a_newer_reading_wins_over_an_older_one(qtbot, registry):
    dialog = pasted(qtbot, registry, FOLLOW_UP)
    dialog.text_edit.setPlainText("全国劳动模范王大明捐款1万元。")
    with qtbot.waitSignal(dialog.reader.finished, timeout=60_000):
        dialog.analyse_pasted()
    assert names(dialog) == ["王大明"]
    answers = []
    dialog.reader.finished.connect(answers.append)
    dialog.reader.read(FOLLOW_UP, "")
    dialog.reader.read("全国劳动模范李小红带领职工复工。", "")
    qtbot.waitUntil(lambda: not dialog.reader.busy, timeout=60_000)
    assert [[p.name for p in r.proposals] for r in answers] == [["李小红"]]


def test_text_without_honourees_and_empty_text(qtbot, registry, warnings):
    dialog = pasted(qtbot, registry, (REPORTS / "meeting_no_honourees.txt").read_text(encoding="utf-8"))
    assert dialog.model.rowCount() == 0
    assert "No honourees" in dialog.evidence.toPlainText()
    dialog.text_edit.setPlainText("")
    assert not dialog.analyse_button.isEnabled()
    dialog.analyse_pasted()
    assert warnings == ["Paste a report or open a file first."]


def test_closing_with_unsaved_accepted_proposals_asks_first(qtbot, registry, monkeypatch):
    dialog = pasted(qtbot, registry, FOLLOW_UP)
    dialog.show()
    click(qtbot, dialog.accept_all_button)
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Close]
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or answers[len(asked) - 1])
    dialog.reject()
    assert len(asked) == 1 and dialog.isVisible()  # Cancel: stay, decisions kept
    dialog.reject()
    assert len(asked) == 2 and not dialog.isVisible()
    assert registry.count() == 0


def test_chinese_strings_come_from_the_translation(qtbot, registry):
    from PySide6.QtCore import QCoreApplication, QTranslator

    from honours.gui.i18n import I18N_DIR

    translator = QTranslator()
    if not translator.load("honours_zh_CN", str(I18N_DIR)):
        pytest.skip("honours_zh_CN.qm is built by make translations")
    QCoreApplication.installTranslator(translator)
    try:
        dialog = IntakeDialog(registry)
        qtbot.addWidget(dialog)
        assert dialog.windowTitle() == "从报道录入"
        assert dialog.save_button.text() == "保存已接受(&S)"
    finally:
        QCoreApplication.removeTranslator(translator)
