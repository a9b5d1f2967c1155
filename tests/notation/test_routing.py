"""Orthogonal connector routing, on cases modelled on libavoid's own tests (a line
past shapes standing in its way, lines sharing a channel nudged apart, parallel lines
between the same shapes, ends on a chevron's outline) and on what the editor needs
(kept lines stay, the same input gives the same routes)."""

from __future__ import annotations

import itertools

from procmodeler.model import Bounds
from procmodeler.notation.diagramcheck import is_orthogonal, path_crosses_box
from procmodeler.notation.nudging import SPACING
from procmodeler.notation.router import route_links
from procmodeler.notation.routing import Link, Shape, port_point, side_of


def clear(routes, shapes, links) -> None:  # type: ignore[no-untyped-def]
    ends = {lk.id: (lk.source, lk.target) for lk in links}
    for rid, route in routes.items():
        assert is_orthogonal(route), rid
        for sid, shape in shapes.items():
            if sid not in ends[rid]:
                assert not path_crosses_box(route, shape.bounds), (rid, sid)
        assert side_of(shapes[ends[rid][0]], route[0]) is not None, rid
        assert side_of(shapes[ends[rid][1]], route[-1]) is not None, rid


def test_a_line_goes_around_shapes_standing_in_line_between_its_ends() -> None:
    # libavoid "inline": the ends and three obstacles on one horizontal line
    shapes = {f"o{i}": Shape(Bounds(200 + 150 * i, 100, 80, 60)) for i in range(3)}
    shapes["a"] = Shape(Bounds(0, 100, 80, 60))
    shapes["b"] = Shape(Bounds(700, 100, 80, 60))
    links = [Link("r", "a", "b")]
    routes = route_links(shapes, links)
    clear(routes, shapes, links)
    assert len(routes["r"]) >= 4  # it bends round the row


def test_a_line_is_found_through_a_maze_by_the_grid_search() -> None:
    # a wall with one gap: no route with two bends exists
    shapes = {
        "a": Shape(Bounds(0, 0, 80, 60)),
        "b": Shape(Bounds(600, 0, 80, 60)),
        "top": Shape(Bounds(300, -400, 40, 380)),
        "bottom": Shape(Bounds(300, 40, 40, 400)),
        "lid": Shape(Bounds(-100, -460, 900, 40)),
        "floor": Shape(Bounds(-100, 460, 900, 40)),
    }
    links = [Link("r", "a", "b")]
    routes = route_links(shapes, links)
    clear(routes, shapes, links)


def test_lines_sharing_a_channel_are_nudged_apart() -> None:
    # libavoid "nudgeCrossing": several lines down one gap between two columns
    shapes = {f"s{i}": Shape(Bounds(0, 120 * i, 100, 60)) for i in range(4)}
    shapes.update({f"t{i}": Shape(Bounds(400, 120 * i, 100, 60)) for i in range(4)})
    links = [Link(f"r{i}", f"s{i}", f"t{3 - i}") for i in range(4)]
    routes = route_links(shapes, links)
    clear(routes, shapes, links)
    verticals = [
        (p[0], min(p[1], q[1]), max(p[1], q[1]), rid)
        for rid, r in routes.items()
        for p, q in itertools.pairwise(r)
        if abs(p[0] - q[0]) < 0.01 and abs(p[1] - q[1]) > 0.01
    ]
    for (x1, lo1, hi1, r1), (x2, lo2, hi2, r2) in itertools.combinations(verticals, 2):
        if r1 != r2 and lo1 < hi2 and lo2 < hi1:  # overlapping spans in one channel
            assert abs(x1 - x2) >= SPACING - 0.01, (r1, r2)


def test_parallel_lines_between_the_same_shapes_are_spaced() -> None:
    shapes = {"a": Shape(Bounds(0, 0, 120, 80)), "b": Shape(Bounds(400, 0, 120, 80))}
    links = [Link(f"r{i}", "a", "b") for i in range(3)]
    routes = route_links(shapes, links)
    clear(routes, shapes, links)
    starts = sorted(r[0][1] for r in routes.values())
    assert all(b - a >= SPACING for a, b in itertools.pairwise(starts))
    assert all(len(r) == 2 for r in routes.values())  # straight and parallel


