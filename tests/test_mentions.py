"""Place mentions on the two bundled articles and on short texts: what counts as a place and what does not."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from geo.model import Article, Mention
from geo.places.airports import find_airfield
from geo.places.geocoder import GazetteerGeocoder
from geo.reading.events import find_people
from geo.reading.lexicon import load_lexicon
from geo.reading.mentions import find_mentions
from geo.reading.parse import parse_articles

TEXTS = Path(__file__).parent / "texts"
UTC = ZoneInfo("UTC")


def _mentions(article: Article, geocoder: GazetteerGeocoder) -> list[Mention]:
    """The article parsed once, then its place mentions."""
    return find_mentions(article, parse_articles([article])[article.id], geocoder)


def _short(text: str, geocoder: GazetteerGeocoder) -> list[Mention]:
    return _mentions(Article("t", text, datetime(2019, 1, 1, tzinfo=UTC)), geocoder)


@pytest.fixture(scope="session")
def reuters_mentions(reuters: Article, geocoder: GazetteerGeocoder) -> list[Mention]:
    return _mentions(reuters, geocoder)


@pytest.fixture(scope="session")
def nbc_mentions(nbc: Article, geocoder: GazetteerGeocoder) -> list[Mention]:
    return _mentions(nbc, geocoder)


def _text(name: str, published: datetime) -> Article:
    path = TEXTS / name
    return Article(id=path.stem, text=path.read_text(encoding="utf-8"), published=published, publisher="test")


def _names(mentions: list[Mention]) -> set[str]:
    return {m.text for m in mentions}


def test_every_mention_span_matches_its_text(reuters: Article, reuters_mentions: list[Mention]) -> None:
    assert reuters_mentions
    for m in reuters_mentions:
        assert reuters.text[m.start : m.end] == m.text
        assert m.sentence_start <= m.start < m.end <= m.sentence_end


def test_dateline_is_a_dateline_mention_of_seoul(reuters_mentions: list[Mention]) -> None:
    first = reuters_mentions[0]
    assert (first.kind, first.text, first.start) == ("dateline", "SEOUL", 0)
    assert first.place is not None and first.place.country == "KR"


def test_chinese_border_city_of_dandong_carries_hints(reuters_mentions: list[Mention]) -> None:
    dandong = next(m for m in reuters_mentions if m.text == "Dandong")
    assert dandong.kind == "name"
    assert dandong.place is not None and dandong.place.country == "CN"
    assert (dandong.country_hint, dandong.border_of, dandong.feature) == ("CN", "CN", "city")
    assert dandong.description == "the Chinese border city of Dandong"


def test_vietnams_capital_hanoi_is_hinted_vietnam(reuters_mentions: list[Mention]) -> None:
    hanoi = next(m for m in reuters_mentions if m.description == "Vietnam’s capital, Hanoi")
    assert hanoi.text == "Hanoi" and hanoi.country_hint == "VN"
    assert hanoi.place is not None and hanoi.place.country == "VN" and hanoi.place.why


def test_the_vietnamese_capital_hanoi_is_hinted_vietnam(nbc_mentions: list[Mention]) -> None:
    hanoi = next(m for m in nbc_mentions if m.description == "the Vietnamese capital Hanoi")
    assert (hanoi.text, hanoi.country_hint, hanoi.feature) == ("Hanoi", "VN", "city")


def test_station_on_the_chinese_border_is_a_descriptive_mention(reuters_mentions: list[Mention]) -> None:
    station = next(m for m in reuters_mentions if m.kind == "descriptive")
    assert station.text == station.description == "a station on the Chinese border"
    assert (station.place, station.feature, station.border_of) == (None, "station", "CN")


def test_person_names_hold_no_places(reuters_mentions: list[Mention], nbc_mentions: list[Mention]) -> None:
    found = _names(reuters_mentions) | _names(nbc_mentions)
    for word in ("Un", "Kim", "Chol", "Ho", "Yong", "Trong", "Biegun", "Givetash", "Wha", "Trump", "Jong"):
        assert word not in found


def test_organisations_and_events_are_not_places(
    reuters_mentions: list[Mention], nbc_mentions: list[Mention]
) -> None:
    found = _names(reuters_mentions) | _names(nbc_mentions)
    for word in (
        "Capella",
        "Asan",
        "Union",
        "State",
        "Summit",
        "Central",
        "Reuters",
        "Yonhap",
        "Canadian",
        "Nation",
        "Associated",
        "Korean",
        "Southeast Asian",
        "Worker",
        "Party",
        "Sentosa",
    ):
        assert word not in found


def test_countries_and_cities_are_found(reuters_mentions: list[Mention], nbc_mentions: list[Mention]) -> None:
    assert {"Pyongyang", "Dandong", "Hanoi", "China", "Vietnam", "Singapore", "Beijing"} <= _names(
        reuters_mentions
    )
    assert {"Pyongyang", "Hanoi", "Seoul", "London", "Vancouver", "Uganda"} <= _names(nbc_mentions)


def test_korean_peninsula_is_a_region(nbc_mentions: list[Mention]) -> None:
    peninsula = next(m for m in nbc_mentions if m.text == "Korean Peninsula")
    assert peninsula.place is not None and peninsula.place.kind == "region"


def test_well_known_namesake_wins_over_nearer_village(geocoder: GazetteerGeocoder) -> None:
    article = _text("beijing_2018.txt", datetime(2018, 6, 19, tzinfo=ZoneInfo("Asia/Shanghai")))
    paris = next(m for m in _mentions(article, geocoder) if m.text == "Paris")
    assert paris.place is not None and paris.place.country == "FR"


def test_name_missing_from_gazetteer_stays_unresolved_not_misplaced(geocoder: GazetteerGeocoder) -> None:
    article = _text("vostochny_2023.txt", datetime(2023, 9, 12, tzinfo=ZoneInfo("Europe/Moscow")))
    khasan = [m for m in _mentions(article, geocoder) if m.text == "Khasan"]
    assert khasan and all(m.place is None for m in khasan)
    assert khasan[0].country_hint == "RU" and khasan[0].border_of == "RU"


def test_region_name_before_region_word_is_not_a_city(geocoder: GazetteerGeocoder) -> None:
    article = _text("vostochny_2023.txt", datetime(2023, 9, 12, tzinfo=ZoneInfo("Europe/Moscow")))
    assert "Amur" not in _names(_mentions(article, geocoder))


def test_possessive_ends_a_name_and_the_person_after_it_is_no_place(geocoder: GazetteerGeocoder) -> None:
    mentions = _short("South Korea's Foreign Minister Kang Kyung Wha met Biegun.", geocoder)
    assert [(m.text, m.kind) for m in mentions] == [("South Korea", "name")]
    assert mentions[0].place is not None and mentions[0].place.country == "KR"


def test_institution_name_joined_across_for_is_no_place(geocoder: GazetteerGeocoder) -> None:
    mentions = _short("a fellow at the Asan Institute for Policy Studies in Seoul", geocoder)
    assert [m.text for m in mentions] == ["Seoul"]
    assert mentions[0].place is not None and mentions[0].place.country == "KR"


def test_surname_of_a_person_named_in_full_is_a_person(geocoder: GazetteerGeocoder) -> None:
    text = "Belarusian President Alexander Lukashenko spoke. Lukashenko left Minsk."
    article = Article("t", text, datetime(2019, 1, 1, tzinfo=UTC))
    parsed = parse_articles([article])[article.id]
    assert [m.text for m in find_mentions(article, parsed, geocoder)] == ["Minsk"]
    people = find_people(parsed, load_lexicon())
    assert people.full == ("Alexander Lukashenko",)
    assert people.resolve("Lukashenko") == "Alexander Lukashenko"
    assert [name for _, name, _ in people.positions] == ["Alexander Lukashenko", "Alexander Lukashenko"]


def test_demonym_is_a_hint_not_a_mention(geocoder: GazetteerGeocoder) -> None:
    assert _names(_short("Canadian officials met in Ottawa.", geocoder)) == {"Ottawa"}


def test_word_that_is_also_a_village_needs_evidence(geocoder: GazetteerGeocoder) -> None:
    assert _short("The Summit ended. Union leaders and Kim Jong Un spoke of Hope.", geocoder) == []


def test_country_after_a_name_hints_the_name(geocoder: GazetteerGeocoder) -> None:
    mentions = _short("The convoy reached Pingxiang, China at dawn.", geocoder)
    town = next(m for m in mentions if m.text == "Pingxiang")
    assert town.country_hint == "CN" and town.place is not None and town.place.country == "CN"


def test_bylines_name_people_not_places(geocoder: GazetteerGeocoder) -> None:
    text = "By Linda Givetash\nReporting by Josh Smith in Seoul"
    article = Article("t", text, datetime(2019, 1, 1, tzinfo=UTC))
    parsed = parse_articles([article])[article.id]
    assert [(m.text, m.kind) for m in find_mentions(article, parsed, geocoder)] == [("Seoul", "name")]
    # the byline's reporter is nobody whose trip is told; the reporting line still names a person
    assert find_people(parsed, load_lexicon()).full == ("Josh Smith",)


def test_a_name_beside_the_word_border_is_the_namesake_at_a_border(geocoder: GazetteerGeocoder) -> None:
    plain = _short("The delegation stopped in Pingxiang for lunch.", geocoder)
    border = _short("A locomotive pulled the carriages across the border from Pingxiang.", geocoder)
    assert plain[0].place is not None and plain[0].place.latitude > 27  # the big inland city
    assert border[0].place is not None and border[0].place.latitude < 23  # the frontier town
    assert "border" in border[0].place.why


def test_a_border_a_clause_away_does_not_put_the_name_at_a_border(geocoder: GazetteerGeocoder) -> None:
    """The lead's border is East Germany's, not Warsaw's: the capital of a million and a half, not the
    Virginia village of 1,500 that lies nearer the Washington of the last paragraph."""
    mentions = _short(
        "The chancellor flew back to Warsaw on Saturday to resume a visit he had broken off to be in Berlin "
        "after East Germany threw open its border.\n\nThe union leader is due in Washington next week.",
        geocoder,
    )
    warsaw = next(m for m in mentions if m.text == "Warsaw")
    assert warsaw.place is not None and warsaw.place.country == "PL"


def test_small_namesake_far_away_in_a_country_never_named_is_no_place(geocoder: GazetteerGeocoder) -> None:
    mentions = _short(
        "Putin flew from Moscow to Vladivostok, Russia's main Pacific port, on Tuesday.", geocoder
    )
    assert _names(mentions) == {"Moscow", "Vladivostok", "Russia"}


def test_a_name_after_a_kin_noun_is_a_person_not_a_place(geocoder: GazetteerGeocoder) -> None:
    mentions = _short("Nixon and his wife Pat spent two nights in Honolulu.", geocoder)
    assert [m.text for m in mentions] == ["Honolulu"]


def test_an_airport_named_after_its_city_outside_the_capitalised_run(geocoder: GazetteerGeocoder) -> None:
    mentions = _short("Charles had landed at Berlin Brandenburg airport on Wednesday afternoon.", geocoder)
    assert [(m.text, m.place and m.place.name) for m in mentions] == [("Berlin Brandenburg", "Berlin")]


def test_an_airfield_gazetteer_lacks_is_found_by_its_own_words(geocoder: GazetteerGeocoder) -> None:
    # GeoNames cities500 lists towns, not airfields: the airportsdata table has them, by a writer's wording
    text = ("Air Force One reached Yokota air base on Sunday. The Queen landed at Casement Aerodrome, and "
            "the pope flew from Fiumicino airport.")
    found = {m.text: m.place for m in _short(text, geocoder)}
    yokota, casement, fiumicino = found["Yokota"], found["Casement Aerodrome"], found["Fiumicino"]
    assert yokota is not None and yokota.name == "Fussa" and "Yokota Air Base serves Fussa" in yokota.why
    # no town of its own near it: the air base itself, at its place
    assert casement is not None and casement.name == "Casement Air Base" and casement.geonameid is None
    assert abs(casement.latitude - 53.30) < 0.05 and casement.timezone == "Europe/Dublin"
    assert fiumicino is not None and fiumicino.name == "Rome"  # the airport serves Rome, not Fiumicino town
    # an airport's bare name is the airport only in a flight; elsewhere it is the town of that name
    landed = _short("The papal plane landed at Fiumicino shortly after 4pm.", geocoder)
    walked = _short("The pope once walked the beach at Fiumicino.", geocoder)
    assert [m.place.name for m in landed if m.place] == ["Rome"]
    assert [m.place.name for m in walked if m.place] == ["Fiumicino"]
    # "London Heathrow Airport" goes by "Heathrow"; a flight said in the verb's words ("on a … flight")
    left = _short("The King left Heathrow early on Thursday on a scheduled commercial flight.", geocoder)
    assert [m.place.name for m in left if m.place] == ["London"]  # not Heathrow, Florida


def test_an_airfield_is_named_by_an_airfields_words_and_the_kind_the_writer_says() -> None:
    assert find_airfield("Vladivostok Station") is None  # a railway station, not Vladivostok's airport
    assert find_airfield("Air China") is None
    # "Iwakuni Marine Corps Air Station" in the table, told the other way round
    iwakuni = find_airfield("Marine Corps Air Station Iwakuni")
    assert iwakuni is not None and iwakuni.iata == "IWK"
    # namesakes: an air base when the writer says one (not Andrews Airport in Georgia)
    andrews = find_airfield("Andrews Air Force Base")
    assert andrews is not None and andrews.iata == "ADW" and andrews.military


def test_the_state_of_a_name_is_no_town_and_an_old_name_near_the_story_beats_a_namesake_abroad(
    geocoder: GazetteerGeocoder,
) -> None:
    mentions = _short("He visited a farm in the surrounding state of Brandenburg near Berlin.", geocoder)
    assert [m.text for m in mentions] == ["Berlin"]
    text = "Macron flew from Beijing to Guangzhou - Canton, as the French still call it."
    mentions = _short(text, geocoder)
    assert {m.place.name for m in mentions if m.place is not None} == {"Beijing", "Guangzhou"}


def test_a_place_with_the_name_only_as_another_name_does_not_outweigh_the_near_one(
    geocoder: GazetteerGeocoder,
) -> None:
    # Belém (1.5 million) is also called "Bethlehem"; the Bethlehem meant lies beside Jerusalem, not in South
    # Africa (91,000) either, whom Belém's size would otherwise have let population pick
    text = "Biden toured a hospital in Jerusalem, then drove south past the separation barrier to Bethlehem."
    found = {m.text: m.place for m in _short(text, geocoder)}
    bethlehem = found["Bethlehem"]
    assert bethlehem is not None and (bethlehem.country, bethlehem.geonameid) == ("PS", 284315)


def test_a_named_island_is_a_region_not_a_town_it_is_another_name_of(geocoder: GazetteerGeocoder) -> None:
    text = "Mr Sunak had just got back from the G20 in Bali. He flew from Warsaw to Rzeszów."
    mentions = _short(text, geocoder)
    bali = [m for m in mentions if m.text == "Bali"]
    # GeoNames gives "Bali" as another name of Bari, Italy; the island is a region of the lexicon
    assert all(m.place is None or m.place.country != "IT" for m in bali)
    assert {m.place.name for m in mentions if m.place and m.text != "Bali"} == {"Warsaw", "Rzeszów"}


def test_the_capital_is_the_one_the_story_names_not_that_of_the_country_just_crossed(
    geocoder: GazetteerGeocoder,
) -> None:
    text = ("Sunak makes first Kyiv visit as PM\n\n"
            "Rishi Sunak has made an unannounced trip to Kyiv.\n\n"
            "He landed in Rzeszów in south-eastern Poland late on Friday and took an overnight train. "
            "The train carrying him reached the capital on Saturday morning.")
    capital = next(m for m in _short(text, geocoder) if m.text == "the capital")
    # Poland is the country told just before, but the article never names Warsaw; it names Kyiv
    assert capital.place is not None and capital.place.name == "Kyiv"


def test_a_station_named_by_a_word_many_cities_use_is_no_town(geocoder: GazetteerGeocoder) -> None:
    text = "A special train left Union Station at 11 p.m. and ran through the night to Newport News."
    # "Union Station" is in Washington (or Chicago, or Toronto), not in Union, New Jersey
    assert [m.text for m in _short(text, geocoder)] == ["Newport News"]
    kazansky = _short("The train eased into Kazansky station in Moscow.", geocoder)
    assert {m.place.name for m in kazansky if m.place} == {"Moscow"}  # a station named after its line's end


def test_an_airfield_named_once_is_that_airfield_by_its_short_name(geocoder: GazetteerGeocoder) -> None:
    # newest first, as a live blog: the short name comes before the full one, and the gazetteer lacks it
    text = ("The royal motorcade has reached the VIP terminal at Faleolo.\n\n"
            "The plane touched down at Faleolo International Airport, some 35 km west of Apia.")
    found = {m.text: m.place for m in _short(text, geocoder)}
    short, full = found["Faleolo"], found["Faleolo International Airport"]
    assert short is not None and short == full and short.name == "Apia"
    assert "Faleolo" not in {m.text for m in _short("The motorcade reached Faleolo.", geocoder)}


def test_a_name_spelt_without_its_okina_is_the_place(geocoder: GazetteerGeocoder) -> None:
    # far from every other place the article names, a match through another spelling would be dropped
    text = "The King flew from London to Sydney. On Saturday he visited Siumu, a village on Samoa's coast."
    found = {m.text: m.place for m in _short(text, geocoder)}
    siumu = found["Siumu"]
    assert siumu is not None and siumu.geonameid == 4035023


def test_a_name_with_a_particle_and_its_short_form_are_one_place(geocoder: GazetteerGeocoder) -> None:
    text = ("The pope flew on to Santiago de Cuba on Monday. On Tuesday he returned to Santiago to meet "
            "families at the cathedral.")
    found = [(m.text, m.place and m.place.geonameid) for m in _short(text, geocoder)]
    assert found == [("Santiago de Cuba", 3536729), ("Santiago", 3536729)]  # not Santiago, Chile


def test_a_name_joined_by_of_is_one_place_not_the_country_at_its_end(geocoder: GazetteerGeocoder) -> None:
    text = "The prime minister flew from Port of Spain to Bridgetown, then sailed on to the Isle of Man."
    found = [(m.text, m.place and m.place.name) for m in _short(text, geocoder)]
    assert found == [
        ("Port of Spain", "Port of Spain"), ("Bridgetown", "Bridgetown"), ("Isle of Man", "Isle of Man"),
    ]


def test_an_airport_left_by_taking_off_is_the_town_it_serves(geocoder: GazetteerGeocoder) -> None:
    text = "An Alitalia A330 carrying Francis took off from Fiumicino and set down at Holguin."
    found = {m.text: m.place and m.place.name for m in _short(text, geocoder)}
    assert found["Fiumicino"] == "Rome"


def test_a_hamlet_of_a_country_never_named_is_a_namesake(geocoder: GazetteerGeocoder) -> None:
    text = ("The Queen flew from London to Dublin. Her car turned into the Irish National Stud at Tully, "
            "outside Kildare town. Her motorcade went to Áras an Uachtaráin in the Phoenix Park.")
    found = {m.text: m.place for m in _short(text, geocoder)}
    assert found.get("Tully") is None  # not Tully in the Somme, 250 km from London and nearer nothing else
    assert "Áras" not in found  # part of a longer name, not Årås in Norway
    assert found["Kildare"] is not None and found["Kildare"].country == "IE"


def test_the_cosmodrome_is_the_site_named_before_it(geocoder: GazetteerGeocoder) -> None:
    text = ("Putin said he would go to the Vostochny Cosmodrome. Kim's train appeared to be heading for the "
            "cosmodrome. Yoon landed at an airport in south-eastern Poland.")
    found = {m.text: m.place for m in _short(text, geocoder)}
    assert found["the cosmodrome"] is not None and found["the cosmodrome"].name == "Vostochny Cosmodrome"
    assert not any("airport" in name for name in found)  # nothing named before it: no place


def test_a_name_once_an_airfield_is_the_airfield_everywhere(geocoder: GazetteerGeocoder) -> None:
    """"should land at Fiumicino" makes "a flight out of Fiumicino" Rome's airport too, not the town."""
    text = (
        "The plane should land at Fiumicino at about 6.25pm. The journey began with a 13-hour overnight "
        "flight "
        "out of Fiumicino."
    )
    assert [m.place.name for m in _short(text, geocoder) if m.place] == ["Rome", "Rome"]


