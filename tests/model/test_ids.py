"""The one id policy (procmodeler.model.ids): numbered and derived ids, deterministic."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from procmodeler.model.ids import IdAllocator, ncname_from, ncnames_from, next_id


def test_numbered_ids_count_on_from_the_highest_in_use() -> None:
    ids = IdAllocator({"proc_3", "proc_11", "proc_x", "rel_1", "proc_12a"})
    assert [ids.numbered("proc_") for _ in range(3)] == ["proc_12", "proc_13", "proc_14"]
    assert ids.numbered("rel_") == "rel_2"
    assert ids.numbered("kpi_") == "kpi_1"
    assert {"proc_12", "proc_13", "proc_14", "rel_2", "kpi_1"} <= ids.taken


def test_numbered_skips_an_id_taken_meanwhile() -> None:
    ids = IdAllocator({"p1"})
    assert ids.numbered("p") == "p2"
    ids.take("p3")
    assert ids.numbered("p") == "p4"


def test_derived_ids_keep_a_free_ncname_and_map_the_rest() -> None:
    ids = IdAllocator({"taken"})
    assert ids.derived("Order_1") == "Order_1"
    assert ids.derived("Order_1") == "id_Order_1"  # now taken itself
    assert ids.derived("1.2 x") == "id_1.2_x"
    assert ids.derived("1.2 x") == "id_1.2_x_2"
    assert ids.derived("taken") == "id_taken"
    assert ncname_from("a/b", "x_") == "x_a_b"


def test_the_same_input_gives_the_same_ids() -> None:
    def run() -> list[str]:
        ids = IdAllocator({"proc_2"})
        return [ids.numbered("proc_"), ids.derived("9"), ids.free("proc_3")]

    assert run() == run() == ["proc_3", "id_9", "proc_3_2"]
    assert next_id("proc_", {"proc_2"}) == "proc_3"


def test_numbered_many_gives_what_as_many_numbered_calls_give() -> None:
    taken = {"rel_2", "rel_5", "rel_6", "rel_x", "kpi_1"}
    one, many = IdAllocator(set(taken)), IdAllocator(set(taken))
    assert many.numbered_many("rel_", 0) == []
    assert many.numbered_many("rel_", 4) == [one.numbered("rel_") for _ in range(4)]
    one.take("rel_12")
    many.take("rel_12")
    assert many.numbered_many("rel_", 5) == [one.numbered("rel_") for _ in range(5)]
    assert many.numbered("kpi_") == one.numbered("kpi_") == "kpi_2"
    assert many.taken == one.taken


@given(
    st.sets(
        st.one_of(
            st.sampled_from(
                ["rel_1", "rel_12", "rel_x", "rel_", "rel_1a", "x\nrel_99", "rel_\u0663"]
            ),
            st.builds("rel_{}".format, st.integers(0, 500)),
            st.text(max_size=6),
        )
    ),
    st.sampled_from(["rel_", "r", "rel_1", ".*", ""]),
)
def test_the_first_number_is_one_above_the_highest_taken(taken: set[str], prefix: str) -> None:
    """However the taken ids are written (a line break, other digits, pattern signs)."""
    numbers = [
        int(t[len(prefix) :])
        for t in taken
        if t.startswith(prefix) and t[len(prefix) :].isdecimal()
    ]
    expected = 1 + max(numbers, default=0)
    while f"{prefix}{expected}" in taken:
        expected += 1
    assert IdAllocator(set(taken)).numbered(prefix) == f"{prefix}{expected}"


@given(
    st.lists(st.one_of(st.text(max_size=5), st.sampled_from(["1", "a b", "é", "\u0100", "x\ny"])))
)
def test_ncnames_from_maps_each_original(originals: list[str]) -> None:
    assert ncnames_from(originals) == [ncname_from(o) for o in originals]


@given(
    st.lists(st.sampled_from(["id_1", "id_2", "id_3", "x"]), max_size=6),
    st.sets(st.sampled_from(["id_1", "id_3_2", "y"])),
)
def test_free_many_gives_what_free_gives_in_turn(bases: list[str], taken: set[str]) -> None:
    one_by_one = IdAllocator(set(taken))
    assert IdAllocator(set(taken)).free_many(bases) == [one_by_one.free(b) for b in bases]
