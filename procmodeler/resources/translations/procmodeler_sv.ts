<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="sv" sourcelanguage="en">
<context>
    <name>ArchitectureDialog</name>
    <message>
        <source>Architecture Properties</source>
        <translation>Arkitekturens egenskaper</translation>
    </message>
    <message>
        <source>These properties appear in the report and in exported files.</source>
        <translation>De här egenskaperna visas i rapporten och i exporterade filer.</translation>
    </message>
    <message>
        <source>e.g. 2.1 or Draft for management team</source>
        <translation>t.ex. 2.1 eller Utkast för ledningsgruppen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Namn:</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Organisation:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Språk:</translation>
    </message>
    <message>
        <source>Version label:</source>
        <translation>Versionsbeteckning:</translation>
    </message>
    <message>
        <source>Author:</source>
        <translation>Författare:</translation>
    </message>
</context>
<context>
    <name>Breadcrumb</name>
    <message>
        <source>Process map</source>
        <translation>Processkarta</translation>
    </message>
</context>
<context>
    <name>Canvas</name>
    <message>
        <source>Drag to connect</source>
        <translation>Dra för att koppla ihop</translation>
    </message>
    <message>
        <source>{kind} to '{name}' (on another diagram)</source>
        <extracomment>a refused edit or a user mistake, as text for the user a shape or relation was right-clicked (item or None, screen position, scene position) the user wants to rename a process in place (process id)</extracomment>
        <translation>{kind} till '{name}' (i ett annat diagram)</translation>
    </message>
    <message>
        <source>{kind} from '{name}' (on another diagram)</source>
        <translation>{kind} från '{name}' (i ett annat diagram)</translation>
    </message>
    <message>
        <source>Double-click to go there.</source>
        <translation>Dubbelklicka för att gå dit.</translation>
    </message>
    <message>
        <source>Not possible</source>
        <extracomment>a user-facing message for the status bar window actions shown in the context menus (set by the main window)</extracomment>
        <translation>Inte möjligt</translation>
    </message>
    <message>
        <source>New management process</source>
        <translation>Ny ledningsprocess</translation>
    </message>
    <message>
        <source>New core process</source>
        <translation>Ny huvudprocess</translation>
    </message>
    <message>
        <source>New support process</source>
        <translation>Ny stödprocess</translation>
    </message>
    <message>
        <source>New process</source>
        <translation>Ny process</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>Object carried by this flow:</source>
        <translation>Objekt som flödet för vidare:</translation>
    </message>
    <message>
        <source>Open Sub-process Diagram</source>
        <translation>Öppna delprocessdiagram</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Object Name…</source>
        <translation>Objektnamn…</translation>
    </message>
    <message>
        <source>Reverse Direction</source>
        <translation>Vänd riktning</translation>
    </message>
    <message>
        <source>Straighten Line</source>
        <translation>Räta ut linjen</translation>
    </message>
    <message>
        <source>Go to '{name}'</source>
        <translation>Gå till '{name}'</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Lägg till</translation>
    </message>
    <message>
        <source>Show Swimlanes</source>
        <translation>Visa simbanor</translation>
    </message>
    <message numerus="yes">
        <source>Place %n Hidden Process(es)</source>
        <translation><numerusform>Placera %n dold process</numerusform><numerusform>Placera %n dolda processer</numerusform></translation>
    </message>
</context>
<context>
    <name>Docking</name>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Palette</source>
        <translation>Palett</translation>
    </message>
</context>
<context>
    <name>Documents</name>
    <message>
        <source>All files (*)</source>
        <translation>Alla filer (*)</translation>
    </message>
    <message>
        <source>Cannot Open File</source>
        <translation>Kan inte öppna filen</translation>
    </message>
    <message>
        <source>Cannot Save File</source>
        <translation>Kan inte spara filen</translation>
    </message>
    <message>
        <source>Clear Recent Files</source>
        <translation>Töm listan</translation>
    </message>
    <message>
        <source>Do you want to save the changes to “{name}”?</source>
        <translation>Vill du spara ändringarna i ”{name}”?</translation>
    </message>
    <message>
        <source>No Examples Installed</source>
        <translation>Inga exempel installerade</translation>
    </message>
    <message>
        <source>No Recent Files</source>
        <translation>Inga senaste filer</translation>
    </message>
    <message>
        <source>Open Model</source>
        <translation>Öppna modell</translation>
    </message>
    <message>
        <source>Opened {path}</source>
        <translation>Öppnade {path}</translation>
    </message>
    <message>
        <source>Save Model As</source>
        <translation>Spara modellen som</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Sparade {path}</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Osparade ändringar</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Namnlös</translation>
    </message>
    <message>
        <source>procmodeler models (*.procm)</source>
        <translation>procmodeler-modeller (*.procm)</translation>
    </message>
