"""One error hierarchy. Each also inherits the builtin that fits, so callers may catch either.

The CLI and the app turn any ``GeoError`` into one clear line; anything else is a bug.
"""

from __future__ import annotations


class GeoError(Exception):
    """Base of every error this package raises on purpose."""


class InputError(GeoError, ValueError):
    """An article or option that cannot be used: missing, empty, undecodable, too large, malformed."""


class NoJourneyError(GeoError, ValueError):
    """The articles were read but tell of no journey (fewer than two stops)."""


class GazetteerError(GeoError, RuntimeError):
    """The offline gazetteer could not be built or read."""


class DataError(GeoError, ValueError):
    """A knowledge file in data/ (rail lines, speeds) is missing or malformed."""


class RouteError(GeoError, RuntimeError):
    """Stops could not be joined over the network."""


class OutputError(GeoError, OSError):
    """An output file could not be written (the previous file, if any, is left untouched)."""


class ModelError(GeoError, RuntimeError):
    """The language model the reader needs is missing or is not the one the project pins."""


class StoreError(GeoError, OSError):
    """The database of saved journeys cannot be opened, read or written (damaged, unwritable, newer)."""
