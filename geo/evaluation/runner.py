"""Build each case's journey with the project's pipeline and score it; leave-one-out rebuilds for times.

The pipeline is looked up by name (``geo.<name>`` first, then the modules it has lived in), so this module
keeps working while the package is being regrouped. One geocoder, rail network and speed model are shared
by every build.
"""

from __future__ import annotations

import dataclasses
import importlib
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from geo.errors import GeoError, InputError, NoJourneyError
from geo.evaluation.cases import Case, GoldStop
from geo.evaluation.score import (
    CaseScore,
    Prediction,
    PredStop,
    TimeCheck,
    Window,
    check_time,
    match_stops,
    score_case,
)

_HOMES: dict[str, tuple[str, ...]] = {
    "build_journey": ("geo.pipeline",),
    "article_from_text": ("geo.reading.articles", "geo.articles", "geo.reading"),
    "GazetteerGeocoder": ("geo.places.geocoder", "geo.geocoder", "geo.places"),
    "load_gazetteer": ("geo.places.gazetteer", "geo.gazetteer", "geo.places"),
    "load_network": ("geo.routing.railnet", "geo.railnet", "geo.routing"),
    "load_speed_model": ("geo.timing.speeds", "geo.speeds", "geo.timing"),
}


def resolve(name: str) -> Any:
    """A public name of the pipeline: re-exported by ``geo`` or found in one of its known modules."""
    import geo

    if hasattr(geo, name):
        return getattr(geo, name)
    for module_name in _HOMES.get(name, ()):
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        if hasattr(module, name):
            return getattr(module, name)
    raise ImportError(f"cannot find {name} in geo or in {', '.join(_HOMES.get(name, ()))}")


def blank(text: str, phrase: str) -> str:
    """``text`` with every occurrence of ``phrase`` replaced by as many spaces (offsets stay the same)."""
    return text.replace(phrase, " " * len(phrase)) if phrase else text


def prediction_from_journey(journey: Any) -> Prediction:
    """The scorer's view of a ``Journey``: route stops, hop modes, traveller and stop windows."""
    stops = tuple(
        PredStop(
            seq=stop.seq,
            name=stop.name,
            place_name=stop.place.name if stop.place else "",
            geonameid=stop.place.geonameid if stop.place else None,
            latitude=stop.place.latitude if stop.place else None,
            longitude=stop.place.longitude if stop.place else None,
        )
        for stop in journey.stops
    )
    hops = journey.itinerary.hops
    if len(hops) == max(0, len(stops) - 1):
        modes = tuple(str(hop.mode) for hop in hops)
    else:  # fall back on the first leg out of each stop
        legs = reversed(journey.legs)
        first_leg = {leg.from_stop: str(leg.mode) for leg in legs if leg.from_stop is not None}
        modes = tuple(first_leg.get(stop.seq, "") for stop in stops[:-1])
    timing = journey.timing
    return Prediction(
        stops=stops,
        modes=modes,
        traveller=str(journey.itinerary.traveller or ""),
        arrive={seq: _window(w) for seq, w in timing.stop_arrive.items() if w is not None},
        depart={seq: _window(w) for seq, w in timing.stop_depart.items() if w is not None},
    )


def _window(w: Any) -> Window:
    return Window(w.earliest, w.likely, w.latest)


@dataclass(frozen=True)
class Outcome:
    """One build: the prediction, or why there is none."""

    prediction: Prediction | None
    error: str | None = None
    no_journey: bool = False


class Runner:
    """Builds and scores cases with one shared geocoder, network and speed model."""

    def __init__(self, build: Callable[..., Any] | None = None) -> None:
        self._gazetteer = resolve("load_gazetteer")()
        self._geocoder = resolve("GazetteerGeocoder")(self._gazetteer)
        self._network = resolve("load_network")()
        self._speeds = resolve("load_speed_model")()
        self._build = build or resolve("build_journey")
        self._article_from_text = resolve("article_from_text")

    def with_coordinates(self, case: Case) -> Case:
        """The case with every gold stop's coordinates (from the gazetteer by GeoNames id when not given)."""
        stops: list[GoldStop] = []
        for stop in case.stops:
            if stop.latitude is None and stop.geonameid is not None:
                entry = self._gazetteer.get(stop.geonameid)
                if entry is None:
                    raise InputError(f"case {case.id}: geonameid {stop.geonameid} ({stop.name}) "
                                     "is not in the gazetteer")
                stop = dataclasses.replace(stop, latitude=entry.latitude, longitude=entry.longitude)
            stops.append(stop)
        return dataclasses.replace(case, stops=tuple(stops))

    def articles(self, case: Case, blank_time: int | None = None) -> list[Any]:
        """The case's articles as the reader gets them; with ``blank_time``, that time's phrase blanked."""
        built: list[Any] = []
        for index, item in enumerate(case.articles):
            text = item.text
            if blank_time is not None and case.times[blank_time].article == index:
                text = blank(text, case.times[blank_time].phrase)
            article: Any = self._article_from_text(
                text, item.published, id=Path(item.file).stem, publisher=item.publisher, title=item.title)
            if item.dateline and hasattr(article, "dateline") and not isinstance(article, type):
                article = dataclasses.replace(article, dateline=item.dateline)
            built.append(article)
        return built

    def predict(self, case: Case, blank_time: int | None = None) -> Outcome:
        with warnings.catch_warnings(record=True):
            warnings.simplefilter("always")
            try:
                journey = self._build(self.articles(case, blank_time), geocoder=self._geocoder,
                                      network=self._network, speeds=self._speeds)
                return Outcome(prediction_from_journey(journey))
            except NoJourneyError as err:
                return Outcome(None, str(err), no_journey=True)
            except GeoError as err:
                return Outcome(None, f"{type(err).__name__}: {err}")
            except Exception as err:  # a reader bug must not stop the evaluation of the other cases
                return Outcome(None, f"unexpected {type(err).__name__}: {err}")

    def score(self, case: Case, loo: bool = True) -> CaseScore:
        case = self.with_coordinates(case)
        outcome = self.predict(case)
        score, _ = score_case(case, outcome.prediction, outcome.error, outcome.no_journey)
        if loo:
            checks = [self.leave_one_out(case, index) for index in range(len(case.times))]
            score.loo = [check for check in checks if check is not None]
        return score

    def leave_one_out(self, case: Case, index: int) -> TimeCheck | None:
        """Rebuild with ``case.times[index]``'s phrase blanked and check that time; None when its stop is
        not matched in the rebuilt journey (or the rebuild fails), as in the first pass."""
        outcome = self.predict(case, blank_time=index)
        if outcome.prediction is None:
            return None
        matching = match_stops(case.stops, outcome.prediction.stops)
        return check_time(case, index, outcome.prediction, matching)


def score_cases(cases: Sequence[Case], loo: bool = True, runner: Runner | None = None) -> list[CaseScore]:
    runner = runner or Runner()
    return [runner.score(case, loo=loo) for case in cases]
