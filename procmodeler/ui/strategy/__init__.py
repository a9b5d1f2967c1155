"""The strategy views of the desktop app (issue 13): objectives panel, strategy matrix,
improvements board and management view. Texts come from the Qt-free catalogue
(``resources/translations/sv/strategyui.po``)."""