def test_the_airport_after_the_story_moved_to_another_country_is_that_towns(
    geocoder: GazetteerGeocoder,
) -> None:
    """A site named long before in another country is not "the airport" of the town the story is now in
    (Singapore, a city-state, counts as a town); "into the city" is not the city a flight came from."""
    text = (
        "He flew out of Rome and landed at Fiumicino on Friday. His plane reached Singapore at 2.52pm. "
        "Before heading "
        "to the airport, he met young people. After a flight of some four hours from Moscow, a convoy "
        "carried "
        "him into the city."
    )
    named = {m.text: m.place.name for m in _short(text, geocoder) if m.place}
    assert named["the airport"] == "Singapore"
    assert named["the city"] == "Singapore"


def test_a_us_state_is_an_area_and_an_ocean_word_is_no_town(geocoder: GazetteerGeocoder) -> None:
    """"after leaving Maryland" is the state, not Maryland City; New York and Washington stay the cities;
    "the Atlantic port of Lobito" is Lobito, not Atlantic, Iowa."""
    found = {m.text: m for m in _short(
        "Biden toured the Atlantic port of Lobito, more than 13 hours after leaving Maryland. He had flown "
        "from Washington via New York.", geocoder)}
    assert "Atlantic" not in found and found["Lobito"].place is not None
    assert found["Maryland"].is_area and found["Maryland"].place is not None
    assert found["Maryland"].place.name == "Maryland"
    assert not found["Washington"].is_area and not found["New York"].is_area


