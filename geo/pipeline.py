"""The whole chain with its defaults: articles → reading (parse, mentions, frames) → itinerary → route →
timing → journey."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from geo.itinerary.corrections import Corrections, apply_corrections
from geo.itinerary.stops import extract_itinerary
from geo.itinerary.traveller import find_traveller
from geo.journey import Journey, assemble_journey
from geo.model import Article, Itinerary
from geo.places.geocoder import GazetteerGeocoder
from geo.reading.reading import Reading, read_articles
from geo.routing.railnet import RailNetwork, load_network
from geo.routing.route import plan_route, resolve_stops
from geo.timing.estimate import estimate_timing, with_stated_distances
from geo.timing.speeds import SpeedModel, load_speed_model


def read_itinerary(
    articles: Sequence[Article], geocoder: GazetteerGeocoder
) -> tuple[list[Reading], Itinerary]:
    """Read every article once and say whose journey they tell, with its stops in order and its hops."""
    readings = read_articles(articles, geocoder)
    events = {r.article.id: r.events for r in readings}
    people = {r.article.id: r.people for r in readings}
    lead_ends = {r.article.id: r.lead_end_token for r in readings}
    traveller = find_traveller(articles, events, people, lead_ends)
    times = {r.article.id: r.times for r in readings}
    itinerary = extract_itinerary(
        articles, events, people, traveller, times=times, lead_ends=lead_ends,
        neighbours=geocoder.gazetteer.neighbours(),
    )
    return readings, itinerary


def _told_rail_km(
    itinerary: Itinerary, readings: Sequence[Reading], speeds: SpeedModel
) -> dict[int, tuple[float, str]]:
    """For each unnamed border stop, the rail distance a duration stated in its own sentence implies ("an
    overnight ride of roughly ten hours from a town on the Polish border"), with that phrase."""
    by_id = {r.article.id: r for r in readings}
    out: dict[int, tuple[float, str]] = {}
    for i, stop in enumerate(itinerary.stops):
        if stop.place is not None or not stop.border_of:
            continue
        # the ride runs in the country of the named stop beside it (Przemyśl → Kyiv is a Ukrainian train)
        around = (*itinerary.stops[i + 1 :], *reversed(itinerary.stops[:i]))
        beside = [s for s in around if s.place is not None]
        country = beside[0].place.country if beside and beside[0].place else stop.border_of
        for event in stop.events:
            reading = by_id.get(event.article)
            if reading is None:
                continue
            said = [q for q in reading.quantities if q.kind == "duration"
                    and event.sentence_start <= q.start < event.sentence_end]  # fmt: skip
            if said:
                kmh = speeds.speed("rail", country)[1]
                out[stop.seq] = (said[0].likely * kmh, said[0].text)
                break
    return out


def build_journey(
    articles: Sequence[Article],
    *,
    geocoder: GazetteerGeocoder | None = None,
    network: RailNetwork | None = None,
    speeds: SpeedModel | None = None,
    corrections: Corrections | None = None,
) -> Journey:
    """Build the journey the articles tell. Raises ``NoJourneyError`` when they tell none.

    The geocoder, network and speed model are injected so tests and the app can share one of each.
    ``corrections`` (an editor's) are applied to the itinerary before routing, so the route and the times
    are computed from the corrected one; its unnamed stops are placed first, so a correction can name them
    as the map shows them.
    """
    geocoder = geocoder or GazetteerGeocoder()
    network = network or load_network()
    speeds = speeds or load_speed_model()
    readings, itinerary = read_itinerary(articles, geocoder)
    if corrections:
        itinerary = replace(itinerary, stops=resolve_stops(itinerary.stops, network))
        itinerary = apply_corrections(itinerary, corrections, geocoder)
    route = plan_route(itinerary, network, told_km=_told_rail_km(itinerary, readings, speeds))
    parses = {r.article.id: r.parsed for r in readings}
    times = {r.article.id: r.times for r in readings}
    quantities = {r.article.id: r.quantities for r in readings}
    timing = estimate_timing(articles, parses, itinerary, route, speeds, times=times, quantities=quantities)
    route = with_stated_distances(route, timing)
    return assemble_journey(tuple(articles), itinerary, route, timing)