</context>
<context>
    <name>Exchange</name>
    <message>
        <source>BPMN 2.0 XML (*.bpmn *.xml)</source>
        <translation>BPMN 2.0 XML (*.bpmn *.xml)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Cannot Export</source>
        <translation>Kan inte exportera</translation>
    </message>
    <message>
        <source>Cannot Import</source>
        <translation>Kan inte importera</translation>
    </message>
    <message>
        <source>Cannot Write Report</source>
        <translation>Kan inte skriva rapporten</translation>
    </message>
    <message>
        <source>Export BPMN</source>
        <translation>Exportera BPMN</translation>
    </message>
    <message>
        <source>Export Diagram</source>
        <translation>Exportera diagram</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>Exporterade {path}</translation>
    </message>
    <message>
        <source>Import BPMN</source>
        <translation>Importera BPMN</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <source>PNG Resolution</source>
        <translation>Upplösning för PNG</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-bild (*.png)</translation>
    </message>
    <message>
        <source>Resolution in dots per inch (96 is screen size, 300 for print):</source>
        <translation>Upplösning i punkter per tum (96 är skärmstorlek, 300 för tryck):</translation>
    </message>
    <message>
        <source>SVG drawing (*.svg)</source>
        <translation>SVG-teckning (*.svg)</translation>
    </message>
    <message>
        <source>The diagram is large, so the image was written at {dpi} dpi.</source>
        <translation>Diagrammet är stort, så bilden skrevs med {dpi} dpi.</translation>
    </message>
    <message numerus="yes">
        <source>The file was imported with %n warning(s).</source>
        <translation><numerusform>Filen importerades med %n varning.</numerusform><numerusform>Filen importerades med %n varningar.</numerusform></translation>
    </message>
    <message>
        <source>The report was cancelled.</source>
        <translation>Rapporten avbröts.</translation>
    </message>
    <message>
        <source>Write Report</source>
        <translation>Skriv rapport</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Skriver rapporten…</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>Skrev {path}</translation>
    </message>
    <message>
        <source>diagram</source>
        <translation>diagram</translation>
    </message>
</context>
<context>
    <name>FindDialog</name>
    <message>
        <source>Find</source>
        <translation>Sök</translation>
    </message>
    <message>
        <source>Process, unit or person</source>
        <translation>Process, enhet eller person</translation>
    </message>
    <message>
        <source>Process map</source>
        <translation>Processkarta</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Enhet</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation><numerusform>%n träff</numerusform><numerusform>%n träffar</numerusform></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ångra</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gör om</translation>
    </message>
    <message>
        <source>Undone:</source>
        <translation>Ångrat:</translation>
    </message>
    <message>
        <source>Redone:</source>
        <translation>Gjort om:</translation>
    </message>
    <message>
        <source>Process map</source>
        <translation>Processkarta</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>Namnlös</translation>
    </message>
    <message>
        <source>&amp;Undo {action}</source>
        <translation>&amp;Ångra {action}</translation>
    </message>
    <message>
        <source>&amp;Redo {action}</source>
        <translation>&amp;Gör om {action}</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Ångra</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Gör om</translation>
    </message>
    <message>
        <source>About procmodeler</source>
        <translation>Om procmodeler</translation>
    </message>
    <message>
        <source>&lt;h3&gt;procmodeler {version}&lt;/h3&gt;&lt;p&gt;Process architecture, cross-unit responsibility, model checks, BPMN 2.0 interchange and PDF reports.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;procmodeler {version}&lt;/h3&gt;&lt;p&gt;Processarkitektur, ansvar över enhetsgränser, modellkontroller, utbyte via BPMN 2.0 och PDF-rapporter.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ModelTree</name>
    <message>
        <source>Show on Diagram</source>
        <translation>Visa i diagrammet</translation>
    </message>
    <message>
        <source>Open Sub-process Diagram</source>
        <translation>Öppna delprocessdiagram</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Byt namn…</translation>
    </message>
    <message>
        <source>Add Sub-process</source>
        <translation>Lägg till delprocess</translation>
    </message>
    <message>
        <source>Move to Top Level</source>
        <translation>Flytta till översta nivån</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Byt namn</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Namn:</translation>
    </message>
    <message>
        <source>New process</source>
        <translation>Ny process</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <source>Processes</source>
        <translation>Processer</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>Relationer</translation>
    </message>
    <message>
        <source>New connections are of this kind</source>
        <translation>Nya kopplingar får den här typen</translation>
    </message>
    <message>
        <source>Drag from the round handle beside a process to another process to connect them.</source>
        <translation>Dra från det runda handtaget bredvid en process till en annan process för att koppla ihop dem.</translation>
    </message>
