"""The whole chain with its defaults: articles → mentions → itinerary → route → timing → journey."""

from __future__ import annotations

from collections.abc import Sequence

from geo.itinerary.stops import extract_itinerary
from geo.journey import Journey, assemble_journey
from geo.model import Article
from geo.places.geocoder import GazetteerGeocoder
from geo.reading.mentions import find_mentions
from geo.routing.railnet import RailNetwork, load_network
from geo.routing.route import plan_route
from geo.timing.estimate import estimate_timing
from geo.timing.speeds import SpeedModel, load_speed_model


def build_journey(
    articles: Sequence[Article],
    *,
    geocoder: GazetteerGeocoder | None = None,
    network: RailNetwork | None = None,
    speeds: SpeedModel | None = None,
) -> Journey:
    """Build the journey the articles tell. Raises ``NoJourneyError`` when they tell none.

    The geocoder, network and speed model are injected so tests and the app can share one of each.
    """
    geocoder = geocoder or GazetteerGeocoder()
    network = network or load_network()
    speeds = speeds or load_speed_model()
    mentions = {article.id: find_mentions(article, geocoder) for article in articles}
    itinerary = extract_itinerary(articles, mentions)
    route = plan_route(itinerary, network)
    timing = estimate_timing(articles, itinerary, route, speeds)
    return assemble_journey(tuple(articles), itinerary, route, timing)
