"""The XmR analysis of FLOW-AND-EFFECT.md: limits, screening, the four signal rules
(each with a positive and a near-miss case), segments, variation, assurance, a published
snapshot, and a property test against a naive reimplementation."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from procmodeler.analysis.xmr import (
    Segment,
    analyse,
    analyse_kpi,
    segment_limits,
    special_causes,
)
from procmodeler.model.elements import Kpi, Measurement

# R 4.x: set.seed(123); x <- rnorm(20)
RNORM_SEED_123 = [
    -0.56047565, -0.23017749, 1.55870831, 0.07050839, 0.12928774,
    1.71506499, 0.46091621, -1.26506123, -0.68685285, -0.44566197,
    1.22408180, 0.35981383, 0.40077145, 0.11068272, -0.55584113,
    1.78691314, 0.49785048, -1.96661716, 0.70135590, -0.47279141,
]  # fmt: skip


def unit_segment(n: int) -> Segment:
    """Mean 0 and m̄R 1: limits ±2.66, near-limit lines ±1.7733."""
    return Segment(0, n, 0.0, 1.0, -2.66, 2.66, -2.66 * 2 / 3, 2.66 * 2 / 3)


def flagged(values: list[float]) -> list[int]:
    return [i for i, s in enumerate(special_causes(values, unit_segment(len(values)))) if s]


def test_published_rnorm_snapshot() -> None:
    result = analyse(RNORM_SEED_123)
    (seg,) = result.segments
    assert round(seg.mean, 3) == 0.142
    assert round(seg.lower, 2) == -3.01
    assert round(seg.upper, 2) == 3.29
    assert not seg.provisional
    assert set(result.types) == {"common"}
    assert result.variation == "common_cause"


# ------------------------------------------------------------------ rule 1: outside
def test_rule1_outside_the_limits() -> None:
    assert flagged([0.0, 2.7, 0.0, -2.7]) == [1, 3]


def test_rule1_near_miss_inside_or_on_the_limit() -> None:
    assert flagged([0.0, 2.6, 0.0, -2.66, 0.0]) == []


# ------------------------------------------------------------------ rule 2: runs
def test_rule2_seven_on_one_side() -> None:
    values = [-1.0, 0.5, 0.2, 0.3, 0.1, 0.4, 0.2, 0.6, -1.0]
    assert flagged(values) == [1, 2, 3, 4, 5, 6, 7]
    assert flagged([-v for v in values]) == [1, 2, 3, 4, 5, 6, 7]


def test_rule2_near_miss_six_on_one_side() -> None:
    assert flagged([-1.0, 0.5, 0.2, 0.3, 0.1, 0.4, 0.2, -0.6, -1.0]) == []


def test_rule2_a_value_on_the_mean_breaks_the_run() -> None:
    assert flagged([0.5, 0.2, 0.3, 0.0, 0.1, 0.4, 0.2, 0.6]) == []


# ------------------------------------------------------------------ rule 3: trends
def test_rule3_seven_rising_or_falling() -> None:
    rising = [-1.2, -0.8, -0.4, 0.1, 0.4, 0.8, 1.2]
    assert flagged([1.0, *rising]) == [1, 2, 3, 4, 5, 6, 7]
    assert flagged([-1.0, *[-v for v in rising]]) == [1, 2, 3, 4, 5, 6, 7]


def test_rule3_near_miss_six_rising_then_equal() -> None:
    assert flagged([1.0, -1.2, -0.8, -0.4, 0.1, 0.4, 0.8, 0.8]) == []


def test_rule3_near_miss_broken_by_one_fall() -> None:
    assert flagged([-1.2, -0.8, -0.4, 0.1, 0.05, 0.4, 0.8, 1.2]) == []


# ------------------------------------------------------------------ rule 4: near limits
def test_rule4_two_of_three_near_on_one_side() -> None:
    assert flagged([0.0, -0.5, 2.0, 0.5, 2.0, -0.5, 0.0]) == [2, 4]
    assert flagged([0.0, -0.5, -2.0, -2.0, 0.5, 0.0]) == [2, 3]
    assert flagged([0.5, 0.5, -2.0, -2.0, 0.5, 0.5]) == []  # no window of three below


def test_rule4_near_miss_not_within_three() -> None:
    assert flagged([0.0, -0.5, 2.0, 0.5, 0.5, 2.0, -0.5]) == []


def test_rule4_near_miss_window_crosses_the_mean() -> None:
    assert flagged([0.0, 2.0, -0.1, 2.0, 0.0]) == []
    assert flagged([0.0, 2.0, -2.0, 0.0]) == []


def test_rule4_a_lone_near_value_is_common() -> None:
    assert flagged([0.0, 0.5, 2.0, 0.5, 0.0]) == []


# ------------------------------------------------------------------ limits
def test_screening_leaves_out_large_ranges_once() -> None:
    # moving ranges: eight of 1, then 5, then 40; m̄R 5.3, 40 >= 3.267 * 5.3 is left out;
    # 5 would go in a second pass (>= 3.267 * 13/9) but screening is one pass.
    values = [0, 1, 0, 1, 0, 1, 0, 1, 0, 5, 45]
    seg = segment_limits(values)
    assert seg.mr_bar == pytest.approx(13 / 9)
    assert seg.mean == pytest.approx(54 / 11)
    assert seg.upper == pytest.approx(54 / 11 + 2.66 * 13 / 9)
    assert seg.near_lower == pytest.approx(54 / 11 - 2 / 3 * 2.66 * 13 / 9)


def test_equal_values_have_zero_width_limits_and_no_signals() -> None:
    result = analyse([4.0] * 9)
    (seg,) = result.segments
    assert seg.mr_bar == 0.0 and seg.lower == seg.upper == 4.0
    assert set(result.types) == {"common"}


def test_provisional_below_twelve_values() -> None:
    assert analyse(RNORM_SEED_123[:11]).segments[0].provisional
    assert not analyse(RNORM_SEED_123[:12]).segments[0].provisional


def test_one_value_has_no_limits_and_no_variation() -> None:
    result = analyse([3.0], target=2.0)
    assert result.segments[0].upper is None
    assert result.variation == "none" and result.assurance == "none"
    assert analyse([]).variation == "none"


def test_ties_on_the_mean_are_neither_side() -> None:
    # mean exactly 2: each 2 sits on it and breaks what would be a run of seven
    values = [3, 4, 3, 2, 3, 4, 3, 1, 0, 1, 2, 1, 0, 1]
    seg = segment_limits(values)
    assert seg.mean == 2.0
    assert special_causes(values, seg) == [0] * 14
    nudged = [3, 4, 3, 2.5, 3, 4, 3, 1, 0, 1, 1.5, 1, 0, 1]  # same mean, no ties
    assert special_causes(nudged, segment_limits(nudged)) == [1] * 7 + [-1] * 7


def test_special_cause_on_the_mean_is_a_concern() -> None:
    # a rising trend through the mean: the value on it is special cause with no side,
    # and "improvement" needs the better side (FLOW-AND-EFFECT.md), so it is a concern.
    values = [1.0, -3, -2, -1, 0, 1, 2, 3, 1.0]
    seg = Segment(0, 9, 0.0, 2.0, -5.32, 5.32, -3.55, 3.55)
    assert special_causes(values, seg) == [0, -1, -1, -1, 2, 1, 1, 1, 0]


# ------------------------------------------------------------------ segments (rebase)
def test_rebase_starts_new_limits() -> None:
    before = [30, 32, 29, 31, 33, 30, 31, 29, 32, 30, 31, 30]
    after = [22, 21, 23, 22, 20, 21, 23, 22, 21, 22]
    result = analyse(before + after, rebases=[12], direction="lower", target=26)
    first, second = result.segments
    assert (first.start, first.end, second.start, second.end) == (0, 12, 12, 22)
    assert first.mean == pytest.approx(sum(before) / 12)
    assert second.mean == pytest.approx(sum(after) / 10)
    assert not first.provisional and second.provisional
    assert set(result.types) == {"common"}
    assert result.assurance == "consistent_pass"  # 26 above the new upper limit (25.25)
    # without the rebase the shift is a run below the mean: an improvement (lower better)
    unmarked = analyse(before + after, direction="lower", target=26)
    assert unmarked.types[-1] == "improvement"
    assert unmarked.variation == "special_cause_improvement"


def test_runs_and_trends_do_not_cross_a_segment_boundary() -> None:
    values = list(range(14))
    assert set(analyse(values).types) == {"concern", "improvement"}  # one trend of 14
    split = analyse(values, rebases=[6])
    assert split.types[:6] == ("common",) * 6  # six rising: too short on its own
    assert "common" not in split.types[6:]  # eight rising


def test_rebase_on_the_last_value_gives_a_one_value_segment() -> None:
    result = analyse([1, 2, 1, 2, 9], rebases=[4], target=5.0)
    assert result.segments[-1].points == 1 and result.segments[-1].upper is None
    assert result.variation == "common_cause"
    assert result.assurance == "none"


# ------------------------------------------------------------------ what a KPI says
def test_variation_of_a_lead_time_drifting_up_is_a_concern() -> None:
    values = [20, 21, 19, 20, 22, 20, 21, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28]
    result = analyse(values, direction="lower")
    assert result.variation == "special_cause_concern"
    assert analyse(values, direction="higher").variation == "special_cause_improvement"


@pytest.mark.parametrize(
    ("direction", "target", "expected"),
    [
        ("higher", 100.0, "consistent_fail"),
        ("higher", -100.0, "consistent_pass"),
        ("higher", 0.1, "inconsistent"),
        ("lower", 100.0, "consistent_pass"),
        ("lower", -100.0, "consistent_fail"),
        ("lower", 0.1, "inconsistent"),
        ("higher", None, "none"),
    ],
)
def test_assurance(direction: str, target: float | None, expected: str) -> None:
    assert analyse(RNORM_SEED_123, direction=direction, target=target).assurance == expected


def test_a_target_on_a_limit_is_inconsistent() -> None:
    seg = segment_limits([0, 2, 0, 2])
    assert seg.upper is not None
    result = analyse([0, 2, 0, 2], direction="higher", target=seg.upper)
    assert result.assurance == "inconsistent"


def test_analyse_kpi_reads_the_series() -> None:
    series = tuple(
        Measurement(f"2024-{i + 1:02d}", v, rebase=i == 6)
        for i, v in enumerate([5, 6, 5, 6, 5, 6, 9, 10, 9, 10])
    )
    kpi = Kpi("k", "p", "K", direction="higher", target=13.0, series=series)
    result = analyse_kpi(kpi)
    assert [s.start for s in result.segments] == [0, 6]
    assert result.assurance == "consistent_fail"
    assert analyse_kpi(kpi) is result  # cached per record


# ------------------------------------------------------------------ property test
def naive(values: list[float], rebases: list[int], direction: str) -> list[str]:
    """A slow, literal reading of FLOW-AND-EFFECT.md."""
    n = len(values)
    starts = sorted({0, *(r for r in rebases if 0 < r < n)})
    out: list[str] = []
    for s, e in zip(starts, [*starts[1:], n], strict=True):
        xs = values[s:e]
        m = len(xs)
        if m < 2:
            out += ["common"] * m
            continue
        mean = sum(xs) / m
        mrs = [abs(xs[i] - xs[i - 1]) for i in range(1, m)]
        avg = sum(mrs) / len(mrs)
        kept = [r for r in mrs if not r >= 3.267 * avg]
        mr = sum(kept) / len(kept) if kept else 0.0
        up, lo = mean + 2.66 * mr, mean - 2.66 * mr
        nup, nlo = mean + (2 / 3 * 2.66) * mr, mean - (2 / 3 * 2.66) * mr

        def side(i: int, xs: list[float] = xs, mean: float = mean) -> int:
            return (xs[i] > mean) - (xs[i] < mean)

        outside = [x > up or x < lo for x in xs]
        near = [not outside[i] and (xs[i] > nup or xs[i] < nlo) for i in range(m)]
        special = []
        for i in range(m):
            hit = outside[i]
            for a in range(max(0, i - 6), i + 1):  # windows of 7 holding i
                w = range(a, a + 7)
                if a + 7 > m:
                    continue
                if side(a) != 0 and all(side(j) == side(a) for j in w):
                    hit = True
                if all(xs[j] > xs[j - 1] for j in w[1:]) or all(xs[j] < xs[j - 1] for j in w[1:]):
                    hit = True
            if near[i]:
                for a in range(max(0, i - 2), i + 1):
                    if a + 3 > m:
                        continue
                    w = range(a, a + 3)
                    same = side(a) != 0 and all(side(j) == side(a) for j in w)
                    if same and sum(near[j] for j in w) >= 2:
                        hit = True
            special.append(hit)
        better = 1 if direction == "higher" else -1
        out += [
            ("improvement" if side(i) == better else "concern") if special[i] else "common"
            for i in range(m)
        ]
    return out


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.integers(-6, 6).map(float), max_size=40)
    | st.lists(st.floats(-1e3, 1e3, allow_nan=False), max_size=40),
    st.lists(st.integers(0, 40), max_size=3),
    st.sampled_from(["higher", "lower"]),
)
def test_matches_a_naive_reimplementation(
    values: list[float], rebases: list[int], direction: str
) -> None:
    assert list(analyse(values, rebases, direction).types) == naive(values, rebases, direction)
