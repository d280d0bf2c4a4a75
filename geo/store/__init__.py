"""Saved journeys: a local SQLite database of what each journey is made from (articles, corrections)."""

from geo.store.journeys import (
    DATA_ENV,
    SCHEMA_VERSION,
    JourneyStore,
    JourneySummary,
    SavedJourney,
    default_store_path,
)

__all__ = [
    "DATA_ENV", "SCHEMA_VERSION", "JourneyStore", "JourneySummary", "SavedJourney", "default_store_path",
]
