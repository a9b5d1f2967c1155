"""The improvements board in the room a bottom dock has at a 1024×752 window, in
English and in Swedish: no filter label, filter box, button, column title or form
label is cut (the filter bar wraps to more rows, the form gets narrower and puts its
labels above its fields), a word too long for a card is broken with a hyphen, and the
form says what to do while no card is chosen."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QPushButton,
    QStyle,
    QStyleOptionComboBox,
    QWidget,
)

from procmodeler.edit import operations as ops
from procmodeler.ui.strategy.board import ImprovementsBoard
from procmodeler.ui.strategy.cards import breakable

#: what the improvements dock gets in a 1024×752 window
LAPTOP = (450, 290)


@pytest.fixture(params=["en", "sv"])
def language(request):  # type: ignore[no-untyped-def]
    before = QLocale()
    swedish = request.param == "sv"
    QLocale.setDefault(QLocale(QLocale.Language.Swedish if swedish else QLocale.Language.English))
    yield request.param
    QLocale.setDefault(before)


def outside(root: QWidget, widget: QWidget) -> bool:
    """Whether *widget* reaches past *root*'s right edge (what scrolls sideways, the
    status columns, may)."""
    if isinstance(root, ImprovementsBoard) and root.columns_area.widget().isAncestorOf(widget):
        return False
    return widget.mapTo(root, widget.rect().topRight()).x() >= root.width()


def cut_texts(root: QWidget) -> list[str]:
    """The texts of the shown labels, buttons and boxes below *root* that are wider
    than the room their widget has, or that stand past *root*'s edge."""
    cut = [
        type(w).__name__
        for w in root.findChildren(QWidget)
        if isinstance(w, (QLabel, QPushButton, QComboBox)) and w.isVisible() and outside(root, w)
    ]
    for label in root.findChildren(QLabel):
        if not label.isVisible() or label.wordWrap() or not label.text():
            continue
        text = re.sub(r"<[^>]+>", "", label.text())
        font = QFont(label.font())
        font.setBold("<b>" in label.text())
        if QFontMetrics(font).horizontalAdvance(text) > label.contentsRect().width():
            cut.append(text)
    for button in root.findChildren(QPushButton):
        room = button.width() - 12  # the style's margins
        if button.isVisible() and button.fontMetrics().horizontalAdvance(button.text()) > room:
            cut.append(button.text())
    for combo in root.findChildren(QComboBox):
        if not combo.isVisible() or combo.isEditable():
            continue
        option = QStyleOptionComboBox()
        combo.initStyleOption(option)
        field = combo.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
        )
        if combo.fontMetrics().horizontalAdvance(combo.currentText()) > field.width():
            cut.append(combo.currentText())
    return cut


def laptop_board(qtbot, context) -> ImprovementsBoard:  # type: ignore[no-untyped-def]
    ops.add_improvement(context.editor, "pr_sell", "Prioriteringsmodell för klagomål", iid="i_long")
    board = ImprovementsBoard(context)
    qtbot.addWidget(board)
    board.resize(*LAPTOP)
    board.show()
    qtbot.waitExposed(board)
    return board


def test_at_laptop_size_no_text_of_the_board_is_cut(qtbot, context, language):
    board = laptop_board(qtbot, context)
    assert board.no_card.isVisible() and not board.form.isEnabled()
    assert board.no_card.text() == (
        "Select a card to edit it." if language == "en" else "Välj ett kort för att ändra det."
    )
    assert board.select("i_pick")
    qtbot.waitUntil(lambda: board.form.width() <= board.form_area.viewport().width())
    assert board.form.isEnabled()
    assert not board.no_card.isVisible()
    bar = board.filter_bar
    assert len(bar.rows(bar.geometry().width())) == 2  # the button and filters in two rows
    assert board.status_filter.parentWidget().y() > board.process_filter.parentWidget().y()
    assert cut_texts(board) == []
    columns = board.columns_area.viewport().width()
    assert columns >= board.columns["idea"].width()  # a whole column beside the form
    board.resize(1800, 400)  # wide: one row, labels beside the fields
    qtbot.waitUntil(lambda: len(board.filter_bar.rows(board.filter_bar.geometry().width())) == 1)
    assert cut_texts(board) == []


def test_a_word_too_long_for_a_card_is_broken_with_a_hyphen(qtbot, context):
    board = laptop_board(qtbot, context)
    column = board.columns["idea"]
    assert column.item(column.count() - 1).text().startswith("Prioriteringsmodell")
    font = QFont(column.font())
    font.setBold(True)
    metrics = QFontMetrics(font)
    assert metrics.horizontalAdvance("Prioriteringsmodell") > 100
    assert "\u00ad" in breakable("Prioriteringsmodell för klagomål", metrics, 100)
    assert breakable("Offer templates", metrics, 100) == "Offer templates"
