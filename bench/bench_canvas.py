"""Canvas benchmark: build the scene of a generated 1,000-process landscape and of a
2,000-shape sub-process diagram offscreen in a 1600x1000 view, then time rendering the
viewport to an image after a pan (about 200 shapes in view) and the scene update after
one edit. Writes the figures into the "Canvas" section of docs/performance.md (``--no-write``:
print only).

    QT_QPA_PLATFORM=offscreen python bench/bench_canvas.py
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from perfdoc import write_section  # noqa: E402 - bench/ is on sys.path when run as a script
from PySide6 import __version__ as pyside_version  # noqa: E402
from PySide6.QtCore import QRectF, Qt  # noqa: E402
from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from procmodeler.edit import operations as ops  # noqa: E402
from procmodeler.edit.editor import Editor  # noqa: E402
from procmodeler.model import Architecture, Bounds, Kpi, Person, Process, Relation  # noqa: E402

VIEW_W, VIEW_H = 1600, 1000
KINDS = ("management", "core", "support")
WORDS = (
    "Plan",
    "Deliver",
    "Handle",
    "Manage",
    "Develop",
    "Customer",
    "order",
    "service",
    "quality",
    "and",
    "improvement",
    "supplier",
    "invoices",
    "planning",
    "capacity",
)


def _name(i: int) -> str:
    n = 2 + i % 4
    return " ".join(WORDS[(i * 7 + k * 3) % len(WORDS)] for k in range(n)).capitalize() + f" {i}"


def generate(n: int, level_parent: bool) -> tuple[Architecture, str | None]:
    """*n* shapes on one level in a grid (bands by kind on the landscape), one flow to
    the right neighbour per shape, owners and KPIs on every third process."""
    arch = Architecture()
    people = [f"person_{i}" for i in range(50)]
    for i, pid in enumerate(people):
        arch.put("people", pid, Person(pid, f"Person {i} Lastname"))
    level = None
    if level_parent:
        level = "parent"
        arch.put("processes", level, Process(level, "Parent", "core"))
        arch.put("shapes", (None, level), Bounds(0, 0, 160, 70))
    cols = 50 if n > 1000 else 40
    ids = []
    for i in range(n):
        row, col = divmod(i, cols)
        kind = KINDS[min(2, row * 3 // max(1, (n // cols)))] if level is None else "core"
        pid = f"p{i}"
        owner = people[i % len(people)] if i % 3 == 0 else None
        arch.put("processes", pid, Process(pid, _name(i), kind, level, owner=owner))
        arch.put("shapes", (level, pid), Bounds(col * 200.0, row * 110.0, 160.0, 70.0))
        if i % 3 == 1:
            kid = f"k{i}"
            arch.put(
                "kpis",
                kid,
                Kpi(kid, pid, "Lead time", "lead_time", "days", "lower", 10.0, 9.0 + i % 4),
            )
        ids.append(pid)
    for i, pid in enumerate(ids):
        if (i + 1) % cols:
            rid = f"r{i}"
            kind = ("flow", "flow", "support", "steering")[i % 4]
            arch.put(
                "relations",
                rid,
                Relation(rid, pid, ids[i + 1], kind, "Order" if kind == "flow" else ""),
            )
    return arch, level


def _ms(seconds: float) -> float:
    return seconds * 1000.0


def bench(label: str, n: int, sub_level: bool) -> dict[str, float | str | int]:
    from procmodeler.ui.canvas.scene import DiagramScene
    from procmodeler.ui.canvas.view import DiagramView
    from procmodeler.ui.context import EditorContext

    arch, level = generate(n, sub_level)
    builds = []
    scene = view = None
    for _ in range(5):
        context = EditorContext(Editor(arch))
        context.open_level(level)
        t0 = time.perf_counter()
        scene = DiagramScene(context)
        builds.append(time.perf_counter() - t0)
    assert scene is not None
    view = DiagramView(scene)
    view.resize(VIEW_W, VIEW_H)
    view.show()
    QApplication.processEvents()
    # a zoom that shows about 200 shapes: 200 * (200 x 110) units of grid cells
    zoom = (VIEW_W * VIEW_H / (200 * 200.0 * 110.0)) ** 0.5
    view.set_zoom(zoom)
    image = QImage(VIEW_W, VIEW_H, QImage.Format.Format_ARGB32_Premultiplied)
    renders = []
    in_view = []
    content = scene.content_rect()
    for i in range(30):
        # pan to another place of the diagram, then render the viewport
        fx = 0.2 + 0.6 * ((i * 37) % 100) / 100.0
        fy = 0.25 + 0.5 * ((i * 53) % 100) / 100.0
        view.centerOn(content.left() + content.width() * fx, content.top() + content.height() * fy)
        visible = view.mapToScene(view.viewport().rect()).boundingRect()
        in_view.append(
            sum(
                1
                for pid, item in scene.shapes.items()
                if visible.intersects(item.sceneBoundingRect())
            )
        )
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        t0 = time.perf_counter()
        view.render(painter, QRectF(0, 0, VIEW_W, VIEW_H), view.viewport().rect())
        painter.end()
        renders.append(time.perf_counter() - t0)
    # one edit and the incremental scene update (the scene listens to committed)
    ed = scene.context.editor
    updates = []
    for i in range(20):
        pid = f"p{(i * 97) % n}"
        t0 = time.perf_counter()
        ops.move_shapes(ed, level, [pid], 10.0, 0.0)
        updates.append(time.perf_counter() - t0)
    undo = []
    for _ in range(20):
        t0 = time.perf_counter()
        ed.undo()
        undo.append(time.perf_counter() - t0)
    view.close()
    return {
        "label": label,
        "shapes": len(scene.shapes),
        "relations": len(scene.relations),
        "build": _ms(statistics.median(builds)),
        "build_worst": _ms(max(builds)),
        "zoom": round(zoom * 100),
        "in_view": round(statistics.median(in_view)),
        "render": _ms(statistics.median(renders)),
        "render_worst": _ms(max(renders)),
        "edit": _ms(statistics.median(updates)),
        "undo": _ms(statistics.median(undo)),
    }


HEADING = "## Canvas"


def render(rows: list[dict[str, float | str | int]], machine: str) -> str:
    """The "Canvas" section of docs/performance.md with these figures."""
    table = [
        "| diagram | shapes | relations | scene build | shapes in view | viewport render after a pan | move one shape | undo |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        table.append(
            f"| {r['label']} | {r['shapes']:,} | {r['relations']:,} | {r['build']:.0f} ms "
            f"(worst {r['build_worst']:.0f}) | {r['in_view']} | {r['render']:.1f} ms "
            f"(worst {r['render_worst']:.1f}) | {r['edit']:.1f} ms | {r['undo']:.1f} ms |"
        )
    zoom = rows[0]["zoom"]
    return f"""{HEADING}

