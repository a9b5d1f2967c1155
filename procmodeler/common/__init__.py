"""Helpers every layer may use: the Qt-free message catalogue, user-facing errors,
atomic file writing and per-platform folders. Standard library only; imports nothing
else of procmodeler."""
