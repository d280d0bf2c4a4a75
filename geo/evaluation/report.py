"""The evaluation as text (misses, figures per split, and a summary table as the last lines) or JSON."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict
from typing import Any

from geo.evaluation.score import CaseScore, TimeFigures, Totals, total

COLUMNS = (
    ("split", 8), ("cases", 5), ("stopP", 5), ("stopR", 5), ("stopF1", 6), ("order", 5), ("mode", 5),
    ("id", 5), ("trav", 5), ("t_n", 4), ("t_in", 5), ("t_med", 6), ("t_max", 6), ("t_long", 6),
    ("loo_in", 6), ("loo_med", 7), ("loo_max", 7), ("loo_lng", 7), ("err", 3),
)  # fmt: skip
LEGEND = (
    "stopP/R/F1: stops micro-averaged; order: pairs of matched stops in gold order; mode: hop modes; "
    "id: GeoNames ids of matched stops; trav: traveller; t_n: stated times checked; t_in: share inside "
    "the predicted window; t_med/t_max: median/worst |likely − stated| in hours; t_long: median over stops "
    "reached by a hop of ≥ 24 h; loo_*: the same with each time's phrase blanked; err: cases whose build "
    "raised (NoJourneyError where a journey is told, any other GeoError or bug)"
)


def by_split(scores: Sequence[CaseScore], split: str) -> dict[str, list[CaseScore]]:
    """The scores to report: each split asked for, and "all" when both are."""
    groups: dict[str, list[CaseScore]] = {}
    for name in ("dev", "heldout"):
        if split in (name, "all"):
            groups[name] = [s for s in scores if s.split == name]
    if split == "all":
        groups["all"] = list(scores)
    return groups


def text_report(scores: Sequence[CaseScore], split: str, *, loo: bool, heldout_details: bool = False) -> str:
    groups = by_split(scores, split)
    lines: list[str] = []
    totals: dict[str, Totals] = {}
    for name, group in groups.items():
        totals[name] = total(group, with_loo=loo)
        if name == "all":
            continue
        lines.append(f"== {name}: {len(group)} cases ==")
        misses = [f"{s.case}: {miss}" for s in group for miss in s.misses]
        if name == "heldout" and not heldout_details:
            lines.append(f"{len(misses)} miss lines not shown (held-out texts are kept for the final score; "
                         "--heldout-details shows them)")
        else:
            lines.extend(misses or ["no misses"])
        lines.extend(figures(totals[name]))
        lines.append("")
    lines.append("== summary (micro-averaged over cases) ==")
    lines.append(LEGEND)
    lines.append(_row([c for c, _ in COLUMNS]))
    for name, figures_ in totals.items():
        lines.append(_row(summary_cells(name, figures_)))
    return "\n".join(lines) + "\n"


def figures(t: Totals) -> list[str]:
    lines = [
        f"stops: precision {_pct(t.precision)}, recall {_pct(t.recall)}, F1 {_pct(t.f1)} "
        f"(matched {t.tp}, extra {t.fp}, missing {t.fn})",
        f"order {_pct(t.order)} of {t.order_pairs} pairs; modes {_pct(t.modes)} of {t.modes_total} hops; "
        f"GeoNames ids {_pct(t.ids)} of {t.ids_total}; traveller {_pct(t.traveller)} of {t.traveller_total}",
        "times: " + _time_line(t.times, t.times_total),
    ]
    if t.loo is not None:
        lines.append("leave-one-out times: " + _time_line(t.loo, t.times_total))
    lines.append(f"builds that raised (NoJourneyError where a journey is told, or another error): {t.errors}")
    return lines


def _time_line(f: TimeFigures, stated: int) -> str:
    return (f"{f.n} of {stated} stated times checked (stop matched); inside {_pct(f.inside)}; "
            f"|likely − stated| median {_hours(f.median_error)}, worst {_hours(f.worst_error)}; "
            f"median after hops ≥ 24 h {_hours(f.long_median_error)} (n={f.long_n})")


def summary_cells(name: str, t: Totals) -> list[str]:
    loo = t.loo
    return [
        name, str(t.cases), _num(t.precision), _num(t.recall), _num(t.f1), _num(t.order), _num(t.modes),
        _num(t.ids), _num(t.traveller), str(t.times.n), _num(t.times.inside), _num(t.times.median_error, 1),
        _num(t.times.worst_error, 1), _num(t.times.long_median_error, 1),
        _num(loo.inside) if loo else "-", _num(loo.median_error, 1) if loo else "-",
        _num(loo.worst_error, 1) if loo else "-", _num(loo.long_median_error, 1) if loo else "-",
        str(t.errors),
    ]


def _row(cells: Sequence[str]) -> str:
    return " ".join(cell.rjust(width) if i else cell.ljust(width)
                    for i, (cell, (_, width)) in enumerate(zip(cells, COLUMNS, strict=True)))


def json_report(scores: Sequence[CaseScore], split: str, *, loo: bool, heldout_details: bool = False) -> str:
    groups = by_split(scores, split)
    data: dict[str, Any] = {
        "splits": {name: totals_dict(total(group, with_loo=loo)) for name, group in groups.items()},
        "cases": [case_dict(s) for s in scores if s.split != "heldout" or heldout_details],
    }
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def totals_dict(t: Totals) -> dict[str, Any]:
    out: dict[str, Any] = asdict(t)
    for key in ("precision", "recall", "f1", "order", "modes", "ids", "traveller"):
        out[key] = getattr(t, key)
    return out


def case_dict(s: CaseScore) -> dict[str, Any]:
    out: dict[str, Any] = {k: v for k, v in asdict(s).items() if k not in ("times", "loo")}
    out["times"] = [_check_dict(c) for c in s.times]
    out["loo"] = [_check_dict(c) for c in s.loo]
    return out


def _check_dict(check: Any) -> Mapping[str, Any]:
    window = check.window
    return {
        "stop": check.stop,
        "event": check.event,
        "at": check.at.isoformat(),
        "inside": check.inside,
        "error_hours": check.error_hours,
        "long": check.long,
        "window": None if window is None else {
            k: (getattr(window, k).isoformat() if getattr(window, k) else None)
            for k in ("earliest", "likely", "latest")
        },
    }


def _pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def _hours(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.1f} h"


def _num(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"