def test_an_airfield_named_with_its_words_in_another_order(geocoder: GazetteerGeocoder) -> None:
    """"Ireland West Airport Knock" is the table's "Ireland West Knock Airport", not the country Ireland."""
    [mention] = _short("Air Force One carried him to Ireland West Airport Knock.", geocoder)
    assert mention.place is not None and mention.place.country == "IE" and "Knock" in mention.place.name


def test_a_well_known_city_by_another_name_far_from_the_other_places(geocoder: GazetteerGeocoder) -> None:
    """"Quebec City" is GeoNames' Québec even 3,000 km from Edmonton, the other place of the text."""
    found = _short("He left Edmonton on Wednesday morning and landed in Quebec City at 2.43pm.", geocoder)
    assert [(m.text, m.place.name if m.place else None) for m in found] == [
        ("Edmonton", "Edmonton"), ("Quebec City", "Québec")
    ]


def test_a_remote_dateline_is_no_stray_nor_a_nearer_namesake(geocoder: GazetteerGeocoder) -> None:
    """Saipan lies thousands of km from the article's other places and the Philippine hamlet Sapian is
    nearer them; the dateline says where the reporter is, and the country named with it counts as named."""
    mentions = _short(
        "SAIPAN, Northern Mariana Islands, June 26 (Test Wire) - The jet left Saipan for Canberra after a "
        "stop in Bangkok on the way from London.",
        geocoder,
    )
    saipan = [m for m in mentions if m.text.casefold() == "saipan"]
    assert saipan and all(m.place is not None and m.place.country == "MP" for m in saipan)