`QT_QPA_PLATFORM=offscreen python bench/bench_canvas.py` generates a landscape of 1,000
processes (three bands by kind, a grid of 160×70 shapes, a relation to the right
neighbour of each, every third process with an owner, every third with a KPI light) and
a sub-process diagram of 2,000 shapes built the same way, and for each: builds the
scene (`DiagramScene`, median of 5), shows it in a 1600×1000 `DiagramView` at the zoom
where about 200 shapes are in view ({zoom} %), then 30 times pans to another place and
renders the viewport into a 1600×1000 image (`QGraphicsView.render`: background grid,
bands, shapes with wrapped names, owners, lights, relation lines, heads and labels,
antialiased), and finally moves one shape 20 times through `move_shapes` (the edit,
the change notice and the incremental scene update) and undoes it 20 times (medians).
Machine: {machine}, raster rendering offscreen; the cores are shared with other work,
so single runs vary.

{chr(10).join(table)}

Goals: scene built in under 1 s, a viewport render under 16 ms with 200 shapes in
view (single renders above it happen when the shared machine is busy). How:

- One `QGraphicsItem` per shape and per relation. Each keeps its painter path, its label
  layout (`QStaticText`, prepared once) and its hit shape, rebuilt only when its view
  record (`notation.views.shape_view` / `relation_view`) changes.
- After an edit, undo or redo the scene reads `Committed.changes` and updates only the
  shapes and relations those records touch (and the shapes at the other end of touched
  relations, for their off-level markers); bands, need arrows and lanes are rebuilt
  only when shapes of the level, process kinds or lane settings changed.
- During a drag the items move themselves and only the relations of the moving shapes
  are recomputed (`relation_view_between`), found through the model's relation index;
  the model changes once, on release.
- The background grid is drawn tile by tile from one cached `QPolygonF` of dots (a few
  `drawPoints` calls instead of a Python loop per dot; this halved the render time).
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-write", action="store_true", help="print only")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    from procmodeler.ui.app import style_application

    style_application(app)  # type: ignore[arg-type]
    rows = [
        bench("landscape, 1,000 processes in three bands", 1000, False),
        bench("sub-process diagram, 2,000 shapes", 2000, True),
    ]
    machine = (
        f"{platform.machine()}, {os.cpu_count()} CPU cores, Python {platform.python_version()}, "
        f"PySide6 {pyside_version}"
    )
    section = render(rows, machine)
    print(section)
    if not args.no_write:
        write_section(HEADING, section)
        print("wrote the Canvas section of docs/performance.md")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
