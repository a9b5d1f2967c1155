<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE" sourcelanguage="en">
<context>
    <name>Panels</name>
    <message>
        <location filename="../../procmodeler/ui/panels/__init__.py" line="81"/>
        <source>Properties</source>
        <translation>Egenskaper</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/__init__.py" line="82"/>
        <source>Units and people</source>
        <translation>Enheter och personer</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/__init__.py" line="83"/>
        <source>Participation (RACI)</source>
        <translation>Medverkan (RACI)</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/__init__.py" line="84"/>
        <source>Problems</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>KPIs over time</source>
        <translation>Nyckeltal över tid</translation>
    </message>
    <message>
        <source>Scorecard</source>
        <translation>Styrkort</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/_common.py" line="124"/>
        <source>Process map</source>
        <translation>Processkarta</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/_common.py" line="89"/>
        <source>Not possible</source>
        <translation>Inte möjligt</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/kpis.py" line="94"/>
        <source>Direction</source>
        <translation>Riktning</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/kpis.py" line="97"/>
        <source>KPI</source>
        <translation>Nyckeltal</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/kpis.py" line="98"/>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/kpis.py" line="99"/>
        <source>Measure</source>
        <translation>Måttenhet</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/kpis.py" line="101"/>
        <source>Target</source>
        <translation>Målvärde</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/kpis.py" line="102"/>
        <source>Actual</source>
        <translation>Utfall</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/kpis.py" line="134"/>
        <source>No light: target or actual missing</source>
        <translation>Ingen signal: mål eller utfall saknas</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/kpis.py" line="156"/>
        <source>'{text}' is not a number.</source>
        <translation>'{text}' är inget tal.</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/matrix.py" line="1008"/>
        <source>Process</source>
        <translation>Process</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/matrix.py" line="692"/>
        <source>Expand all</source>
        <translation>Fäll ut alla</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/matrix.py" line="694"/>
        <source>Collapse all</source>
        <translation>Fäll ihop alla</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/matrix.py" line="697"/>
        <source>Export image…</source>
        <translation>Exportera bild…</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/matrix.py" line="902"/>
        <source>Export participation matrix</source>
        <translation>Exportera medverkansmatris</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/matrix.py" line="904"/>
        <source>PNG image (*.png);;SVG drawing (*.svg);;PDF document (*.pdf)</source>
        <translation>PNG-bild (*.png);;SVG-ritning (*.svg);;PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/matrix.py" line="922"/>
        <source>Owner’s unit</source>
        <translation>Ägarens enhet</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/matrix.py" line="867"/>
        <source>Clear letters (still takes part)</source>
        <translation>Rensa bokstäver (medverkar fortfarande)</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/matrix.py" line="870"/>
        <source>Remove unit from process</source>
        <translation>Ta bort enheten från processen</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/matrix.py" line="876"/>
        <source>Show process</source>
        <translation>Visa processen</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/matrix.py" line="457"/>
        <source>The owner's unit</source>
        <translation>Processägarens enhet</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/matrix.py" line="899"/>
        <source>participation</source>
        <translation>medverkan</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/matrix.py" line="911"/>
        <source>Export failed</source>
        <translation>Exporten misslyckades</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/matrix.py" line="455"/>
        <source>Takes part (no role yet)</source>
        <translation>Medverkar (ingen roll ännu)</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/matrix.py" line="431"/>
        <source>Owner: {name}</source>
        <translation>Ägare: {name}</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/matrix.py" line="440"/>
        <source>{name} itself (its sub-units have columns of their own)</source>
        <translation>{name} själv (underenheterna har egna kolumner)</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="251"/>
        <source>Show suppressed</source>
        <translation>Visa undantagna</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="289"/>
        <source>Suppress…</source>
        <translation>Undanta…</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="293"/>
        <source>Restore</source>
        <translation>Återställ</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="306"/>
        <source>Findings</source>
        <translation>Anmärkningar</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="310"/>
        <source>Rules</source>
        <translation>Regler</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="344"/>
        <source>All rules</source>
        <translation>Alla regler</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="468"/>
        <source>Suppress finding</source>
        <translation>Undanta anmärkning</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="469"/>
        <source>Why is this finding acceptable? The justification is kept in the model and shown in the report.</source>
        <translation>Varför kan anmärkningen godtas? Motiveringen sparas i modellen och visas i rapporten.</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="502"/>
        <source>Show</source>
        <translation>Visa</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="508"/>
        <source>Severity of this rule</source>
        <translation>Allvarlighetsgrad för regeln</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="513"/>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="514"/>
        <source>Switch this rule off</source>
        <translation>Stäng av regeln</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="125"/>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="125"/>
        <source>Setting</source>
        <translation>Inställning</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="174"/>
        <source>Off</source>
        <translation>Av</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="478"/>
        <source>A suppressed finding needs a justification.</source>
        <translation>En undantagen anmärkning behöver en motivering.</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="78"/>
        <source>Severity</source>
        <translation>Allvarlighetsgrad</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="78"/>
        <source>Elements</source>
        <translation>Element</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="78"/>
        <source>Message</source>
        <translation>Meddelande</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="358"/>
        <source>checked in {ms} ms</source>
        <translation>kontrollerat på {ms} ms</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="367"/>
        <source>checking…</source>
        <translation>kontrollerar…</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="357"/>
        <source>{n} suppressed</source>
        <translation>{n} undantagna</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="453"/>
        <source>Why it matters:</source>
        <translation>Varför det spelar roll:</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="456"/>
        <source>Suppressed because:</source>
        <translation>Undantagen eftersom:</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="105"/>
        <source>Suppressed: {why}</source>
        <translation>Undantagen: {why}</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/problems.py" line="435"/>
        <source>Select a finding to see why it matters and what to do.</source>
        <translation>Välj en anmärkning för att se varför den spelar roll och vad du kan göra.</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="274"/>
        <source>New KPI</source>
        <translation>Nytt nyckeltal</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="168"/>
        <source>(no owner)</source>
        <translation>(ingen ägare)</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="170"/>
        <source>(no leader)</source>
        <translation>(ingen processledare)</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="178"/>
        <source>The satisfied need</source>
        <translation>Det tillfredsställda behovet</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="184"/>
        <source>Separate objects with ;</source>
        <translation>Skilj objekt åt med ;</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="189"/>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="191"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="192"/>
        <source>Owner</source>
        <translation>Processägare</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="193"/>
        <source>Leader</source>
        <translation>Processledare</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="194"/>
        <source>Purpose</source>
        <translation>Syfte</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="195"/>
        <source>Customer</source>
        <translation>Kund</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="196"/>
        <source>Need</source>
        <translation>Behov</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="197"/>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="198"/>
        <source>Objects in</source>
        <translation>Objekt in</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="199"/>
        <source>Objects out</source>
        <translation>Objekt ut</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="207"/>
        <source>Add KPI</source>
        <translation>Lägg till</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="211"/>
        <source>Delete KPI</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="230"/>
        <source>Double-click to show the other process</source>
        <translation>Dubbelklicka för att visa den andra processen</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="391"/>
        <source>What flows (shown on flow arrows)</source>
        <translation>Vad som flödar (visas på flödespilar)</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="399"/>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="400"/>
        <source>From</source>
        <translation>Från</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="401"/>
        <source>To</source>
        <translation>Till</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="402"/>
        <source>Levels</source>
        <translation>Nivåer</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="462"/>
        <source>(top level)</source>
        <translation>(översta nivån)</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="464"/>
        <source>(no head)</source>
        <translation>(ingen chef)</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="471"/>
        <source>Part of</source>
        <translation>Ingår i</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="472"/>
        <source>Head</source>
        <translation>Chef</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="473"/>
        <source>Members</source>
        <translation>Medlemmar</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="474"/>
        <source>Takes part in</source>
        <translation>Medverkar i</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="502"/>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="531"/>
        <source>(no unit)</source>
        <translation>(ingen enhet)</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="536"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="538"/>
        <source>Roles</source>
        <translation>Roller</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="560"/>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="588"/>
        <source>Select a process, relation, unit or person to see and edit its properties.</source>
        <translation>Välj en process, relation, enhet eller person för att se och ändra dess egenskaper.</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="203"/>
        <source>Flow and effect (KPIs)</source>
        <translation>Flöde och effekt (nyckeltal)</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="218"/>
        <source>Relations</source>
        <translation>Relationer</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="222"/>
        <source>Other process</source>
        <translation>Annan process</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="222"/>
        <source>Level</source>
        <translation>Nivå</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="507"/>
        <source>None</source>
        <translation>Inga</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="277"/>
        <source>New KPI {n}</source>
        <translation>Nytt nyckeltal {n}</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="359"/>
        <source>On another level</source>
        <translation>På en annan nivå</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="361"/>
        <source>Same level</source>
        <translation>Samma nivå</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="365"/>
        <source>No relations</source>
        <translation>Inga relationer</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="440"/>
        <source>Both on: {level}</source>
        <translation>Båda på: {level}</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="626"/>
        <source>{n} elements selected.</source>
        <translation>{n} element markerade.</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="443"/>
        <source>From {a} to {b} (shown as markers)</source>
        <translation>Från {a} till {b} (visas som markörer)</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="567"/>
        <source>Owner of {name}</source>
        <translation>Processägare för {name}</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="569"/>
        <source>Leader of {name}</source>
        <translation>Processledare för {name}</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/properties.py" line="571"/>
        <source>Head of {name}</source>
        <translation>Chef för {name}</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/units.py" line="147"/>
        <source>Add unit</source>
        <translation>Lägg till enhet</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/units.py" line="148"/>
        <source>Add sub-unit</source>
        <translation>Lägg till underenhet</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/units.py" line="149"/>
        <source>Add person</source>
        <translation>Lägg till person</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/units.py" line="151"/>
        <source>Rename</source>
        <translation>Byt namn</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/units.py" line="153"/>
        <source>Move to…</source>
        <translation>Flytta till…</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/units.py" line="154"/>
        <source>Make head of unit</source>
        <translation>Gör till chef för enheten</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/units.py" line="156"/>
        <source>Delete</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/units.py" line="488"/>
        <source>Clear these references and delete it?</source>
        <translation>Ta bort dessa hänvisningar och radera?</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/units.py" line="121"/>
        <source>Unit / person</source>
        <translation>Enhet / person</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/units.py" line="121"/>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/units.py" line="357"/>
        <source>New unit</source>
        <translation>Ny enhet</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/units.py" line="371"/>
        <source>New person</source>
        <translation>Ny person</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/units.py" line="270"/>
        <source>People without a unit</source>
        <translation>Personer utan enhet</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/units.py" line="419"/>
        <source>Move '{name}' to:</source>
        <translation>Flytta '{name}' till:</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/units.py" line="241"/>
        <source>Head: {name}</source>
        <translation>Chef: {name}</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/units.py" line="332"/>
        <source>Remove as head of unit</source>
        <translation>Ta bort som chef för enheten</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/units.py" line="482"/>
        <source>… and {n} more</source>
        <translation>… och {n} till</translation>
    </message>
    <message>
        <location filename="../../procmodeler/ui/panels/units.py" line="484"/>
        <source>'{name}' is still referred to:</source>
        <translation>'{name}' används fortfarande av:</translation>
    </message>
    <message>
        <source>Click a cell to select it; type R, A, C or I to set or remove a letter, Delete to clear it; right-click or double-click for a menu.</source>
        <translation>Klicka i en cell för att markera den; skriv R, A, C eller I för att sätta eller ta bort en bokstav, Delete för att tömma den; högerklicka eller dubbelklicka för en meny.</translation>
    </message>
    <message>
        <source>Warning: more than one unit is accountable for this process</source>
        <translation>Varning: mer än en enhet ansvarar (A) för den här processen</translation>
    </message>
    <message>
        <source>A change here applies to every selected element.</source>
        <translation>En ändring här gäller alla markerade element.</translation>
    </message>
    <message>
        <source>Establishment level</source>
        <translation>Etableringsnivå</translation>
    </message>
    <message>
        <source>{n} processes selected</source>
        <translation>{n} processer markerade</translation>
    </message>
    <message>
        <source>{n} relations selected</source>
        <translation>{n} relationer markerade</translation>
    </message>
    <message>
        <source>Several</source>
        <translation>Flera</translation>
    </message>
    <message>
        <source>(not assessed)</source>
        <translation>(inte bedömd)</translation>
    </message>
    <message>
        <source>Several values</source>
        <translation>Flera värden</translation>
    </message>
    <message>
        <source>What flows</source>
        <translation>Vad som flödar</translation>
    </message>
    <message>
        <source>Sub-unit</source>
        <translation>Underenhet</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Lägg till</translation>
    </message>
    <message>
        <source>Add a unit, a sub-unit or a person</source>
        <translation>Lägg till en enhet, en underenhet eller en person</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Medlem</translation>
    </message>
    <message>
        <source>Member of {unit}</source>
        <translation>Medlem i {unit}</translation>
    </message>
    <message>
        <source>Nothing moved: '{name}' is already in '{unit}'.</source>
        <translation>Inget flyttades: ”{name}” finns redan i ”{unit}”.</translation>
    </message>
    <message>
        <source>Move…</source>
        <translation>Flytta…</translation>
    </message>
    <message>
        <source>Add a KPI to the process</source>
        <translation>Lägg till ett nyckeltal för processen</translation>
    </message>
    <message>
        <source>Delete the chosen KPI</source>
        <translation>Ta bort det valda nyckeltalet</translation>
    </message>
</context>
</TS>
