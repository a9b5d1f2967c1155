<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="sv" sourcelanguage="en">
<context>
    <name>ArchitectureDialog</name>
    <message>
        <source>Document Properties</source>
        <translation>Dokumentegenskaper</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allmänt</translation>
    </message>
    <message>
        <source>Document Control</source>
        <translation>Dokumentinformation</translation>
    </message>
    <message>
        <source>e.g. the board or the management team</source>
        <translation>t.ex. nämnden eller ledningsgruppen</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <source>the reference number in your records</source>
        <translation>diarienumret i ert diarium</translation>
    </message>
    <message>
        <source>who receives the document, one a line</source>
        <translation>vilka som får dokumentet, en per rad</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Adopted by:</source>
        <translation>Fastställd av:</translation>
    </message>
    <message>
        <source>Adopted on:</source>
        <translation>Fastställd den:</translation>
    </message>
    <message>
        <source>Reference number:</source>
        <translation>Diarienummer:</translation>
    </message>
    <message>
        <source>Distribution:</source>
        <translation>Sändlista:</translation>
    </message>
    <message>
        <source>Change log:</source>
        <translation>Ändringslogg:</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändring</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>Add Line</source>
        <translation>Lägg till rad</translation>
    </message>
    <message>
        <source>Remove Line</source>
        <translation>Ta bort rad</translation>
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
        <source>Drag a process from the palette to start this level</source>
        <translation>Dra en process från paletten för att börja på den här nivån</translation>
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
    <message>
        <source>Models, BPMN and registers (*.procm *.bpmn *.xml *.xlsx *.csv)</source>
        <translation>Modeller, BPMN och register (*.procm *.bpmn *.xml *.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Process registers (*.xlsx *.csv)</source>
        <translation>Processregister (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>“{name}” is a BPMN file. Import it as a new model?</source>
        <translation>”{name}” är en BPMN-fil. Vill du importera den som en ny modell?</translation>
    </message>
    <message>
        <source>“{name}” is a process register. Import it as a new model?</source>
        <translation>”{name}” är ett processregister. Vill du importera det som en ny modell?</translation>
    </message>
    <message>
        <source>Opened a copy of {path}</source>
        <translation>Öppnade en kopia av {path}</translation>
    </message>
    <message>
        <source>BPMN 2.0 XML (*.bpmn *.xml)</source>
        <translation>BPMN 2.0 XML (*.bpmn *.xml)</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppna</translation>
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
        <source>Word document (*.docx)</source>
        <translation>Word-dokument (*.docx)</translation>
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
        <source>A&amp;rrange</source>
        <translation>O&amp;rdna</translation>
    </message>
    <message>
        <source>Lay out this diagram anew and route every line</source>
        <translation>Lägg ut diagrammet på nytt och dra alla linjer</translation>
    </message>
    <message>
        <source>Route &amp;Lines</source>
        <translation>Dra om &amp;linjerna</translation>
    </message>
    <message>
        <source>Route every line of this diagram anew around the shapes</source>
        <translation>Dra alla linjer i diagrammet på nytt runt formerna</translation>
    </message>
    <message>
        <source>Presentation &amp;Mode</source>
        <translation>Pr&amp;esentationsläge</translation>
    </message>
    <message>
        <source>The diagram alone, full screen; arrow keys step through the levels</source>
        <translation>Bara diagrammet, i helskärm; piltangenterna stegar mellan nivåerna</translation>
    </message>
    <message>
        <source>&amp;About procmodeler</source>
        <translation>&amp;Om procmodeler</translation>
    </message>
    <message>
        <source>&amp;Actual Size (100 %)</source>
        <translation>&amp;Verklig storlek (100 %)</translation>
    </message>
    <message>
        <source>Arrange i&amp;n Lanes</source>
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
        <source>Pan&amp;els</source>
        <translation>&amp;Paneler</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>Klistra &amp;in</translation>
    </message>
    <message>
        <source>&amp;Process Map</source>
        <translation>Process&amp;karta</translation>
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
        <source>Document &amp;Properties…</source>
        <translation>&amp;Dokumentegenskaper…</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Klipp &amp;ut</translation>
    </message>
    <message>
        <source>Duplicat&amp;e</source>
        <translation>&amp;Duplicera</translation>
    </message>
    <message>
        <source>Diagram as &amp;Image…</source>
        <translation>Diagram som b&amp;ild…</translation>
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
        <source>Open Recen&amp;t</source>
        <translation>Ö&amp;ppna senaste</translation>
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
        <translation>Fäst mot ru&amp;tnät</translation>
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
    <message>
        <source>Process &amp;Register…</source>
        <translation>Process&amp;register…</translation>
    </message>
    <message>
        <source>Preference&amp;s…</source>
        <translation>I&amp;nställningar…</translation>
    </message>
    <message>
        <source>&amp;Getting Started</source>
        <translation>&amp;Kom igång</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>Kortkomman&amp;don</translation>
    </message>
    <message>
        <source>&amp;Report a Problem…</source>
        <translation>&amp;Rapportera ett problem…</translation>
    </message>
    <message>
        <source>Reset La&amp;yout</source>
        <translation>Återställ la&amp;yout</translation>
    </message>
    <message>
        <source>Every panel back in its place and at its first size</source>
        <translation>Varje panel tillbaka på sin plats och i sin första storlek</translation>
    </message>
    <message>
        <source>&amp;Canvas Only</source>
        <translation>&amp;Bara ritytan</translation>
    </message>
    <message>
        <source>Hide every panel; again: show them again</source>
        <translation>Dölj alla paneler; en gång till: visa dem igen</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Anpassa</translation>
    </message>
    <message>
        <source>Fit to Window</source>
        <translation>Anpassa till fönstret</translation>
    </message>
</context>
<context>
    <name>RegisterExchange</name>
    <message>
        <source>Nothing was imported or written. Problems: {n}.</source>
        <translation>Inget importerades eller skrevs. Problem: {n}.</translation>
    </message>
    <message>
        <source>Import Process Register</source>
        <translation>Importera processregister</translation>
    </message>
    <message>
        <source>Register (*.xlsx *.csv)</source>
        <translation>Register (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel-arbetsbok (*.xlsx)</translation>
    </message>
    <message>
        <source>Any CSV file of a register folder (*.csv)</source>
        <translation>Valfri CSV-fil i en registermapp (*.csv)</translation>
    </message>
    <message>
        <source>Processes imported from {name}: {n}.</source>
        <translation>Processer importerade från {name}: {n}.</translation>
    </message>
    <message>
        <source>Warnings: {n}.</source>
        <translation>Varningar: {n}.</translation>
    </message>
    <message>
        <source>Folder of CSV files (*)</source>
        <translation>Mapp med CSV-filer (*)</translation>
    </message>
    <message>
        <source>Export Process Register</source>
        <translation>Exportera processregister</translation>
    </message>
    <message>
        <source>The folder {path} is not empty. Replace it with the register?</source>
        <translation>Mappen {path} är inte tom. Ersätta den med registret?</translation>
    </message>
    <message>
        <source>Exported {path}</source>
        <translation>Exporterade {path}</translation>
    </message>
</context>
<context>
    <name>GettingStarted</name>
    <message>
        <source>Getting Started</source>
        <translation>Kom igång</translation>
    </message>
    <message>
        <source>1. Open an example</source>
        <translation>1. Öppna ett exempel</translation>
    </message>
    <message>
        <source>A finished model shows what procmodeler is for: management, core and support processes, who owns them and which units take part.</source>
        <translation>En färdig modell visar vad procmodeler är till för: lednings-, huvud- och stödprocesser, vem som äger dem och vilka enheter som medverkar.</translation>
    </message>
    <message>
        <source>Open the Example</source>
        <translation>Öppna exemplet</translation>
    </message>
    <message>
        <source>2. Draw a process</source>
        <translation>2. Rita en process</translation>
    </message>
    <message>
        <source>Click a kind in the palette on the left: the process appears in its band and you type its name. Drag from the round handle at its top right to another process to draw a relation.</source>
        <translation>Klicka på en processtyp i paletten till vänster: processen hamnar i sitt band och du skriver dess namn. Dra från det runda handtaget uppe till höger till en annan process för att rita en relation.</translation>
    </message>
    <message>
        <source>Add a Core Process</source>
        <translation>Lägg till en huvudprocess</translation>
    </message>
    <message>
        <source>3. Assign owners</source>
        <translation>3. Utse ägare</translation>
    </message>
    <message>
        <source>Select a process: Properties on the right sets its owner and leader; Units and People holds the organisation, and the participation matrix at the bottom the units' RACI roles.</source>
        <translation>Markera en process: under Egenskaper till höger anger du processägare och processledare; Enheter och personer rymmer organisationen och medverkansmatrisen längst ned enheternas RACI-roller.</translation>
    </message>
    <message>
        <source>Show Properties</source>
        <translation>Visa egenskaper</translation>
    </message>
    <message>
        <source>4. Read the problems</source>
        <translation>4. Läs problemen</translation>
    </message>
    <message>
        <source>Problems at the bottom lists orphaned processes and unclear responsibility as you work; select one to see why it matters and what to do.</source>
        <translation>Problem längst ned listar processer som hänger löst och oklart ansvar medan du arbetar; markera ett för att se varför det spelar roll och vad du kan göra.</translation>
    </message>
    <message>
        <source>Show Problems</source>
        <translation>Visa problem</translation>
    </message>
    <message>
        <source>5. Make a report</source>
        <translation>5. Gör en rapport</translation>
    </message>
    <message>
        <source>File › Report writes a PDF for the client or the management team: the process map, responsibilities and findings, in English or Swedish.</source>
        <translation>Arkiv › Rapport skriver en PDF till uppdragsgivaren eller ledningsgruppen: processkartan, ansvaret och anmärkningarna, på svenska eller engelska.</translation>
    </message>
    <message>
        <source>Write a Report…</source>
        <translation>Skriv en rapport…</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Tillbaka</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Nästa</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Kortkommandon</translation>
    </message>
    <message>
        <source>Move the selection (Shift: one unit)</source>
        <translation>Flytta markeringen (Skift: en enhet)</translation>
    </message>
    <message>
        <source>Arrow keys</source>
        <translation>Piltangenter</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>Zooma</translation>
    </message>
    <message>
        <source>Ctrl+wheel</source>
        <translation>Ctrl+hjul</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Panorera</translation>
    </message>
    <message>
        <source>Middle mouse button</source>
        <translation>Mittenknappen på musen</translation>
    </message>
    <message>
        <source>Open a process's sub-processes</source>
        <translation>Öppna delprocesserna till en process</translation>
    </message>
    <message>
        <source>Double-click</source>
        <translation>Dubbelklick</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Kommando</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tangenter</translation>
    </message>
</context>
<context>
    <name>ReportProblemDialog</name>
    <message>
        <source>Report a Problem</source>
        <translation>Rapportera ett problem</translation>
    </message>
    <message>
        <source>Describe what you did, what you expected and what happened on the issue page, and paste these details (Copy puts them on the clipboard). Attach a model only if it holds nothing confidential.</source>
        <translation>Beskriv på ärendesidan vad du gjorde, vad du väntade dig och vad som hände, och klistra in uppgifterna nedan (Kopiera lägger dem i urklipp). Bifoga en modell bara om den inte innehåller något konfidentiellt.</translation>
    </message>
    <message>
        <source>Copy Details</source>
        <translation>Kopiera uppgifterna</translation>
    </message>
    <message>
        <source>Open the Issue Page</source>
        <translation>Öppna ärendesidan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>Som systemet</translation>
    </message>
    <message>
        <source>As the model</source>
        <translation>Som modellen</translation>
    </message>
    <message>
        <source>none: a plain report</source>
        <translation>ingen: en enkel rapport</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Av</translation>
    </message>
    <message>
        <source>Language of the app:</source>
        <translation>Programmets språk:</translation>
    </message>
    <message>
        <source>Report language:</source>
        <translation>Rapportens språk:</translation>
    </message>
    <message>
        <source>Report branding profile:</source>
        <translation>Rapportens profil (varumärke):</translation>
    </message>
    <message>
        <source>Save the open file every:</source>
        <translation>Spara den öppna filen var:</translation>
    </message>
    <message>
        <source>Unsaved edits are kept in a recovery journal whatever the autosave interval; autosave also writes them to the model file.</source>
        <translation>Osparade ändringar sparas alltid i en återställningsjournal, oavsett intervall; autospara skriver dem dessutom till modellfilen.</translation>
    </message>
    <message>
        <source>Report Branding Profile</source>
        <translation>Rapportens profil</translation>
    </message>
    <message>
        <source>Branding profile (*.json)</source>
        <translation>Profil (*.json)</translation>
    </message>
    <message>
        <source>Used by windows opened from now on and at the next start.</source>
        <translation>Gäller fönster som öppnas från och med nu och vid nästa start.</translation>
    </message>
    <message>
        <source>Ask before deleting a process that takes sub-processes, relations or roles</source>
        <translation>Fråga innan en process tas bort som har delprocesser, relationer eller roller</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>New model: start drawing</source>
        <translation>Ny modell: börja rita</translation>
    </message>
    <message>
        <source>Open a model or register…</source>
        <translation>Öppna en modell eller ett register…</translation>
    </message>
    <message>
        <source>RECENT FILES</source>
        <translation>SENASTE FILER</translation>
    </message>
    <message>
        <source>BEGIN</source>
        <translation>BÖRJA</translation>
    </message>
    <message>
        <source>EXAMPLES</source>
        <translation>EXEMPEL</translation>
    </message>
    <message>
        <source>A Swedish municipality (in Swedish)</source>
        <translation>En svensk kommun (på svenska)</translation>
    </message>
    <message>
        <source>A manufacturer (in English)</source>
        <translation>Ett tillverkande företag (på engelska)</translation>
    </message>
</context>
<context>
    <name>ChartWidget</name>
    <message>
        <source>Copy chart as image</source>
        <translation>Kopiera diagrammet som bild</translation>
    </message>
</context>
<context>
    <name>KpiPanel</name>
    <message>
        <source>Add value</source>
        <translation>Lägg till värde</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Mark that the process was changed from the selected period on: new limits</source>
        <translation>Markera att processen ändrades från den valda perioden: nya gränser</translation>
    </message>
    <message>
        <source>Not possible</source>
        <translation>Inte möjligt</translation>
    </message>
    <message>
        <source>Paste from Excel</source>
        <translation>Klistra in från Excel</translation>
    </message>
    <message>
        <source>Paste one column of values (they follow the selected or latest period) or two columns: period and value</source>
        <translation>Klistra in en kolumn med värden (de följer den valda eller senaste perioden) eller två kolumner: period och värde</translation>
    </message>
    <message>
        <source>Process changed here</source>
        <translation>Processen ändrad här</translation>
    </message>
    <message>
        <source>Select a process to see its KPIs over time.</source>
        <translation>Välj en process för att se dess nyckeltal över tid.</translation>
    </message>
    <message>
        <source>This process has no KPIs yet: add one in Properties.</source>
        <translation>Processen har inga nyckeltal än: lägg till ett under Egenskaper.</translation>
    </message>
</context>
<context>
    <name>MeasurementModel</name>
    <message>
        <source>Changed</source>
        <translation>Ändrad</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>The process was changed from this period on: new limits</source>
        <translation>Processen ändrades från den här perioden: nya gränser</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Värde</translation>
    </message>
</context>
<context>
    <name>ColumnFitter</name>
    <message>
        <source>Show columns</source>
        <translation>Visa kolumner</translation>
    </message>
    <message>
        <source>{column} (no room)</source>
        <translation>{column} (får inte plats)</translation>
    </message>
</context>
<context>
    <name>ScorecardModel</name>
    <message>
        <source>Assurance</source>
        <translation>Måluppfyllelse</translation>
    </message>
    <message>
        <source>Double-click to show the process on the map</source>
        <translation>Dubbelklicka för att visa processen på kartan</translation>
    </message>
    <message>
        <source>KPI</source>
        <translation>Nyckeltal</translation>
    </message>
    <message>
        <source>Latest</source>
        <translation>Senaste</translation>
    </message>
    <message>
        <source>Over time</source>
        <translation>Över tid</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>Process</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Målvärde</translation>
    </message>
    <message>
        <source>Variation</source>
        <translation>Variation</translation>
    </message>
</context>
<context>
    <name>ScorecardPanel</name>
    <message>
        <source>All</source>
        <translation>Alla</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Ägare:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Enhet:</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source> (merged)</source>
        <translation> (sammanfogad)</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Författare</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>Ändringar</translation>
    </message>
    <message>
        <source>Compare with Mine</source>
        <translation>Jämför med min</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <source>Repository History</source>
        <translation>Arkivets historik</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
</context>
<context>
    <name>OpenFromRepositoryDialog</name>
    <message>
        <source>Connect</source>
        <translation>Anslut</translation>
    </message>
    <message>
        <source>Open from Repository</source>
        <translation>Öppna från arkiv</translation>
    </message>
    <message>
        <source>Passwords come from ~/.pgpass or PGPASSWORD; do not type one here.</source>
        <translation>Lösenord hämtas från ~/.pgpass eller PGPASSWORD; skriv inget lösenord här.</translation>
    </message>
    <message>
        <source>Repository address (PostgreSQL):</source>
        <translation>Arkivets adress (PostgreSQL):</translation>
    </message>
    <message>
        <source>This repository has no architectures yet.</source>
        <translation>Det här arkivet har inga arkitekturer än.</translation>
    </message>
    <message>
        <source>Version {v}, {who}</source>
        <translation>Version {v}, {who}</translation>
    </message>
</context>
<context>
    <name>RepositoryLink</name>
    <message>
        <source>{name} version {v}</source>
        <translation>{name} version {v}</translation>
    </message>
    <message>
        <source>Cannot Compare</source>
        <translation>Kan inte jämföra</translation>
    </message>
    <message>
        <source>Cannot Open from Repository</source>
        <translation>Kan inte öppna från arkivet</translation>
    </message>
    <message>
        <source>Cannot Read the History</source>
        <translation>Kan inte läsa historiken</translation>
    </message>
    <message>
        <source>Cannot Update</source>
        <translation>Kan inte uppdatera</translation>
    </message>
    <message>
        <source>Merge what others pushed into this model</source>
        <translation>Sammanfoga det som andra skickat med den här modellen</translation>
    </message>
    <message>
        <source>Not Pushed: Conflicts</source>
        <translation>Inte skickad: konflikter</translation>
    </message>
    <message>
        <source>Not Updated: Conflicts</source>
        <translation>Inte uppdaterad: konflikter</translation>
    </message>
    <message>
        <source>Open &amp;from Repository…</source>
        <translation>Öppna från ar&amp;kiv…</translation>
    </message>
    <message>
        <source>Others changed the same elements. Nothing was changed; edit these elements after updating, or agree with the others:</source>
        <translation>Andra har ändrat samma element. Inget ändrades; redigera de här elementen efter uppdateringen, eller kom överens med de andra:</translation>
    </message>
    <message>
        <source>Pushed as version {v}</source>
        <translation>Skickad som version {v}</translation>
    </message>
    <message>
        <source>Repository &amp;History…</source>
        <translation>Arkivets &amp;historik…</translation>
    </message>
    <message>
        <source>Saved locally; not pushed: {reason}</source>
        <translation>Sparad lokalt; inte skickad: {reason}</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>Uppdatera</translation>
    </message>
    <message>
        <source>read-only</source>
        <translation>skrivskyddad</translation>
    </message>
</context>
<context>
    <name>DeleteQuestion</name>
    <message>
        <source>Delete “{name}”?</source>
        <translation>Ta bort ”{name}”?</translation>
    </message>
    <message>
        <source>Delete {n} processes?</source>
        <translation>Ta bort {n} processer?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Also deleted: {what}. Undo brings it all back.</source>
        <translation>Tas också bort: {what}. Ångra tar tillbaka allt.</translation>
    </message>
    <message>
        <source>Don't ask again</source>
        <translation>Fråga inte igen</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>A profile file</source>
        <translation>En profilfil</translation>
    </message>
    <message>
        <source>Branding profile (*.json)</source>
        <translation>Profil (*.json)</translation>
    </message>
    <message>
        <source>Branding profile:</source>
        <translation>Profil (varumärke):</translation>
    </message>
    <message>
        <source>Chapters</source>
        <translation>Kapitel</translation>
    </message>
    <message>
        <source>Choose a branding profile file, or no profile.</source>
        <translation>Välj en profilfil, eller ingen profil.</translation>
    </message>
    <message>
        <source>Choose at least one chapter.</source>
        <translation>Välj minst ett kapitel.</translation>
    </message>
    <message>
        <source>Choose the file to write the report to.</source>
        <translation>Välj filen som rapporten ska skrivas till.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Välj…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Fil:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Språk:</translation>
    </message>
    <message>
        <source>None: a plain report</source>
        <translation>Ingen: en enkel rapport</translation>
    </message>
    <message>
        <source>One process and its sub-processes:</source>
        <translation>En process med delprocesser:</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF-dokument</translation>
    </message>
    <message>
        <source>Report Branding Profile</source>
        <translation>Rapportens profil</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Omfattning</translation>
    </message>
    <message>
        <source>The bundled example</source>
        <translation>Det medföljande exemplet</translation>
    </message>
    <message>
        <source>The cover, the contents and the document control always come first.</source>
        <translation>Omslaget, innehållsförteckningen och dokumentinformationen kommer alltid först.</translation>
    </message>
    <message>
        <source>The whole architecture</source>
        <translation>Hela arkitekturen</translation>
    </message>
    <message>
        <source>Word document (*.docx)</source>
        <translation>Word-dokument (*.docx)</translation>
    </message>
    <message>
        <source>Word document (.docx)</source>
        <translation>Word-dokument (.docx)</translation>
    </message>
    <message>
        <source>Write Report</source>
        <translation>Skriv rapport</translation>
    </message>
    <message>
        <source>a branding profile (.json)</source>
        <translation>en profil (.json)</translation>
    </message>
</context>
</TS>
