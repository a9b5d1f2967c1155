"""The look of the notation without Qt: colours and line styles (``style``), shape
outlines, bands, lanes and relation lines (``geometry``), label fitting (``labels``),
KPI traffic lights (``kpi``) and renderer-independent views of shapes and relations
(``views``). The canvas and the PDF report both draw from here."""