def test_ends_lie_on_a_chevrons_real_outline() -> None:
    chevron = Shape(Bounds(300, 0, 180, 80), chevron=True)
    shapes = {"a": Shape(Bounds(0, 100, 120, 80)), "c": chevron}
    links = [Link("in", "a", "c")]
    route = route_links(shapes, links)["in"]
    end = route[-1]
    side = side_of(chevron, end)
    assert side is not None
    assert end == port_point(chevron, side, end[1] if side in ("left", "right") else end[0])
    if side == "left":
        assert end[0] > chevron.bounds.x  # in the notch, not on the bounding box


def test_kept_lines_stay_and_routing_is_deterministic() -> None:
    shapes = {f"p{i}": Shape(Bounds(200 * (i % 3), 150 * (i // 3), 120, 60)) for i in range(9)}
    links = [Link(f"r{i}", f"p{i}", f"p{(i * 4 + 1) % 9}") for i in range(9)]
    first = route_links(shapes, links)
    assert first == route_links(shapes, links)
    kept = [(lk, first[lk.id]) for lk in links[1:]]
    again = route_links(shapes, links[:1], kept)
    assert set(again) == {"r0"}
    clear(first, shapes, links)


def test_a_name_without_room_is_still_placed_and_marked() -> None:
    from procmodeler.notation.labelplace import place_labels

    # two shapes 20 apart: no room between them for a long name, and nothing else free
    boxes = {"a": Bounds(0, 0, 100, 60), "b": Bounds(120, 0, 100, 60)}
    walls = {f"w{i}": Bounds(-400, -400 + 70 * i, 1000, 60) for i in range(12) if i != 5}
    placed = place_labels(
        {**boxes, **walls},
        {"r": ((100, 30), (120, 30))},
        {"r": "Granskningsutlåtande med samrådsredogörelse"},
    )
    label = placed["r"]
    assert not label.fits and label.lines  # drawn, never dropped
    assert "Granskningsutlåtande" in label.lines  # wrapped by words, no word cut


def test_names_are_wrapped_by_words_and_kept_clear() -> None:
    from procmodeler.notation.diagramcheck import boxes_overlap
    from procmodeler.notation.labelplace import place_labels

    shapes = {
        "a": Bounds(0, 0, 120, 60),
        "b": Bounds(300, 0, 120, 60),
        "c": Bounds(300, 200, 120, 60),
    }
    routes = {"r": ((120, 30), (300, 30)), "s": ((120, 40), (200, 40), (200, 230), (300, 230))}
    texts = {"r": "Beslut om bygglov, startbesked och kontrollplan", "s": "Tillsynsrapport"}
    placed = place_labels(shapes, routes, texts)
    assert all(p.fits for p in placed.values())
    assert not boxes_overlap(placed["r"].bounds, placed["s"].bounds)
    for p in placed.values():
        assert not any(boxes_overlap(p.bounds, b) for b in shapes.values())
    assert len(placed["r"].lines) >= 2 and all(
        w in ["Beslut", "om", "bygglov,", "startbesked", "och", "kontrollplan"]
        for line in placed["r"].lines
        for w in line.split()
    )


def test_lines_fanning_out_from_one_shape_do_not_cross() -> None:
    from procmodeler.notation.diagramcheck import Edge, crossings

    # a management process above steering five core processes (the landscape's case)
    shapes = {"m": Shape(Bounds(500, 0, 180, 80))}
    shapes.update({f"c{i}": Shape(Bounds(350 * i, 250, 180, 80), True) for i in range(5)})
    links = [Link(f"r{i}", "m", f"c{i}") for i in range(5)]
    routes = route_links(shapes, links)
    clear(routes, shapes, links)
    edges = [Edge(lk.id, lk.source, lk.target, routes[lk.id]) for lk in links]
    assert crossings(edges) == 0


def test_crossings_are_counted() -> None:
    from procmodeler.notation.diagramcheck import Edge, crossings

    plus = [Edge("h", "a", "b", ((0, 50), (100, 50))), Edge("v", "c", "d", ((50, 0), (50, 100)))]
    assert crossings(plus) == 1
    touching = [Edge("h", "a", "b", ((0, 50), (50, 50))), Edge("v", "c", "d", ((50, 0), (50, 100)))]
    assert crossings(touching) == 0
