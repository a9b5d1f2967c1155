"""The desktop app: the only package that imports PySide6. It shows and edits a model
through the editing layer's operations and refreshes from its change notices."""
