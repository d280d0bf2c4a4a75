"""GazetteerGeocoder: a real geopy geocoder over the offline gazetteer, ranking ambiguous names openly."""

from __future__ import annotations

import pytest
from geopy.distance import geodesic
from geopy.geocoders.base import Geocoder
from geopy.location import Location
from geopy.point import Point

from geo.errors import InputError
from geo.model import Place
from geo.places.gazetteer import Gazetteer
from geo.places.geocoder import GazetteerGeocoder, place_from_location

NANNING = (22.81667, 108.31667)
GUANGXI = "16"  # GeoNames admin1 code of Guangxi, China
JIANGXI = "03"  # GeoNames admin1 code of Jiangxi, China (the most populous Pingxiang)
RAW_KEYS = {
    "geonameid", "name", "country_code", "population", "admin1", "timezone",
    "latitude", "longitude", "feature_code", "kind", "why",
}  # fmt: skip


def _one(result: Location | list[Location] | None) -> Location:
    assert isinstance(result, Location)
    return result


def test_geocoder_is_a_geopy_geocoder(geocoder: GazetteerGeocoder) -> None:
    assert isinstance(geocoder, Geocoder)


def test_geocode_returns_a_geopy_location_with_coordinates(geocoder: GazetteerGeocoder) -> None:
    pyongyang = _one(geocoder.geocode("Pyongyang"))
    assert pyongyang.address == "Pyongyang, North Korea"
    assert pyongyang.latitude == pytest.approx(39.03, abs=0.05)
    assert pyongyang.longitude == pytest.approx(125.75, abs=0.05)


def test_raw_carries_the_documented_keys(geocoder: GazetteerGeocoder) -> None:
    assert set(_one(geocoder.geocode("Dandong")).raw) >= RAW_KEYS


@pytest.mark.parametrize(
    ("query", "timezone"),
    [("Pyongyang", "Asia/Pyongyang"), ("Hanoi", "Asia/Bangkok"), ("Dandong", "Asia/Shanghai")],
)
def test_raw_carries_the_geonames_time_zone(geocoder: GazetteerGeocoder, query: str, timezone: str) -> None:
    assert _one(geocoder.geocode(query)).raw["timezone"] == timezone


@pytest.mark.parametrize("query", ["Dong Dang", "Đồng Đăng"])
def test_vietnamese_border_town_is_found_with_or_without_diacritics(
    geocoder: GazetteerGeocoder, query: str
) -> None:
    raw = _one(geocoder.geocode(query)).raw
    assert (raw["country_code"], raw["admin1"]) == ("VN", "20")


def test_unknown_name_geocodes_to_none(geocoder: GazetteerGeocoder) -> None:
    assert geocoder.geocode("Qzxwvutopia") is None


def test_non_string_query_is_an_input_error(geocoder: GazetteerGeocoder) -> None:
    with pytest.raises(InputError):
        geocoder.geocode(42)  # type: ignore[arg-type]


def test_ambiguous_name_without_hints_picks_the_most_populous(geocoder: GazetteerGeocoder) -> None:
    raw = _one(geocoder.geocode("Pingxiang")).raw
    assert raw["admin1"] == JIANGXI
    assert "most populous" in raw["why"]
    assert "places named Pingxiang" in raw["why"]


def test_ambiguous_name_near_the_journey_picks_the_nearest(geocoder: GazetteerGeocoder) -> None:
    raw = _one(geocoder.geocode("Pingxiang", near=[NANNING])).raw
    assert raw["admin1"] == GUANGXI
    assert "km from the nearest other place of the journey" in raw["why"]


def test_why_gives_the_distance_in_km(geocoder: GazetteerGeocoder) -> None:
    raw = _one(geocoder.geocode("Pingxiang", near=[NANNING])).raw
    assert f"{raw['distance_km']:,.0f} km" in raw["why"]
    assert 150 < raw["distance_km"] < 200


def test_country_hint_ranks_that_country_first(geocoder: GazetteerGeocoder) -> None:
    raw = _one(geocoder.geocode("China", country_codes=["MX"])).raw
    assert (raw["kind"], raw["country_code"]) == ("city", "MX")
    assert "preferred country MX" in raw["why"]


def test_country_hint_is_a_preference_not_a_filter(geocoder: GazetteerGeocoder) -> None:
    raw = _one(geocoder.geocode("Pyongyang", country_codes="VN")).raw
    assert raw["country_code"] == "KP"


def test_strict_country_hint_filters(geocoder: GazetteerGeocoder) -> None:
    assert geocoder.geocode("Pyongyang", country_codes="VN", strict=True) is None


def test_country_hint_outranks_nearness(geocoder: GazetteerGeocoder) -> None:
    raw = _one(geocoder.geocode("China", country_codes="JP", near=[(25.7, -99.2)])).raw
    assert raw["country_code"] == "JP"


@pytest.mark.parametrize(("query", "code"), [("China", "CN"), ("Vietnam", "VN"), ("North Korea", "KP")])
def test_country_names_geocode_to_countries(geocoder: GazetteerGeocoder, query: str, code: str) -> None:
    raw = _one(geocoder.geocode(query)).raw
    assert (raw["kind"], raw["country_code"]) == ("country", code)


def test_exactly_one_false_lists_all_candidates_best_first(geocoder: GazetteerGeocoder) -> None:
    results = geocoder.geocode("Pingxiang", exactly_one=False, near=[NANNING])
    assert isinstance(results, list)
    assert len(results) >= 2
    assert results[0].raw["admin1"] == GUANGXI
    assert "ranked #2" in results[1].raw["why"]