def test_the_capital_reached_is_not_that_of_the_town_the_journey_began_in(
    geocoder: GazetteerGeocoder,
) -> None:
    """"ending a run that had begun in Pyongyang … His motorcade then covered the 170 km to the capital",
    told at a Vietnamese station: where the run began is a place left, so "the capital" is Hanoi."""
    mentions = _short(
        "The train pulled into Lang Son at about 8:15 on Tuesday, ending a run of some 4,000 km that had "
        "begun in Pyongyang on Saturday afternoon. His motorcade then covered the 170 km to the capital.",
        geocoder,
    )
    [capital] = [m for m in mentions if m.text == "the capital"]
    assert capital.place is not None and capital.place.name == "Hanoi"


def test_the_city_after_the_capital_described_is_that_capital(geocoder: GazetteerGeocoder) -> None:
    """"Olaf Scholz had flown in from Berlin. … the train eased into the capital's central station … met up
    with them in the city": the capital told just before, not Berlin."""
    mentions = _short(
        "Mario Draghi took the night train into Ukraine. Olaf Scholz had flown in from Berlin.\n\n"
        "Roughly ten hours after leaving Poland, the train eased into the capital's central station. "
        "Romania's president met up with them in the city.",
        geocoder,
    )
    [city] = [m for m in mentions if m.text == "the city"]
    assert city.place is not None and city.place.name == "Kyiv"


