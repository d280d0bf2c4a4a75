"""``python -m geo evaluate``: score the reader on the annotated cases of ``data/eval/``.

Exit status 0 whenever the evaluation ran (whatever the scores); a bad case file is an ``InputError``,
which ``geo.cli.main`` turns into one ``error: …`` line and status 1.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from geo.errors import InputError
from geo.evaluation.cases import load_cases
from geo.evaluation.report import json_report, text_report


def default_cases_dir() -> Path:
    try:
        from geo.paths import DATA_DIR

        return Path(DATA_DIR) / "eval"
    except ImportError:  # pragma: no cover - only while the package is being regrouped
        return Path(__file__).resolve().parents[2] / "data" / "eval"


def register(subparsers: Any) -> argparse.ArgumentParser:
    """Add the ``evaluate`` subcommand to ``python -m geo``'s subparsers."""
    command: argparse.ArgumentParser = subparsers.add_parser(
        "evaluate", help="score the reader on the annotated evaluation texts (data/eval/)")
    command.add_argument("--split", choices=("dev", "heldout", "all"), default="all",
                         help="which cases to score (default: all, reported per split and together)")
    command.add_argument("--cases", metavar="DIR", default=None,
                         help="the evaluation set (cases/ and texts/); default: data/eval")
    command.add_argument("--case", action="append", metavar="ID", default=None,
                         help="score only this case (repeatable)")
    command.add_argument("--no-loo", action="store_true",
                         help="skip the leave-one-out rebuilds (one per stated time)")
    command.add_argument("--json", action="store_true", help="print the figures as JSON")
    command.add_argument("--heldout-details", action="store_true",
                         help="also list the held-out cases' misses (hidden by default)")
    command.set_defaults(run=run)
    return command


def run(args: argparse.Namespace) -> int:
    from geo.evaluation.runner import score_cases  # imported late: loading the pipeline is the slow part

    cases = load_cases(args.cases or default_cases_dir(), args.split)
    if args.case:
        wanted = set(args.case)
        unknown = wanted - {case.id for case in cases}
        if unknown:
            raise InputError(f"no such case in split {args.split}: {', '.join(sorted(unknown))}")
        cases = [case for case in cases if case.id in wanted]
    if not cases:
        raise InputError(f"no {args.split} cases to evaluate")
    loo = not args.no_loo
    scores = score_cases(cases, loo=loo)
    render = json_report if args.json else text_report
    sys.stdout.write(render(scores, args.split, loo=loo, heldout_details=args.heldout_details))
    return 0
