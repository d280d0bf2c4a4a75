"""A hand-built ``Journey`` of the February 2019 train trip, for the map and app tests.

It stands in for ``geo.pipeline.build_journey`` so the UI tests stay fast and do not depend on the
pipeline's choices: four stops (Pyongyang, Dandong, Đồng Đăng, Hanoi), rail legs split at the two borders,
the last stretch by road, time windows in each place's zone, and quotes cut from the real Reuters text.
The line geometries are coarse hand-drawn approximations of the railways (good enough to draw). Hanoi is
marked planned: the article only says Kim is expected there.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo

from geopy.distance import geodesic
from shapely.geometry import LineString

from geo.journey import Journey, assemble_journey
from geo.model import Article, Hop, Itinerary, Leg, Place, Quote, Route, Stop, TimeWindow, Timing
from geo.reading.articles import bundled_article_paths, load_articles

REUTERS_ID = "000_bde62e97f9f7df89"
KP, CN, VN = ZoneInfo("Asia/Pyongyang"), ZoneInfo("Asia/Shanghai"), ZoneInfo("Asia/Ho_Chi_Minh")


def reuters() -> Article:
    """The bundled Reuters report (datelined Seoul, 24 Feb 2019)."""
    articles = {article.id: article for article in load_articles(bundled_article_paths())}
    return articles[REUTERS_ID]


def quote(article: Article, passage: str) -> Quote:
    """``passage`` as a quote with its real offsets in the article (it must occur verbatim)."""
    start = article.text.index(passage)
    return Quote(passage, article.id, article.publisher, start, start + len(passage))


def _km(line: LineString) -> float:
    points = [(lat, lon) for lon, lat in line.coords]
    return sum(geodesic(a, b).km for a, b in pairwise(points))


def _leg(seq: int, kind: str, start: str, end: str, mode: str, coords: list[tuple[float, float]],
         **fields: object) -> Leg:
    line = LineString(coords)
    return Leg(seq=seq, kind=kind, start=start, end=end, mode=mode, geometry=line,  # type: ignore[arg-type]
               distance_km=_km(line), **fields)  # type: ignore[arg-type]


def _window(zone: ZoneInfo, day: int, earliest: str, likely: str, latest: str) -> TimeWindow:
    def at(hhmm: str) -> datetime:
        hours, minutes = (int(part) for part in hhmm.split(":"))
        return datetime(2019, 2, day, tzinfo=zone) + timedelta(hours=hours, minutes=minutes)

    return TimeWindow(at(earliest), at(likely), at(latest))


def sample_journey() -> Journey:
    """The trip as the articles tell it, with the inferred parts marked and explained."""
    article = reuters()
    left = quote(article, "Kim left Pyongyang by train on Saturday afternoon for the Feb. 27-28 summit")
    dandong = quote(article, "A train believed to carry North Korean leader Kim Jong Un is pictured in the "
                             "Chinese border city of Dandong, China")
    road = quote(article, "Vietnam will ban traffic on the road Kim is expected to take to Hanoi from a "
                          "station on the Chinese border")
    through = quote(article, "it could take him at least two and a half days to make the journey of "
                             "thousands of kilometers through China")
    places = {
        "Pyongyang": Place("Pyongyang", 39.03385, 125.75432, "KP", geonameid=1871859,
                           timezone="Asia/Pyongyang"),
        "Dandong": Place("Dandong", 40.12917, 124.39472, "CN", geonameid=2037886, timezone="Asia/Shanghai"),
        "Đồng Đăng": Place("Đồng Đăng", 21.95, 106.7, "VN", kind="station", timezone="Asia/Ho_Chi_Minh"),
        "Hanoi": Place("Hanoi", 21.0245, 105.84117, "VN", geonameid=1581130, timezone="Asia/Ho_Chi_Minh"),
    }
    stops = (
        Stop(0, "Pyongyang", "origin", places["Pyongyang"], (left,)),
        Stop(1, "Dandong", "waypoint", places["Dandong"], (dandong,)),
        Stop(2, "Đồng Đăng", "border", places["Đồng Đăng"], (road,), inferred=True,
             reason="The article names no station, only 'a station on the Chinese border' on the road to "
                    "Hanoi; Đồng Đăng is the Vietnamese station where the railway from China crosses.",
             description="a station on the Chinese border", feature="station", border_of="CN"),
        Stop(3, "Hanoi", "destination", places["Hanoi"], (road,), planned=True,
             reason="Kim Jong Un is expected in Hanoi (“the road Kim is expected to take”, Reuters)."),
    )
    hops = (Hop("rail", quotes=(left,)), Hop("rail", quotes=(through,), via_countries=("CN",)),
            Hop("road", quotes=(road,)))
    rail_reason = "The articles say 'by train' but not which line; this is the shortest path on the network."
    legs = (
        _leg(0, "leg", "Pyongyang", "Sinuiju", "rail",
             [(125.75432, 39.03385), (125.65, 39.41), (125.33, 39.69), (124.9, 39.83), (124.55, 39.97),
              (124.398, 40.1)],
             via=("Sinuiju",), countries=("KP",), reason=rail_reason, quotes=(left,), from_stop=0,
             start_timezone="Asia/Pyongyang", end_timezone="Asia/Pyongyang"),
        _leg(1, "crossing", "Sinuiju", "Dandong", "rail", [(124.398, 40.1), (124.39472, 40.12917)],
             countries=("KP", "CN"), reason="The line crosses the Yalu river on the Friendship Bridge.",
             to_stop=1, start_timezone="Asia/Pyongyang", end_timezone="Asia/Shanghai"),
        _leg(2, "leg", "Dandong", "Pingxiang", "rail",
             [(124.39472, 40.12917), (123.43, 41.8), (121.13, 41.1), (119.75, 40.0), (117.2, 39.13),
              (114.51, 38.04), (113.62, 34.75), (114.3, 30.59), (112.94, 28.23), (112.57, 26.89),
              (110.29, 25.27), (109.41, 24.33), (108.37, 22.82), (106.76, 22.1)],
             via=("Shenyang", "Tianjin", "Zhengzhou", "Wuhan", "Nanning"), countries=("CN",),
             reason=rail_reason, quotes=(through,), from_stop=1,
             start_timezone="Asia/Shanghai", end_timezone="Asia/Shanghai"),
        _leg(3, "crossing", "Pingxiang", "Đồng Đăng", "rail",
             [(106.76, 22.1), (106.73, 22.01), (106.7, 21.95)],
             countries=("CN", "VN"), reason="The railway from China enters Vietnam at Đồng Đăng.",
             to_stop=2, start_timezone="Asia/Shanghai", end_timezone="Asia/Ho_Chi_Minh"),
        _leg(4, "leg", "Đồng Đăng", "Hanoi", "road",
             [(106.7, 21.95), (106.76, 21.85), (106.45, 21.55), (106.19, 21.27), (106.07, 21.18),
              (105.84117, 21.0245)],
             countries=("VN",), approximate=True, inferred_path=False, quotes=(road,),
             reason="The article names the road to Hanoi from the border station.",
             from_stop=2, to_stop=3, start_timezone="Asia/Ho_Chi_Minh", end_timezone="Asia/Ho_Chi_Minh"),
    )
    leave = _window(KP, 23, "12:00", "15:00", "18:00")
    sinuiju = _window(KP, 23, "17:00", "20:30", "23:30")
    at_dandong = _window(CN, 23, "19:00", "21:30", "23:59")
    off_dandong = _window(CN, 23, "19:30", "22:00", "23:59")
    pingxiang = _window(CN, 26, "04:30", "06:45", "10:45")
    at_border = _window(VN, 26, "06:00", "08:10", "12:00")
    off_border = _window(VN, 26, "06:20", "08:30", "12:20")
    at_hanoi = _window(VN, 26, "08:30", "11:00", "15:00")
    timing = Timing(
        stop_arrive={1: at_dandong, 2: at_border, 3: at_hanoi},
        stop_depart={0: leave, 1: off_dandong, 2: off_border},
        leg_depart={0: leave, 1: sinuiju, 2: off_dandong, 3: pingxiang, 4: off_border},
        leg_arrive={0: sinuiju, 1: at_dandong, 2: pingxiang, 3: at_border, 4: at_hanoi},
        basis="hand-made sample for the UI tests",
    )
    itinerary = Itinerary(stops, hops, traveller="Kim Jong Un")
    return assemble_journey((article,), itinerary, Route(stops, legs), timing)


def with_quote_text(journey: Journey, text: str) -> Journey:
    """The same journey with ``text`` as the first quote of the first stop (for escaping tests)."""
    first = journey.stops[0]
    hostile = replace(first.quotes[0], text=text)
    stops = (replace(first, quotes=(hostile, *first.quotes[1:])), *journey.stops[1:])
    route = Route(stops, journey.legs)
    return assemble_journey(journey.articles, replace(journey.itinerary, stops=stops), route, journey.timing)
