"""A realistic manufacturing architecture built with the editing operations, for the
report tests (three kinds, a hierarchy three levels deep, units with RACI, owners and
leaders, KPIs with lights, relations across levels, a suppressed finding and a name
full of markup characters)."""

from __future__ import annotations

from procmodeler.edit import operations as ops
from procmodeler.edit.editor import Editor
from procmodeler.model.architecture import Architecture
from procmodeler.model.elements import Bounds

MARKUP_NAME = 'R&D <Core> "Support" – Łódź'


def build_sample(language: str = "en") -> Architecture:
    ed = Editor()
    ops.set_metadata(
        ed,
        name="Process architecture 2025",
        organisation="Nordic Components AB",
        language=language,
        version_label="v1.2 (draft for steering group)",
        author="Anna Berg",
    )
    # units and people
    ceo = ops.add_unit(ed, "Executive management", uid="u_exec")
    sales = ops.add_unit(ed, "Sales & Marketing", parent=ceo, uid="u_sales")
    prod = ops.add_unit(ed, "Production", parent=ceo, uid="u_prod")
    log = ops.add_unit(ed, "Logistics", parent=prod, uid="u_log")
    dev = ops.add_unit(ed, "Product development", parent=ceo, uid="u_dev")
    hr = ops.add_unit(ed, "HR", parent=ceo, uid="u_hr")
    fin = ops.add_unit(ed, "Finance", parent=ceo, uid="u_fin")
    it = ops.add_unit(ed, "IT", parent=fin, uid="u_it")
    anna = ops.add_person(ed, "Anna Berg", ceo, "CEO", person_id="p_anna")
    erik = ops.add_person(ed, "Erik Lund", sales, "Sales director", person_id="p_erik")
    sara = ops.add_person(ed, "Sara Nilsson", prod, "Head of production", person_id="p_sara")
    omar = ops.add_person(ed, "Omar Haddad", log, "Logistics manager", person_id="p_omar")
    lena = ops.add_person(ed, "Lena Ström", dev, "R&D manager", person_id="p_lena")
    jonas = ops.add_person(ed, "Jonas Ek", hr, "HR manager", person_id="p_jonas")
    maja = ops.add_person(ed, "Maja Kowalczyk", fin, "CFO", person_id="p_maja")
    ops.add_person(ed, "Piotr Wiśniewski", None, "Consultant", person_id="p_piotr")
    for uid, head in ((ceo, anna), (sales, erik), (prod, sara), (log, omar), (dev, lena)):
        ops.set_unit_head(ed, uid, head)

    def proc(pid, name, kind, x, y, parent=None, w=170.0, h=76.0, **fields):
        return ops.create_process(
            ed, name, kind, parent=parent, bounds=Bounds(x, y, w, h), pid=pid, **fields
        )

    # landscape: management on top, core in the middle, support at the bottom
    strat = proc(
        "strategy",
        "Develop strategy and business",
        "management",
        60,
        40,
        owner=anna,
        purpose="Set direction, goals and priorities for the company.",
    )
    steer = proc("steer", "Steer and follow up operations", "management", 260, 40, owner=maja)
    proc("quality", "Manage quality and improvement", "management", 460, 40)
    market = proc(
        "market",
        "Understand the market and win orders",
        "core",
        60,
        170,
        owner=erik,
        leader=erik,
        customer="Industrial OEM customers",
        need="A supplier that understands their product needs",
        result="Signed order with agreed delivery date",
        objects_in=("Customer enquiry",),
        objects_out=("Confirmed order",),
        purpose="Turn customer needs into profitable orders.",
    )
    deliver = proc(
        "deliver",
        "Order to delivery",
        "core",
        240,
        170,
        owner=sara,
        leader=omar,
        customer="Industrial OEM customers",
        need="Components delivered on time and with the right quality",
        result="Delivered and invoiced order",
        objects_in=("Confirmed order", "Raw material"),
        objects_out=("Delivered components", "Invoice"),
        purpose="Deliver what was promised, when it was promised.",
    )
    aftermarket = proc(
        "aftermarket",
        "Aftermarket and service",
        "core",
        420,
        170,
        customer="Installed base customers",
        need="Working equipment",
    )
    rnd = proc(
        "rnd",
        MARKUP_NAME,
        "core",
        600,
        170,
        owner=lena,
        need="New products that keep us competitive",
        purpose="Develop the products of tomorrow.",
    )
    people = proc("people", "Provide competent staff", "support", 60, 300, owner=jonas)
    itsup = proc("itsup", "Provide IT and information", "support", 260, 300)
    finance = proc("finance", "Financial administration", "support", 460, 300, owner=maja)

    # sub-processes of "Order to delivery" (with swimlanes) and deeper
    plan = proc("plan", "Plan production", "core", 60, 40, parent=deliver, owner=sara)
    make = proc("make", "Manufacture components", "core", 280, 40, parent=deliver, owner=sara)
    ship = proc("ship", "Pack and ship", "core", 500, 40, parent=deliver, owner=omar)
    invoice = proc("invoice", "Invoice the customer", "support", 500, 170, parent=deliver)
    proc("machining", "Machining", "core", 40, 40, parent=make)
    proc("assembly", "Assembly and test", "core", 240, 40, parent=make)
    proc("qa", "Final inspection", "core", 440, 40, parent=make)
    # sub-processes of the market process
    lead = proc("lead", "Generate leads", "core", 40, 40, parent=market)
    quote = proc("quote", "Quote and negotiate", "core", 260, 40, parent=market, owner=erik)
    ops.connect(ed, lead, quote, "flow", "Qualified lead")
    ops.connect(ed, plan, make, "flow", "Production order")
    ops.connect(ed, make, ship, "flow", "Finished goods")
    ops.connect(ed, ship, invoice, "flow", "Delivery note", waypoints={deliver: [(585, 140)]})
    ops.set_diagram_options(ed, deliver, True, (prod, log, fin))

    # relations on the landscape and across levels
    ops.connect(ed, market, deliver, "flow", "Confirmed order")
    ops.connect(ed, deliver, aftermarket, "flow", "Installed base")
    ops.connect(ed, rnd, market, "flow", "New product", waypoints={None: [(685, 150), (145, 150)]})
    ops.connect(ed, strat, steer, "steering")
    ops.connect(ed, steer, deliver, "steering")
    ops.connect(ed, people, deliver, "support")
    ops.connect(ed, itsup, market, "support")
    ops.connect(ed, finance, invoice, "support", "Invoicing rules")
    ops.connect(ed, quote, plan, "flow", "Order")
    ops.connect(
        ed, deliver, market, "flow", "Delivery status", waypoints={None: [(325, 275), (145, 275)]}
    )

    # participation (RACI)
    for pid, rows in {
        strat: {ceo: "A", sales: "C", prod: "C", dev: "C"},
        market: {sales: "RA", prod: "C", dev: "C"},
        deliver: {prod: "RA", log: "R", fin: "I", sales: "I"},
        aftermarket: {sales: "R", prod: "R"},
        rnd: {dev: "RA", prod: "C", sales: "A"},
        people: {hr: "RA"},
        itsup: {it: "RA", fin: "C"},
        finance: {fin: "RA"},
        steer: {fin: "R", ceo: "A"},
        plan: {prod: "RA", log: "C"},
        make: {prod: "RA"},
        ship: {log: "RA", prod: "I"},
        invoice: {fin: "RA"},
        quote: {sales: "RA", fin: "C"},
    }.items():
        for uid, letters in rows.items():
            ops.set_participation(ed, pid, uid, letters)

    # KPIs: green, yellow, red and without target
    ops.add_kpi(ed, deliver, "Order lead time", "lead_time", measure="days", target=10, actual=12.5)
    ops.add_kpi(ed, deliver, "On-time delivery", "stability", measure="%", target=95, actual=91)
    ops.add_kpi(
        ed,
        market,
        "Customer satisfaction",
        "customer_experience",
        measure="index",
        target=75,
        actual=78,
    )
    ops.add_kpi(ed, market, "Quote lead time", "lead_time", measure="days", target=5, actual=5.4)
    ops.add_kpi(ed, make, "Scrap rate", "variation", measure="%", actual=2.1)
    ops.add_kpi(ed, rnd, "Time to market", "lead_time", measure="months", target=18, actual=22)

    ops.suppress_finding(
        ed, "responsibility.no-owner", ["quality"], "Owner to be appointed by the board in Q3."
    )
    return ed.arch
