"""The diagram canvas: a scene kept in sync with the model (one item per shape and per
relation), its view, the breadcrumb and the gestures that become operations."""
