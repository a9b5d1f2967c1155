"""The model tree fills lazily (issue 20): a big model opens with only its top level made,
a process's children are made when it is opened, and selection, renames, the open
level and rebuilding work for items made later."""

from __future__ import annotations

import pytest

from procmodeler.edit import Editor
from procmodeler.edit import operations as ops
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Metadata, Process
from procmodeler.ui.context import EditorContext
from procmodeler.ui.modeltree import FIRST_OPEN, ModelTree

pytestmark = pytest.mark.gui


def three_levels(tops: int, per: int) -> Editor:
    """*tops* top-level processes t<i>, each with *per* children c<i>_<j>, each of those
    with *per* children g<i>_<j>_<k>."""
    arch = Architecture(Metadata(name="Big", language="en"))

    def put(pid: str, parent: str | None) -> None:
        arch.put("processes", pid, Process(pid, f"Process {pid}", "core", parent))

    for i in range(tops):
        put(f"t{i}", None)
        for j in range(per):
            put(f"c{i}_{j}", f"t{i}")
            for k in range(per):
                put(f"g{i}_{j}_{k}", f"c{i}_{j}")
    return Editor(arch)


@pytest.fixture
def big(qtbot):  # type: ignore[no-untyped-def]
    context = EditorContext(three_levels(100, 10))  # 11,100 processes
    tree = ModelTree(context)
    qtbot.addWidget(tree)
    tree.resize(300, 600)
    tree.show()
    yield context, tree
    context.deleteLater()


def test_a_big_model_opens_with_only_its_top_level_made(big) -> None:  # type: ignore[no-untyped-def]
    context, tree = big
    assert len(context.arch.processes) == 11_100
    assert set(tree.items) == {f"t{i}" for i in range(100)}
    assert tree.topLevelItemCount() == 100
    first = tree.topLevelItem(0)
    assert first.childCount() == 0 and not first.isExpanded()
    # the arrow shows that there is something to open
    assert first.childIndicatorPolicy() == first.ChildIndicatorPolicy.ShowIndicator


def test_opening_a_process_makes_its_children(big) -> None:  # type: ignore[no-untyped-def]
    context, tree = big
    first = tree.topLevelItem(3)
    tree.expandItem(first)  # as a click on the arrow does
    assert [first.child(n).text(0) for n in range(first.childCount())] == [
        f"Process c3_{j}" for j in range(10)
    ]
    assert len(tree.items) == 110  # the grandchildren not yet
    tree.collapseItem(first)
    tree.expandItem(first)
    assert first.childCount() == 10  # made once


def test_selecting_a_deep_process_makes_the_way_to_it(big, qtbot) -> None:  # type: ignore[no-untyped-def]
    context, tree = big
    context.set_selection(["g42_3_7"])
    item = tree.items["g42_3_7"]
    assert item.isSelected() and tree.selected_processes() == ["g42_3_7"]
    assert item.parent() is tree.items["c42_3"] and tree.items["c42_3"].isExpanded()
    assert tree.items["t42"].isExpanded()
    # and back: choosing another in the tree selects it everywhere
    tree.setCurrentItem(tree.item("c42_4"))
    assert context.selection == ("c42_4",)
    assert not item.isSelected()


def test_a_selected_process_is_selected_when_its_parent_is_opened_later(big) -> None:  # type: ignore[no-untyped-def]
    context, tree = big
    context.set_selection(["t5", "c6_1"])  # c6_1 makes its way; the others wait
    assert tree.items["c6_1"].isSelected()
    tree.collapseItem(tree.items["t6"])
    ops.rename_process(context.editor, "c7_2", "Renamed while not made")
    assert "c7_2" not in tree.items
    tree.expandItem(tree.items["t7"])
    assert tree.items["c7_2"].text(0) == "Renamed while not made"
    assert tree.items["t5"].isSelected() and tree.items["c6_1"].isSelected()


def test_the_open_level_is_bold_when_its_item_is_made(big) -> None:  # type: ignore[no-untyped-def]
    context, tree = big
    context.open_level("c9_9")
    assert tree.item("c9_9").font(0).bold()
    context.open_level("t1")
    assert tree.items["t1"].font(0).bold() and not tree.items["c9_9"].font(0).bold()


def test_rebuilding_keeps_what_was_open(big) -> None:  # type: ignore[no-untyped-def]
    context, tree = big
    tree.expandItem(tree.items["t2"])
    tree.expandItem(tree.item("c2_5"))
    new = ops.create_process(context.editor, "New sub-process", "core", "c2_5")  # rebuilds
    assert tree.items["t2"].isExpanded() and tree.items["c2_5"].isExpanded()
    assert tree.items[new].parent() is tree.items["c2_5"]
    assert not tree.items["t3"].isExpanded() and "c3_0" not in tree.items


def test_a_small_model_opens_with_its_top_level_open(qtbot) -> None:  # type: ignore[no-untyped-def]
    context = EditorContext(three_levels(3, 4))  # 3 + 12 + 48 processes
    tree = ModelTree(context)
    qtbot.addWidget(tree)
    assert FIRST_OPEN >= 12
    assert all(tree.items[f"t{i}"].isExpanded() for i in range(3))
    assert set(tree.items) == {f"t{i}" for i in range(3)} | {
        f"c{i}_{j}" for i in range(3) for j in range(4)
    }
    context.deleteLater()