def test_a_thing_of_his_once_also_a_towns_name_is_no_place(geocoder: GazetteerGeocoder) -> None:
    """"in his Packard": Otis, Indiana, was once called Packard; a possessed name the gazetteer knows only
    as another name is a thing, not a place."""
    mentions = _short("The first plan was to drive Stalin from Baku into Iran in his Packard.", geocoder)
    assert [m.text for m in mentions] == ["Baku", "Iran"]


def test_an_air_base_is_no_civil_airfield_that_merely_has_its_name_inside() -> None:
    """"Clark Air Base" (the Philippines) is not "Stephenville Clark Regional Airport" in Texas; "RAF
    Mildenhall" and "Andersen Air Force Base" are still found."""
    assert find_airfield("Clark Air Base") is None
    mildenhall = find_airfield("RAF Mildenhall")
    assert mildenhall is not None and mildenhall.country == "GB"
    andersen = find_airfield("Andersen Air Force Base")
    assert andersen is not None and andersen.country == "GU"


def test_a_name_of_towns_abroad_is_the_bigger_place_of_a_country_the_article_names(
    geocoder: GazetteerGeocoder,
) -> None:
    """"Las Palmas" is Las Palmas de Gran Canaria when Spain is in the story, not a Mexican town."""
    text = ("LIVE: Morales heads home\n\nThe Bolivian jet took off from Vienna at 11h52. It has landed "
            "at Las Palmas to take on fuel. Madrid only confirmed the stopover in Spain this morning. "
            "Next: La Paz.")
    [palmas] = [m for m in _short(text, geocoder) if m.text == "Las Palmas"]
    assert palmas.place is not None and palmas.place.country == "ES"


def test_a_title_case_headlines_small_words_are_not_part_of_the_name(geocoder: GazetteerGeocoder) -> None:
    """"… Enters Havana Atop a Tank": the capitalised preposition is no part of a name "Havana Atop"."""
    text = "Rebel Chief Enters Havana Atop a Tank as Victory Ride Ends\n\nSANTIAGO (Wire) - He spoke.\n"
    found = [(m.text, m.place.name if m.place else None) for m in _short(text, geocoder)]
    assert ("Havana", "Havana") in found


def test_a_bare_town_of_the_country_a_story_is_told_in_is_that_town(geocoder: GazetteerGeocoder) -> None:
    """"Holguin turned out for him": in a story among Cuban towns, a bare Cuban town's name is the town even
    where the small model reads a person; a titled name still is a person ("Maj. Holguin")."""
    text = (
        "Column crosses the island\n\n"
        "BAYAMO (Wire) - The column left Santiago de Cuba on Friday and reached Bayamo that night. "
        "Holguin turned out for it on Saturday, and it rode into Camaguey on Sunday.\n"
    )
    found = {m.text: m.place.name if m.place else None for m in _short(text, geocoder)}
    assert found.get("Holguin") == "Holguín"
    titled = text.replace("Holguin turned out", "Maj. Holguin turned out")
    assert "Holguin" not in {m.text for m in _short(titled, geocoder)}


def test_a_ships_name_and_a_memorials_name_are_no_places(geocoder: GazetteerGeocoder) -> None:
    """"laid a wreath at the USS Missouri Memorial": neither a ship's prefix nor a building's noun after a
    state's name leaves the state as a place of the story."""
    found = _short("The premier laid a wreath at the USS Missouri Memorial and toured HMS Victory.", geocoder)
    assert [m.text for m in found] == []


def test_a_town_of_a_state_the_story_names_is_that_states(geocoder: GazetteerGeocoder) -> None:
    """"COON RAPIDS, Iowa … from Des Moines": Des Moines, Iowa, not the smaller Des Moines in Washington
    state; a namesake far bigger than the state's town (Washington, DC) is still meant."""
    found = _short(
        "COON RAPIDS, Iowa (Test Wire) - The premier drove in from Des Moines on Wednesday. He had flown "
        "there from San Francisco, and flies on to Washington.", geocoder)
    places = {m.text: (m.place.admin1, m.place.geonameid) for m in found if m.place}
    assert places["Des Moines"][0] == "IA"
    assert places["Washington"][1] == 4140963


def test_states_that_no_longer_exist_are_areas_of_todays_countries(geocoder: GazetteerGeocoder) -> None:
    """"an official visit to the GDR": an area (no stop), as "East Germany" and "the USSR" are."""
    found = _short("He paid an official visit to the GDR after touring the USSR and East Germany.", geocoder)
    assert [(m.text, m.place.kind if m.place else None) for m in found] == [
        ("GDR", "country"), ("USSR", "country"), ("East Germany", "country")]


def test_an_airport_is_found_by_the_end_of_its_full_name() -> None:
    """"Benito Juárez International Airport" is the table's "Licenciado Benito Juarez International
    Airport"; a one-word tail ("Kennedy airport") could be any of several and finds none."""
    mexico = find_airfield("Benito Juárez International Airport")
    assert mexico is not None and mexico.city == "Mexico City"
    assert find_airfield("Kennedy airport") is None


