"""Routing real itineraries over the bundled network: border crossings, unnamed stops, road and air legs."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from geopy.distance import geodesic

from geo.errors import DataError, RouteError
from geo.model import Hop, Itinerary, Leg, Mode, Place, Route, Stop
from geo.places.geocoder import GazetteerGeocoder, place_from_location
from geo.routing.railnet import RailNetwork, load_network
from geo.routing.route import (
    DISPLAY_TOLERANCE_DEG,
    RoadModel,
    display_geometry,
    line_km,
    load_road_model,
    plan_route,
)

# GeoNames cities500 ids and positions, as the gazetteer gives them.
PYONGYANG = Place("Pyongyang", 39.03385, 125.75432, "KP", geonameid=1871859, timezone="Asia/Pyongyang")
DANDONG = Place("Dandong", 40.12917, 124.39472, "CN", geonameid=2037886, timezone="Asia/Shanghai")
BEIJING = Place("Beijing", 39.9075, 116.39723, "CN", geonameid=1816670, timezone="Asia/Shanghai")
HANOI = Place("Hanoi", 21.0245, 105.84117, "VN", geonameid=1581130, timezone="Asia/Bangkok")
CHONGJIN = Place("Chongjin", 41.79556, 129.77583, "KP", geonameid=2044757, timezone="Asia/Pyongyang")
VLADIVOSTOK = Place("Vladivostok", 43.10562, 131.87353, "RU", geonameid=2013348, timezone="Asia/Vladivostok")
BORDER_STATION = "a station on the Chinese border"


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    return load_network()


def _stop(seq: int, place: Place | None, role: str = "waypoint", **extra: str) -> Stop:
    name = place.name if place is not None else extra.get("description", "")
    return Stop(seq=seq, name=name, role=role, place=place, **extra)  # type: ignore[arg-type]


def _trip(places: list[Place | None], modes: list[Mode], **unnamed: str) -> Itinerary:
    stops = tuple(
        _stop(i, p, **({} if p is not None else unnamed)) for i, p in enumerate(places)
    )
    return Itinerary(stops=stops, hops=tuple(Hop(mode=m) for m in modes))


def _unnamed_border_stop() -> dict[str, str]:
    return {"description": BORDER_STATION, "feature": "station", "border_of": "CN"}


def _route(network: RailNetwork, places: list[Place | None], modes: list[Mode]) -> Route:
    return plan_route(_trip(places, modes, **_unnamed_border_stop()), network)


def _stations(route: Route) -> list[str]:
    """Every named point of the rail legs in travel order (starts, vias, ends), without repeats."""
    names: list[str] = []
    for leg in route.legs:
        for name in (leg.start, *leg.via, leg.end):
            if not names or names[-1] != name:
                names.append(name)
    return names


def _crossings(route: Route) -> list[tuple[str, str]]:
    return [(leg.start, leg.end) for leg in route.legs if leg.kind == "crossing"]


def test_pyongyang_to_dandong_goes_via_sinuiju(network: RailNetwork) -> None:
    route = _route(network, [PYONGYANG, DANDONG], ["rail"])
    assert "Sinŭiju" in route.legs[0].via or route.legs[0].end == "Sinŭiju"


def test_pyongyang_to_dandong_has_a_crossing_from_sinuiju(network: RailNetwork) -> None:
    route = _route(network, [PYONGYANG, DANDONG], ["rail"])
    assert _crossings(route) == [("Sinŭiju", "Dandong")]
    crossing = route.legs[-1]
    assert crossing.countries == ("KP", "CN")
    assert (crossing.start_timezone, crossing.end_timezone) == ("Asia/Pyongyang", "Asia/Shanghai")


def test_legs_inside_one_country_are_kind_leg(network: RailNetwork) -> None:
    route = _route(network, [PYONGYANG, DANDONG], ["rail"])
    assert route.legs[0].kind == "leg" and route.legs[0].countries == ("KP",)


def test_dandong_to_hanoi_passes_nanning_and_pingxiang(network: RailNetwork) -> None:
    names = _stations(_route(network, [DANDONG, HANOI], ["rail"]))
    assert names.index("Nanning") < names.index("Pingxiang") < names.index("Đồng Đăng")


def test_dandong_to_hanoi_crosses_into_vietnam_at_dong_dang(network: RailNetwork) -> None:
    route = _route(network, [DANDONG, HANOI], ["rail"])
    assert _crossings(route) == [("Pingxiang", "Đồng Đăng")]


def test_pyongyang_to_vladivostok_crosses_tumangang_to_khasan(network: RailNetwork) -> None:
    route = _route(network, [PYONGYANG, VLADIVOSTOK], ["rail"])
    assert _crossings(route) == [("Tumangang", "Khasan")]
    assert "Chongjin" in _stations(route)


def test_pyongyang_to_beijing_passes_shanhaiguan_and_tianjin(network: RailNetwork) -> None:
    names = _stations(_route(network, [PYONGYANG, BEIJING], ["rail"]))
    assert names.index("Dandong") < names.index("Shenyang") < names.index("Shanhaiguan")
    assert names.index("Shanhaiguan") < names.index("Tianjin") < names.index("Beijing")


def test_unnamed_border_station_resolves_to_dong_dang(network: RailNetwork) -> None:
    route = _route(network, [PYONGYANG, DANDONG, None, HANOI], ["rail", "rail", "road"])
    stop = route.stops[2]
    assert stop.place is not None and stop.place.kind == "station"
    assert (stop.name, stop.place.country, stop.inferred) == ("Đồng Đăng", "VN", True)


def test_unnamed_border_station_explains_itself(network: RailNetwork) -> None:
    route = _route(network, [PYONGYANG, DANDONG, None, HANOI], ["rail", "rail", "road"])
    assert route.stops[2].reason == (
        "No article names the station; the first station in VN on the line from CN toward Hanoi is Đồng Đăng."
    )


def test_unnamed_station_on_the_korean_border_resolves_to_khasan(network: RailNetwork) -> None:
    itinerary = _trip([PYONGYANG, None, VLADIVOSTOK], ["rail", "rail"],
                      description="a station on the Korean border", feature="station", border_of="KP")
    stop = plan_route(itinerary, network).stops[1]
    assert (stop.name, stop.inferred) == ("Khasan", True)
    assert stop.place is not None and stop.place.geonameid is None


def test_named_stop_missing_from_gazetteer_is_placed_at_the_station_so_named(network: RailNetwork) -> None:
    khasan = Stop(seq=1, name="Khasan", role="border", place=None, reason="Kim is reported at Khasan (“at”).")
    stops = (_stop(0, PYONGYANG, "origin"), khasan, _stop(2, VLADIVOSTOK, "destination"))
    route = plan_route(Itinerary(stops=stops, hops=(Hop(mode="rail"), Hop(mode="rail"))), network)
    stop = route.stops[1]
    assert stop.place is not None and stop.place.country == "RU"
    assert not stop.inferred
    assert "placed at the Khasan station" in stop.reason


def test_unnamed_stop_at_the_next_stops_station_says_they_may_be_one(network: RailNetwork) -> None:
    stop = _route(network, [PYONGYANG, None, DANDONG], ["rail", "rail"]).stops[1]
    assert stop.name == "Dandong" and "may be one" in stop.reason


def test_rail_distance_pyongyang_to_dong_dang_is_plausible(network: RailNetwork) -> None:
    route = _route(network, [PYONGYANG, DANDONG, None, HANOI], ["rail", "rail", "road"])
    rail_km = sum(leg.distance_km for leg in route.legs if leg.mode == "rail")
    # Published: ~4,000 km; chords between town centres run ~10% short of the winding track.
    assert 3_500 < rail_km < 4_500


def test_road_leg_is_approximate_with_the_road_factor(network: RailNetwork) -> None:
    route = _route(network, [PYONGYANG, DANDONG, None, HANOI], ["rail", "rail", "road"])
    road = route.legs[-1]
    straight = geodesic((21.95, 106.70), (HANOI.latitude, HANOI.longitude)).km
    assert (road.mode, road.approximate, road.end) == ("road", True, "Hanoi")
    assert road.distance_km == pytest.approx(straight * 1.3, rel=0.02)


def test_road_leg_uses_the_given_road_model(network: RailNetwork) -> None:
    itinerary = _trip([DANDONG, BEIJING], ["road"])
    one = plan_route(itinerary, network, RoadModel(1.0, "test"))
    two = plan_route(itinerary, network, RoadModel(2.0, "test"))
    assert two.legs[0].distance_km == pytest.approx(2 * one.legs[0].distance_km)


def test_air_leg_is_the_great_circle(network: RailNetwork) -> None:
    leg = _route(network, [PYONGYANG, HANOI], ["air"]).legs[0]
    straight = geodesic((PYONGYANG.latitude, PYONGYANG.longitude), (HANOI.latitude, HANOI.longitude)).km
    assert (leg.mode, leg.approximate) == ("air", False)
    assert leg.distance_km == pytest.approx(straight, rel=1e-3)
    assert len(leg.geometry.coords) > 10


def test_legs_are_numbered_in_travel_order(network: RailNetwork) -> None:
    route = _route(network, [PYONGYANG, DANDONG, None, HANOI], ["rail", "rail", "road"])
    assert [leg.seq for leg in route.legs] == list(range(len(route.legs)))
    for a, b in itertools.pairwise(route.legs):
        assert a.end == b.start


def test_legs_name_the_stops_they_start_and_end_at(network: RailNetwork) -> None:
    route = _route(network, [PYONGYANG, DANDONG, None, HANOI], ["rail", "rail", "road"])
    starts = [leg.from_stop for leg in route.legs if leg.from_stop is not None]
    ends = [leg.to_stop for leg in route.legs if leg.to_stop is not None]
    assert (starts, ends) == ([0, 1, 2], [1, 2, 3])


def test_legs_carry_the_quotes_of_their_hop(network: RailNetwork) -> None:
    from geo.model import Quote

    quote = Quote("crossed into China", "a1", "Reuters", 0, 18)
    stops = (_stop(0, PYONGYANG), _stop(1, DANDONG))
    route = plan_route(Itinerary(stops, (Hop("rail", quotes=(quote,)),)), network)
    assert all(leg.quotes == (quote,) for leg in route.legs)


def test_legs_say_when_the_mode_is_inferred(network: RailNetwork) -> None:
    stops = (_stop(0, PYONGYANG), _stop(1, DANDONG))
    hop = Hop("rail", mode_inferred=True, reason="a leader's train journey")
    route = plan_route(Itinerary(stops, (hop,)), network)
    assert all("mode (rail) is inferred: a leader's train journey" in leg.reason for leg in route.legs)


def test_rail_path_through_unnamed_stations_is_inferred(network: RailNetwork) -> None:
    route = _route(network, [PYONGYANG, DANDONG], ["rail"])
    assert route.legs[0].inferred_path and "Rail within KP" in route.legs[0].reason


def test_leg_distance_is_measured_on_the_full_geometry(network: RailNetwork) -> None:
    route = _route(network, [DANDONG, HANOI], ["rail"])
    for leg in route.legs:
        assert leg.distance_km == pytest.approx(line_km(leg.geometry))


def test_display_geometry_is_simplified_but_distance_is_not(network: RailNetwork) -> None:
    leg = _route(network, [DANDONG, HANOI], ["rail"]).legs[0]
    shown = display_geometry(leg, tolerance_deg=0.5)
    assert len(shown.coords) < len(leg.geometry.coords)
    assert leg.distance_km == pytest.approx(line_km(leg.geometry))
    assert DISPLAY_TOLERANCE_DEG > 0


def test_stop_off_the_network_is_snapped_and_said_so(network: RailNetwork) -> None:
    near_sinuiju = Place("Uiju", 40.19941, 124.53191, "KP", geonameid=2039623)
    leg = _route(network, [near_sinuiju, DANDONG], ["rail"]).legs[0]
    assert "Uiju" in leg.reason and "Sinŭiju" in leg.reason
    assert leg.geometry.coords[0] == pytest.approx((near_sinuiju.longitude, near_sinuiju.latitude))


def test_rail_hop_with_no_station_nearby_is_drawn_straight_and_approximate(network: RailNetwork) -> None:
    far = Place("Ulaanbaatar", 47.92, 106.92, "MN")
    leg = _route(network, [far, BEIJING], ["rail"]).legs[0]
    assert (leg.mode, leg.approximate, leg.inferred_path) == ("rail", True, True)
    assert "straight line" in leg.reason


def test_unnamed_border_place_at_the_start_is_the_nearest_border_station(network: RailNetwork) -> None:
    # "from a station on the Chinese border" to Pyongyang: China's border station nearest by rail is Dandong
    route = _route(network, [None, PYONGYANG, DANDONG], ["rail", "rail"])
    stop = route.stops[0]
    assert stop.place is not None and stop.place.name == "Dandong" and stop.inferred
    assert "the border station of CN nearest by rail to Pyongyang is Dandong" in stop.reason


def test_unnamed_first_stop_without_a_border_is_kept_unresolved_with_a_reason(network: RailNetwork) -> None:
    itinerary = _trip([None, PYONGYANG, DANDONG], ["rail", "rail"], description="a small station")
    stop = plan_route(itinerary, network).stops[0]
    assert stop.place is None and "no named stop comes before it" in stop.reason


def test_border_stop_on_a_path_that_crosses_no_border_is_kept_unresolved(network: RailNetwork) -> None:
    route = _route(network, [PYONGYANG, None, CHONGJIN], ["rail", "rail"])
    stop = route.stops[1]
    assert stop.place is None and "crosses no border into KP" in stop.reason


def test_route_goes_around_an_unresolvable_stop(network: RailNetwork) -> None:
    route = _route(network, [PYONGYANG, None, CHONGJIN], ["rail", "rail"])
    assert route.legs[0].from_stop == 0 and route.legs[-1].to_stop == 2
    assert "Routed around" in route.legs[0].reason


def test_no_placeable_stops_raise_route_error(network: RailNetwork) -> None:
    with pytest.raises(RouteError, match="fewer than two"):
        plan_route(_trip([PYONGYANG, None], ["rail"], description="a small station"), network)


def test_hops_not_matching_stops_raise_route_error(network: RailNetwork) -> None:
    with pytest.raises(RouteError, match="hops"):
        plan_route(_trip([PYONGYANG, DANDONG], []), network)


def test_geocoded_places_route_like_station_places(network: RailNetwork, geocoder: GazetteerGeocoder) -> None:
    places = [place_from_location(geocoder.geocode(name)) for name in ("Pyongyang", "Dandong")]
    route = _route(network, places, ["rail"])  # type: ignore[arg-type]
    assert _crossings(route) == [("Sinŭiju", "Dandong")]


def test_default_road_model_is_approximate_with_a_source() -> None:
    model = load_road_model()
    assert model.approximate and 1.0 < model.factor < 2.0 and model.source


@pytest.mark.parametrize("content", ["{", '{"factor": "x", "source": "s"}', '{"factor": 1.3}'])
def test_malformed_road_file_raises_data_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "road.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError):
        load_road_model(path)


def _legs_by_kind(route: Route, kind: str) -> list[Leg]:
    return [leg for leg in route.legs if leg.kind == kind]


def test_crossing_legs_are_short(network: RailNetwork) -> None:
    route = _route(network, [PYONGYANG, DANDONG, None, HANOI], ["rail", "rail", "road"])
    assert all(leg.distance_km < 30 for leg in _legs_by_kind(route, "crossing"))
