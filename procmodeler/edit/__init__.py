"""Editing: transactions, undo/redo and the intention-named operations through which the
app, the importers and the command line change a model (depends on model and common)."""

from procmodeler.edit.editor import Editor, Transaction

__all__ = ["Editor", "Transaction"]