def test_a_bare_airport_name_is_the_airport_of_the_town_it_serves(geocoder: GazetteerGeocoder) -> None:
    """"about four hours after leaving Haneda": Tokyo's airport (data/landmarks.json), not the district of
    Haneda that GeoNames lists as a town of its own; "the Vardø section of the coast road" is Vardø."""
    found = _short(
        "Emperor home\n\nTOKYO (Test Wire) - The aircraft landed in Beijing about four hours after leaving "
        "Haneda.\n", geocoder)
    assert {m.text: m.place.name for m in found if m.place is not None}.get("Haneda") == "Tokyo"
    found = _short(
        "King in the north\n\nKIRKENES (Test Wire) - The king landed in Kirkenes on Saturday. A motorcade "
        "took him to the Vardø section of the coast road.\n", geocoder)
    assert {m.text: m.place.name for m in found if m.place is not None}.get("Vardø") == "Vardø"


def test_back_to_the_capital_from_a_town_is_that_towns_capital(geocoder: GazetteerGeocoder) -> None:
    """"had flown back to the capital on Friday from Alexandria", in a story whose lead has him leave for
    Saudi Arabia: Cairo, the capital named before, not Riyadh; "the Mediterranean port" names no town."""
    text = (
        "Nixon leaves Egypt\n\nCAIRO, June 14 (Test Wire) - President Nixon left Cairo for Saudi Arabia on "
        "Friday.\n\nNixon had flown back to the capital on Friday morning from Alexandria.\n\nThe two "
        "leaders reached the Mediterranean port early in the afternoon on Thursday.\n"
    )
    found = _short(text, geocoder)
    capital = next(m for m in found if m.text == "the capital")
    assert capital.place is not None and capital.place.name == "Cairo"
    assert not any("Mediterranean" in m.text for m in found)


def test_reaching_the_palace_of_a_town_reaches_the_town(geocoder: GazetteerGeocoder) -> None:
    text = (
        "Emperor nears the capital\n\n"
        "PARIS (Wire) - The emperor left Sens on Sunday and reached the palace of Fontainebleau before "
        "dawn.\n"
    )
    assert "Fontainebleau" in [m.text for m in _short(text, geocoder)]


def test_a_name_two_places_share_with_a_preposition_between_them_is_both(geocoder: GazetteerGeocoder) -> None:
    # the small model reads "Sisteron to Grenoble" as one organisation's name
    text = (
        "The column crosses the hills\n\n"
        "PARIS (Wire) - The general rested in Gap on Sunday. He pushed on through Sisteron to Grenoble on "
        "Monday, his men singing.\n"
    )
    assert {"Sisteron", "Grenoble"} <= {m.text for m in _short(text, geocoder)}


def test_an_old_name_of_a_great_city_is_that_city_when_nothing_sits_near_its_namesake(
    geocoder: GazetteerGeocoder,
) -> None:
    text = (
        "Delegate reaches London\n\n"
        "LONDON, Sept. 13 - Mr Desai will stay in the East End. He sailed from Bombay on 29 August in the "
        "liner Ranchi.\n"
    )
    [bombay] = [m for m in _short(text, geocoder) if m.text == "Bombay"]
    assert bombay.place is not None and bombay.place.country == "IN"


def test_a_capitalised_adjective_on_a_noun_is_no_place(geocoder: GazetteerGeocoder) -> None:
    text = (
        "Tsar abdicates\n\n"
        "PSKOV (Wire) - The train pulled out of Mogilev on 13 March, 28 February in the Julian calendar "
        "Russia then kept.\n"
    )
    assert "Julian" not in [m.text for m in _short(text, geocoder)]


def test_a_shipping_line_before_a_named_liner_is_no_place(geocoder: GazetteerGeocoder) -> None:
    text = "At Gibraltar she moved to the Orient liner Orontes, which docked at Southampton."
    mentions = _short(text, geocoder)
    assert [m.text for m in mentions if m.place is not None] == ["Gibraltar", "Southampton"]


def test_a_flight_to_a_sizeable_town_with_an_airport_is_that_town(geocoder: GazetteerGeocoder) -> None:
    # Entebbe (some 100,000 people) has the airport that serves Kampala, 35 km away; a bare Fiumicino
    # (35,000) is still Rome's airport
    mentions = _short("A Dakota flew them west to Entebbe. A week later they flew into Fiumicino.", geocoder)
    places = {m.text: m.place.name for m in mentions if m.place is not None}
    assert places == {"Entebbe": "Entebbe", "Fiumicino": "Rome"}


def test_a_town_the_model_tags_as_a_person_is_a_place_where_a_move_goes(geocoder: GazetteerGeocoder) -> None:
    # the small model tags "Patras" PERSON, and the gazetteer knows it only as another name of Pátra
    mentions = _short("From Piraeus he took the train to Patras, where he boarded a liner.", geocoder)
    assert [(m.text, m.place.name) for m in mentions if m.place is not None] == [
        ("Piraeus", "Piraeus"), ("Patras", "Pátra")]


def test_the_nations_of_britain_are_regions_not_american_towns(geocoder: GazetteerGeocoder) -> None:
    # the gazetteer's only "England" is a town in Arkansas, its "Scotland"s are in the United States
    mentions = _short("He sailed to England, drove on to Scotland and flew home from Britain.", geocoder)
    places = [(m.text, m.place.kind, m.place.country) for m in mentions if m.place is not None]
    assert places == [("England", "region", "GB"), ("Scotland", "region", "GB"), ("Britain", "region", "GB")]


def test_a_short_name_takes_a_longer_one_only_told_before_it(geocoder: GazetteerGeocoder) -> None:
    text = (
        "Paris greets the President\n\n"
        "PARIS (Wire) - The liner anchored off Brest at three o'clock, and the President's train left Brest "
        "for Paris at five. Until now Brest meant to most the treaty signed at Brest-Litovsk.\n"
    )
    mentions = _short(text, geocoder)
    countries = {m.text: m.place.country for m in mentions if m.place is not None and "Brest" in m.text}
    assert countries == {"Brest": "FR", "Brest-Litovsk": "BY"}


def test_a_place_named_with_the_is_found(geocoder: GazetteerGeocoder) -> None:
    text = (
        "Minister at the court\n\n"
        "AMSTERDAM (Wire) - The minister landed in the Netherlands on Sunday and was driven to The Hague.\n"
    )
    places = [(m.text, m.place.name) for m in _short(text, geocoder) if m.place is not None]
    assert ("Netherlands", "The Netherlands") in places and ("Hague", "The Hague") in places


