"""Run every benchmark script (on demand: `make bench`) and copy their result tables into the README.

Each ``benchmarks/bench_*.py`` writes ``benchmarks/RESULTS-<name>.md``; this script runs them in turn and
replaces the README's block between ``<!-- benchmarks -->`` and ``<!-- /benchmarks -->`` with those files.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
README = HERE.parent / "README.md"
START, END = "<!-- benchmarks -->", "<!-- /benchmarks -->"


def main() -> int:
    failed = []
    for script in sorted(HERE.glob("bench_*.py")):
        print(f"== {script.name}", flush=True)
        if subprocess.run([sys.executable, str(script)], check=False).returncode != 0:
            failed.append(script.name)
    update_readme()
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


def update_readme() -> None:
    results = "\n\n".join(
        path.read_text(encoding="utf-8").strip() for path in sorted(HERE.glob("RESULTS-*.md"))
    )
    text = README.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    README.write_text(f"{head}{START}\n{results}\n{END}{tail}", encoding="utf-8")


if __name__ == "__main__":
    if "--readme-only" in sys.argv:
        update_readme()
        raise SystemExit(0)
    raise SystemExit(main())
