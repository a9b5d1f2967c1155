"""Architectures built in code for the BPMN tests and the benchmark: a realistic
landscape with every kind of data, a deep hierarchy and a large generated model."""

from __future__ import annotations

from procmodeler.edit import Editor
from procmodeler.edit import operations as ops
from procmodeler.model import Architecture, Bounds, Kpi, Person, Process, Relation, Unit


def sample_architecture() -> Architecture:
    """A small landscape: three kinds, two levels below one core process, flows with a
    split, support and steering relations, a cross-level relation, owners, leaders,
    RACI, KPIs, objects, rules, suppressions and bend points."""
    ed = Editor()
    ops.set_metadata(
        ed,
        name="Acme process map",
        organisation="Acme AB",
        language="en",
        version_label="2.1",
        author="Åsa Öberg",
    )
    board = ops.add_unit(ed, "Board", uid="u_board")
    sales = ops.add_unit(ed, "Sales & Marketing", parent=board, uid="u_sales")
    ops_unit = ops.add_unit(ed, "Operations", parent=board, uid="u_ops")
    it = ops.add_unit(ed, "IT <support>", parent=board, uid="u_it")
    ceo = ops.add_person(ed, "Karin Lund", unit=board, title="CEO", person_id="p_karin")
    eva = ops.add_person(ed, "Eva Ström", unit=sales, title="Head of sales", person_id="p_eva")
    olle = ops.add_person(ed, "Olle Berg", unit=ops_unit, person_id="p_olle")
    nobody = ops.add_person(ed, "Freelancer", person_id="p_free")
    ops.set_unit_head(ed, board, ceo)

    steer = ops.create_process(
        ed, "Steer the business", "management", bounds=Bounds(220, 40, 180, 70), pid="m_steer"
    )
    develop = ops.create_process(
        ed, "Develop processes", "management", bounds=Bounds(440, 40, 180, 70), pid="m_dev"
    )
    sell = ops.create_process(
        ed,
        "Sell",
        "core",
        bounds=Bounds(40, 180, 160, 80),
        pid="c_sell",
        customer="Retail customer",
        need="Wants a bike",
        result="Signed order",
        purpose="Turn interest into orders.\nSecond line & <markup>.",
        objects_in=["Lead"],
        objects_out=["Order", "Forecast"],
    )
    deliver = ops.create_process(
        ed,
        "Deliver",
        "core",
        bounds=Bounds(280, 180, 160, 80),
        pid="c_deliver",
        customer="Retail customer",
        need="Bike at home",
        result="Bike delivered",
    )
    invoice = ops.create_process(
        ed, "Invoice", "core", bounds=Bounds(520, 180, 160, 80), pid="c_invoice"
    )
    plan = ops.create_process(
        ed, "Plan production", "core", bounds=Bounds(280, 300, 160, 60), pid="c_plan"
    )
    it_support = ops.create_process(
        ed, "Provide IT", "support", bounds=Bounds(40, 420, 160, 70), pid="s_it"
    )
    hr = ops.create_process(ed, "Recruit staff", "support", pid="s_hr", place=False)
    # second level under Deliver, third level under Pick
    pick = ops.create_process(
        ed, "Pick", "core", parent=deliver, bounds=Bounds(40, 40, 120, 60), pid="d_pick"
    )
    pack = ops.create_process(
        ed, "Pack", "core", parent=deliver, bounds=Bounds(240, 40, 120, 60), pid="d_pack"
    )
    ship = ops.create_process(
        ed, "Ship", "core", parent=deliver, bounds=Bounds(440, 40, 120, 60), pid="d_ship"
    )
    scan = ops.create_process(
        ed, "Scan shelf", "core", parent=pick, bounds=Bounds(60, 60, 100, 50), pid="d_scan"
    )
    ops.create_process(ed, "Fetch item", "core", parent=pick, pid="d_fetch", place=False)

    ops.set_owner(ed, sell, eva)
    ops.set_leader(ed, sell, olle)
    ops.set_owner(ed, steer, ceo)
    ops.set_owner(ed, deliver, olle)
    ops.set_owner(ed, it_support, nobody)
    ops.set_participation(ed, sell, sales, "RA")
    ops.set_participation(ed, sell, ops_unit, "C")
    ops.set_participation(ed, deliver, ops_unit, "RA")
    ops.set_participation(ed, deliver, sales, "I")
    ops.set_participation(ed, it_support, it, "")
    ops.set_participation(ed, pick, ops_unit, "R")

    ops.connect(
        ed,
        sell,
        deliver,
        "flow",
        object="Order",
        rid="r_order",
        waypoints={None: [(200, 220), (280, 220)]},
    )
    ops.connect(
        ed,
        sell,
        plan,
        "flow",
        object="Forecast",
        rid="r_forecast",
        waypoints={None: [(200, 240), (240, 240), (240, 330), (280, 330)]},
    )
    ops.connect(ed, deliver, invoice, "flow", rid="r_delivered")
    ops.connect(ed, deliver, invoice, "flow", object="Delivery note", rid="r_note")
    ops.connect(ed, plan, deliver, "flow", rid="r_plan")
    ops.connect(
        ed, steer, sell, "steering", rid="r_steer", waypoints={None: [(310, 110), (120, 180)]}
    )
    ops.connect(ed, develop, deliver, "steering", rid="r_dev")
    ops.connect(ed, it_support, sell, "support", rid="r_it")
    ops.connect(ed, hr, deliver, "support", rid="r_hr")
    ops.connect(ed, pick, pack, "flow", object="Items", rid="r_pick")
    ops.connect(ed, pack, ship, "flow", rid="r_pack")
    ops.connect(ed, scan, invoice, "flow", object="Picked list", rid="r_cross")

    ops.add_kpi(
        ed,
        sell,
        "Order lead time",
        "lead_time",
        measure="days",
        target=3,
        actual=4.5,
        kid="k_sell_lt",
    )
    ops.add_kpi(
        ed,
        deliver,
        "Customer satisfaction",
        "customer_experience",
        measure="index",
        target=80,
        kid="k_nps",
    )
    ops.add_kpi(ed, sell, "Hit rate", "other", measure="%", kid="k_hit")
    ops.set_rule(ed, "kpi.no-target", "off")
    ops.set_rule(ed, "orphan.isolated", "warning")
    ops.suppress_finding(ed, "responsibility.no-owner", ["s_hr"], "Outsourced; owner at partner.")
    ops.set_diagram_options(ed, None, True, [sales, ops_unit])
    ops.set_process_fields(ed, plan, status="approved", original_id="1.2.3")
    return ed.arch