def test_an_airfield_named_once_is_that_airfield_by_its_bare_name(geocoder: GazetteerGeocoder) -> None:
    text = (
        "Minister home\n\n"
        "OSLO (Wire) - The minister landed at Amsterdam's Schiphol airport on Sunday. On Friday she was "
        "driven back to Schiphol for the flight home.\n"
    )
    placed = [(m.text, m.place.name) for m in _short(text, geocoder) if m.place is not None]
    assert placed.count(("Schiphol", "Amsterdam")) == 2


def test_a_great_airport_left_by_its_bare_name_is_that_airport(geocoder: GazetteerGeocoder) -> None:
    """"the pair left Heathrow": the towns called Heathrow are villages (Heathrow, Florida), so the name
    after a move is London's airport, which stands for London."""
    found = _short("The pair left Heathrow after saying goodbye.", geocoder)
    [m] = [m for m in found if m.text == "Heathrow"]
    assert m.place is not None and (m.place.name, m.place.country) == ("London", "GB")
    # a stay is no flight, and a hotel named with an airfield's words alone is no airport (Querétaro
    # Intercontinental)
    found = _short("Good morning from Geneva. Biden spent the night at the InterContinental.", geocoder)
    assert all(m.place is None or m.place.country != "MX" for m in found)


def test_the_airport_is_that_of_the_town_last_gone_to_since(geocoder: GazetteerGeocoder) -> None:
    """After a German air base, the story moves to India: "the airport" is New Delhi's, the town the story
    last goes to, not Jaffrabad, a district named for clashes there."""
    text = (
        "After a refuelling stop at Ramstein Air Base, the jet reached New Delhi on Monday. Trump spent the "
        "night in New Delhi. Clashes broke out in districts including Jaffrabad. After a banquet, the "
        "motorcade headed to the airport."
    )
    [m] = [m for m in _short(text, geocoder) if m.text == "the airport"]
    assert m.place is not None and m.place.name == "New Delhi"


def test_a_town_owning_a_station_is_that_town(geocoder: GazetteerGeocoder) -> None:
    """"Baltimore's President Street station": a town's station, not a saint's building (the "Street" of
    the station's own name does not make "Baltimore" part of a building's name)."""
    found = _short("At around 3.30 a.m. the car reached Baltimore's President Street station.", geocoder)
    assert any(m.text == "Baltimore" and m.place is not None and m.place.country == "US" for m in found)


def test_a_joint_base_is_found_by_its_first_airfield(geocoder: GazetteerGeocoder) -> None:
    """"Joint Base Elmendorf-Richardson" merged Elmendorf Air Force Base with an army post: it is
    Elmendorf's airfield, which serves Anchorage."""
    found = _short("The plane landed at Joint Base Elmendorf-Richardson on Friday.", geocoder)
    assert [(m.text, m.place and m.place.name) for m in found] == [
        ("Joint Base Elmendorf-Richardson", "Anchorage")
    ]


def test_either_half_of_the_divided_city_is_berlin(geocoder: GazetteerGeocoder) -> None:
    """"left East Berlin", "flew on to West Berlin": Berlin, Germany (data/landmarks.json), not the borough
    of East Berlin in Pennsylvania that GeoNames lists under that name."""
    found = _short(
        "Leader abroad\n\nBONN (Test Wire) - The East German leader left East Berlin on Monday and landed at "
        "Cologne. He flew on to West Berlin on Friday.\n", geocoder)
    places = {m.text: (m.place.name, m.place.country) for m in found if m.place is not None}
    assert places["East Berlin"] == ("Berlin", "DE") and places["West Berlin"] == ("Berlin", "DE")


def test_a_namesake_among_the_storys_places_beats_a_bigger_one_of_a_named_country(
    geocoder: GazetteerGeocoder,
) -> None:
    """"U.S. President Donald Trump … whether the United States would stay … prayed in Jerusalem … passed
    into Bethlehem, where he met Abbas": the West Bank town a few kilometres from Jerusalem, not an American
    town GeoNames also calls Bethlehem, bigger and in the country the article names."""
    text = (
        "Trump in the Holy Land\n\nJERUSALEM (Wire) - U.S. President Donald Trump, who refused to say "
        "whether the United States would stay in the accord, flew from Riyadh to Jerusalem on Monday and "
        "prayed at the Western Wall. On Tuesday his motorcade passed into Bethlehem, where he met President "
        "Mahmoud Abbas.\n"
    )
    [bethlehem] = [m for m in _short(text, geocoder) if m.text == "Bethlehem"]
    assert bethlehem.place is not None and bethlehem.place.country == "PS"



def test_a_town_is_first_the_one_in_the_country_a_move_just_reached(geocoder: GazetteerGeocoder) -> None:
    """"It reached Bermuda …, and the couple drove through St George's to Hamilton": the Bermudan towns (the
    Saint George the gazetteer knows only by the full word), not New Zealand's Hamilton."""
    text = (
        "Royal tour\n\nThe Queen flew on from Gander. It reached Bermuda on 24 November, and the couple "
        "drove through St George's to Hamilton for a garden party. Later she toured Auckland in New "
        "Zealand.\n"
    )
    found = {m.text: m.place for m in _short(text, geocoder) if m.place is not None}
    assert found["Hamilton"].country == "BM"
    assert found["St George"].country == "BM"
    assert "preferred country BM" in found["Hamilton"].why


def test_a_country_left_or_in_a_title_prefers_none_of_its_towns(geocoder: GazetteerGeocoder) -> None:
    """"The President of the United States entered Paris": a country in a title (or one set out from) is no
    hint for the town the sentence reaches."""
    text = "Arrival\n\nThe President of the United States entered Paris this morning to a roar.\n"
    [paris] = [m for m in _short(text, geocoder) if m.text == "Paris"]
    assert paris.place is not None and paris.place.country == "FR"