def test_limit_caps_the_candidates(geocoder: GazetteerGeocoder) -> None:
    results = geocoder.geocode("Pingxiang", exactly_one=False, limit=2)
    assert isinstance(results, list)
    assert len(results) == 2


def test_reverse_finds_the_nearest_populated_place(geocoder: GazetteerGeocoder) -> None:
    raw = _one(geocoder.reverse((40.1006, 124.3981))).raw
    assert raw["name"] == "Sinŭiju"
    assert "km away" in raw["why"]


def test_reverse_accepts_a_geopy_point(geocoder: GazetteerGeocoder) -> None:
    assert _one(geocoder.reverse(Point(39.0339, 125.7543))).raw["name"] == "Pyongyang"


def test_reverse_in_the_open_ocean_is_none(geocoder: GazetteerGeocoder) -> None:
    assert geocoder.reverse((-48.9, -123.4)) is None


def test_place_from_location_keeps_the_gazetteer_facts(geocoder: GazetteerGeocoder) -> None:
    place = place_from_location(_one(geocoder.geocode("Pingxiang", near=[NANNING])))
    assert isinstance(place, Place)
    assert (place.name, place.country, place.admin1, place.timezone) == (
        "Pingxiang", "CN", GUANGXI, "Asia/Shanghai",
    )  # fmt: skip
    assert place.geonameid == 1798655
    assert "km" in place.why


def test_place_from_location_of_a_country_is_a_country(geocoder: GazetteerGeocoder) -> None:
    assert place_from_location(_one(geocoder.geocode("Vietnam"))).kind == "country"


def test_place_from_a_foreign_geocoders_location_uses_its_address(geocoder: GazetteerGeocoder) -> None:
    nominatim_like = Location(
        "Hà Nội, Việt Nam", Point(21.0285, 105.8542), {"address": {"country_code": "vn"}, "osm_id": 1}
    )
    place = place_from_location(nominatim_like)
    assert (place.name, place.country, place.geonameid) == ("Hà Nội", "VN", None)


def test_geocoder_constructed_without_a_gazetteer_opens_the_default_lazily(
    monkeypatch: pytest.MonkeyPatch, gazetteer_cache_dir: object
) -> None:
    monkeypatch.setenv("GEO_CACHE_DIR", str(gazetteer_cache_dir))
    lazy = GazetteerGeocoder()
    assert lazy._gazetteer is None
    assert _one(lazy.geocode("Dandong")).raw["country_code"] == "CN"


@pytest.mark.parametrize("point", [(43.0, 105.0), (23.0, 12.0), (40.1006, 124.3981)])
def test_reverse_agrees_with_a_brute_force_search(
    geocoder: GazetteerGeocoder, point: tuple[float, float]
) -> None:
    everything = geocoder.gazetteer.nearest(*point, radius_deg=8.0)
    expected = min(everything, key=lambda e: geodesic(point, (e.latitude, e.longitude)).km)
    assert _one(geocoder.reverse(point)).raw["geonameid"] == expected.geonameid


def test_near_accepts_geopy_points(geocoder: GazetteerGeocoder) -> None:
    raw = _one(geocoder.geocode("Pingxiang", near=[Point(*NANNING)])).raw
    assert raw["admin1"] == GUANGXI


def test_equally_near_candidates_fall_back_to_population(geocoder: GazetteerGeocoder) -> None:
    # Two places called Hanoi lie ~80 km apart; seen from the Vietnamese border both are "near".
    raw = _one(geocoder.geocode("Hanoi", near=[(21.9511, 106.69767)])).raw
    assert raw["population"] > 1_000_000
    assert "the most populous of 2" in raw["why"]


class _FakeOnline:
    """Stands in for Nominatim: answers one made-up name, counts calls, never touches the network."""

    def __init__(self) -> None:
        self.calls: list[str] = []

    def geocode(self, query: str, *, exactly_one: bool = True, **kwargs: object) -> Location | None:
        self.calls.append(query)
        if query != "Zorblatt Junction":
            return None
        raw = {"address": {"country_code": "mn"}}
        return Location("Zorblatt Junction, Mongolia", Point(47.9, 106.9), raw)


def test_fallback_is_asked_only_for_names_the_gazetteer_lacks(gazetteer: Gazetteer) -> None:
    online = _FakeOnline()
    coder = GazetteerGeocoder(gazetteer, fallback=online)
    assert coder.geocode("Pyongyang").raw["country_code"] == "KP"
    found = coder.geocode("Zorblatt Junction")
    assert online.calls == ["Zorblatt Junction"]
    assert found.raw["country_code"] == "MN" and found.raw["geonameid"] is None
    assert "found online" in found.raw["why"]


def test_without_fallback_unknown_names_stay_unknown(geocoder: GazetteerGeocoder) -> None:
    assert geocoder.geocode("Zorblatt Junction") is None


def test_border_words_rank_the_namesake_at_a_border_first(geocoder: GazetteerGeocoder) -> None:
    inland = _one(geocoder.geocode("Pingxiang"))
    at_border = _one(geocoder.geocode("Pingxiang", border=True))
    assert inland.raw["admin1"] != at_border.raw["admin1"]
    assert at_border.latitude < 23 and "within 40 km of another country" in at_border.raw["why"]


def test_a_far_larger_namesake_beats_a_village_nearer_the_journey(geocoder: GazetteerGeocoder) -> None:
    washington = (38.895, -77.036)
    location = geocoder.geocode("Anchorage", near=[washington])
    assert location is not None and location.raw["admin1"] == "AK"  # not the Kentucky village of 2,420
