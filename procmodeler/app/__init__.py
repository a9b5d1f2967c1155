"""The Qt-free application layer: an open document (:class:`~procmodeler.app.session.Session`)
with its file path, editor and modified state. The desktop app and tests drive it."""