def test_an_old_name_of_a_great_city_beats_a_hamlet_near_another_stop(geocoder: GazetteerGeocoder) -> None:
    """A world flight that touched Paramaribo and later "flew to Calcutta": Kolkata, once so called and
    itself among the article's places, not the Surinamese hamlet of that name."""
    text = (
        "World flight\n\nShe flew from Miami to San Juan and on to Paramaribo and Natal. From Karachi she "
        "flew to Calcutta on June 17 and on the 18th reached Rangoon.\n"
    )
    [calcutta] = [m for m in _short(text, geocoder) if m.text == "Calcutta"]
    assert calcutta.place is not None and calcutta.place.country == "IN"


def test_a_live_blogs_day_heading_is_no_dateline(geocoder: GazetteerGeocoder) -> None:
    """"SATURDAY, JULY 26" over a live blog's entries is a day, not a town ("ends here" is no stop)."""
    text = (
        "LIVE: Obama abroad\n\nOur running file. Newest entries at the top.\n\nSATURDAY, JULY 26\n\n"
        "12:15 p.m.\nWheels up. The chartered Boeing left Heathrow, bound for Chicago. The delegation ends "
        "here.\n"
    )
    assert all(m.kind != "dateline" for m in _short(text, geocoder))


def test_an_airport_by_its_period_name_is_the_town_it_served(geocoder: GazetteerGeocoder) -> None:
    """1960s copy names airports by names since dropped: "Idlewild" is New York's (the gazetteer has no
    such town) and "Ringway" Manchester's, not the village of Ringway beside it."""
    found = _short("The airliner left Idlewild on Monday and put down at Ringway on Tuesday.", geocoder)
    served = {m.text: m.place.name for m in found if m.place is not None}
    assert served == {"Idlewild": "New York City", "Ringway": "Manchester"}


def test_period_airport_names_stand_for_the_capital_they_serve(geocoder: GazetteerGeocoder) -> None:
    """Indian and Burmese copy of the 1950s–80s names the airports Palam and Mingaladon, which GeoNames knows
    only as a Delhi district and a Rangoon township: the stops are New Delhi (not Delhi, which lists "New
    Delhi" among its names) and Yangon, with the airfield kept beside them."""
    found = _short("The Premier left Mingaladon at dawn and landed at Palam in the afternoon.", geocoder)
    places = {m.text: (m.place.name if m.place else None, m.airfield.name if m.airfield else None)
              for m in found}
    assert places["Palam"] == ("New Delhi", "Palam Airport")
    assert places["Mingaladon"] == ("Yangon", "Mingaladon Airport")


def test_a_capital_of_three_names_the_model_tags_as_a_person_is_still_the_town(
    geocoder: GazetteerGeocoder,
) -> None:
    """Three names say person, unless they are exactly a sizeable town's own name; "Ho Chi Minh" is only
    another name of the city, so the man's mausoleum stays his."""
    mentions = _short(
        "Clinton left Bandar Seri Begawan, the Brunei capital where he had attended the summit, on Thursday "
        "evening. On Friday he walked past the mausoleum of Ho Chi Minh in Hanoi.",
        geocoder,
    )
    placed = {m.text: m.place.geonameid for m in mentions if m.place is not None}
    assert placed.get("Bandar Seri Begawan") == 1820906
    assert "Ho Chi Minh" not in placed


def test_a_bare_airfield_word_is_no_town(geocoder: GazetteerGeocoder) -> None:
    """"Beijing's Capital Airport": the word "Airport" alone is not the town of Airport, United States."""
    mentions = _short("His plane touched down at Beijing's Capital Airport at noon on Monday.", geocoder)
    assert not any(m.place is not None and m.place.country == "US" for m in mentions)


def test_an_old_english_name_is_the_big_nearby_city_not_a_village_called_so_exactly(
    geocoder: GazetteerGeocoder,
) -> None:
    """"across the Channel to Havre": Le Havre (186,000, also called Havre), not the Belgian village of Havré
    whose own name it is, farther from Portsmouth and Paris."""
    mentions = _short(
        "The Prince left London for Portsmouth. On May 30 the cruiser is to carry him across the Channel to "
        "Havre, on his way to Paris.",
        geocoder,
    )
    havre = next(m for m in mentions if m.text == "Havre")
    assert havre.place is not None and havre.place.geonameid == 3003796


def test_a_surname_the_model_tags_as_a_place_is_the_person_it_tagged_before(
    geocoder: GazetteerGeocoder,
) -> None:
    """"a helicopter brought Brezhnev into Washington": Brezhnev, once a name of Naberezhnye Chelny, is the
    man the article names, even where the model tags the word as a place."""
    mentions = _short(
        "Soviet party chief Leonid Brezhnev arrived in the United States on Saturday. Brezhnev rested at the "
        "weekend. On Monday morning a helicopter brought Brezhnev into Washington for the formal welcome.",
        geocoder,
    )
    assert not any(m.text == "Brezhnev" and m.place is not None for m in mentions)


def test_a_saint_written_short_is_the_place_listed_in_full(geocoder: GazetteerGeocoder) -> None:
    """"St. Cloud" beside Paris and Versailles is Saint-Cloud, which GeoNames lists only in full (its "St.
    Cloud" is a town in Minnesota)."""
    found = _short(
        "The Queen reached Paris at dusk and drove to St. Cloud. On Saturday she went to Versailles.",
        geocoder,
    )
    [cloud] = [m for m in found if m.text == "St. Cloud"]
    assert cloud.place is not None and cloud.place.country == "FR"


def test_an_old_papers_dateline_after_its_summary_and_credit_is_the_channel_port(
    geocoder: GazetteerGeocoder,
) -> None:
    """A period paper prints two headlines, a summary paragraph and "(FROM OUR OWN CORRESPONDENT.)" before
    the dateline; "Boulogne" alone is the Channel port, not the bigger suburb of Paris."""
    found = _short(
        "RETURN OF THE KING.\nTHE VISIT ENDS.\n\nThe King landed at Dover yesterday after a week in "
        "France.\n\n(FROM OUR OWN CORRESPONDENT.)\n\nBOULOGNE, Monday, Midnight.\n\nThe visit is over, "
        "and the yacht sails in the morning.",
        geocoder,
    )
    [dateline] = [m for m in found if m.kind == "dateline"]
    assert dateline.place is not None and dateline.place.name == "Boulogne-sur-Mer"