def deep_architecture(levels: int = 20) -> Architecture:
    """A chain of processes *levels* deep, each level with two children related by a flow."""
    ed = Editor()
    ops.set_metadata(ed, name="Deep", language="sv")
    parent: str | None = None
    for depth in range(levels):
        a = ops.create_process(
            ed,
            f"Level {depth} A",
            "core",
            parent=parent,
            bounds=Bounds(40, 40, 160, 70),
            pid=f"L{depth}_a",
        )
        b = ops.create_process(
            ed,
            f"Level {depth} B",
            "support",
            parent=parent,
            bounds=Bounds(300, 40, 160, 70),
            pid=f"L{depth}_b",
        )
        ops.connect(ed, a, b, "flow", rid=f"L{depth}_r")
        parent = a
    return ed.arch


def generated_architecture(n: int = 10_000) -> Architecture:
    """A large model built directly (fast): about *n* processes in a 3-level tree with
    units, people, participation, KPIs and about one flow relation per process."""
    arch = Architecture()
    n_units = max(1, n // 100)
    for u in range(n_units):
        arch.put("units", f"unit_{u}", Unit(f"unit_{u}", f"Unit {u}", None if u == 0 else "unit_0"))
        arch.put("people", f"person_{u}", Person(f"person_{u}", f"Person {u}", f"unit_{u}"))
    kinds = ("management", "core", "support")
    top = max(1, round(n ** (1 / 3)))
    made = 0
    frontier: list[str | None] = [None]
    while made < n:
        next_frontier: list[str | None] = []
        for parent in frontier:
            siblings: list[str] = []
            for i in range(top):
                if made >= n:
                    break
                pid = f"proc_{made}"
                made += 1
                arch.put(
                    "processes",
                    pid,
                    Process(
                        pid,
                        f"Process {made}",
                        kinds[made % 3],
                        parent,
                        owner=f"person_{made % n_units}",
                        need="A need",
                    ),
                )
                arch.put(
                    "shapes",
                    (parent, pid),
                    Bounds(40 + (i % 8) * 200.0, 40 + (i // 8) * 120.0, 160, 70),
                )
                arch.put("participation", (pid, f"unit_{made % n_units}"), "RA")
                if made % 5 == 0:
                    arch.put(
                        "kpis",
                        f"kpi_{made}",
                        Kpi(f"kpi_{made}", pid, "Lead time", "lead_time", "days", "lower", 5),
                    )
                if siblings:
                    rid = f"rel_{made}"
                    arch.put("relations", rid, Relation(rid, siblings[-1], pid, "flow"))
                siblings.append(pid)
                next_frontier.append(pid)
        frontier = next_frontier
    return arch