</context>
<context>
    <name>PaletteButton</name>
    <message>
        <source>Click to add, or drag onto the diagram</source>
        <translation>Klicka för att lägga till, eller dra in i diagrammet</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>&amp;About procmodeler</source>
        <translation>&amp;Om procmodeler</translation>
    </message>
    <message>
        <source>&amp;Actual Size (100 %)</source>
        <translation>&amp;Verklig storlek (100 %)</translation>
    </message>
    <message>
        <source>&amp;Arrange in Lanes</source>
        <translation>&amp;Ordna i simbanor</translation>
    </message>
    <message>
        <source>&amp;BPMN 2.0 XML…</source>
        <translation>&amp;BPMN 2.0 XML…</translation>
    </message>
    <message>
        <source>&amp;Close Window</source>
        <translation>S&amp;täng fönster</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Kopiera</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Ta bort</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Redigera</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exportera</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Arkiv</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>&amp;Sök…</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>&amp;Anpassa till fönstret</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjälp</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importera</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Ny</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Öppna…</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>&amp;Paneler</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Klistra &amp;in</translation>
    </message>
    <message>
        <source>&amp;Process Map</source>
        <translation>&amp;Processkarta</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Avsluta</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Gör om</translation>
    </message>
    <message>
        <source>&amp;Report…</source>
        <translation>&amp;Rapport…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Spara</translation>
    </message>
    <message>
        <source>&amp;Swimlanes</source>
        <translation>&amp;Simbanor</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Ångra</translation>
    </message>
    <message>
        <source>&amp;Up One Level</source>
        <translation>Upp en &amp;nivå</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Visa</translation>
    </message>
    <message>
        <source>Architecture &amp;Properties…</source>
        <translation>Arkitekturens &amp;egenskaper…</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Klipp &amp;ut</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>&amp;Duplicera</translation>
    </message>
    <message>
        <source>Diagram as &amp;Image…</source>
        <translation>Diagram som &amp;bild…</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>Verktygsfält</translation>
    </message>
    <message>
        <source>Move each process into the lane of its accountable unit</source>
        <translation>Flytta varje process till simbanan för den enhet som ansvarar för den</translation>
    </message>
    <message>
        <source>New &amp;Window</source>
        <translation>Nytt &amp;fönster</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Öppna &amp;senaste</translation>
    </message>
    <message>
        <source>Open E&amp;xample</source>
        <translation>Öppna e&amp;xempel</translation>
    </message>
    <message>
        <source>Open a model file</source>
        <translation>Öppna en modellfil</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>&amp;Byt namn</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Spara s&amp;om…</translation>
    </message>
    <message>
        <source>Select &amp;All</source>
        <translation>&amp;Markera allt</translation>
    </message>
    <message>
        <source>Show a lane per participating unit on this sub-process diagram</source>
        <translation>Visa en simbana per deltagande enhet i det här delprocessdiagrammet</translation>
    </message>
    <message>
        <source>Snap to &amp;Grid</source>
        <translation>Fäst mot &amp;rutnät</translation>
    </message>
    <message>
        <source>Start a new model</source>
        <translation>Börja på en ny modell</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zooma &amp;in</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zooma &amp;ut</translation>
    </message>
</context>
</TS>
