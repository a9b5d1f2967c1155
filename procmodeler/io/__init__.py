"""Files and interchange: the native ``*.procm`` file, the process register (CSV folder
or ``.xlsx``) with its automatic layout, and BPMN 2.0 XML (in ``io.bpmn``).
Depends on model and common only."""
