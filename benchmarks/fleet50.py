"""Fifty kiosks on paper (issue 22): what the editor's machine pays for a fleet's reports.

    .venv/bin/python benchmarks/fleet50.py [/tmp/fleet50] [--kiosks 50] [--visits 20000]

Makes a year of statistics for each kiosk (20,000 visits each by default, about 55 a day,
written as benchmarks/stats_year.py writes them) and a status file per kiosk, then times
`kiosk fleet status` and `kiosk stats` over all the kiosks' files, each in a fresh process
as staff run them. Prints wall time and the child process's CPU time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from stats_year import _children_cpu, generate  # noqa: E402

from kiosk.releases.fleet import KioskStatus, write_status  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", default="/tmp/fleet50")
    parser.add_argument("--kiosks", type=int, default=50)
    parser.add_argument("--visits", type=int, default=20_000, help="per kiosk, in a year")
    args = parser.parse_args()
    folder = Path(args.folder)
    (folder / "stats").mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    start = time.perf_counter()
    files = []
    visits_total = 0
    for n in range(1, args.kiosks + 1):
        name = f"Kiosk {n:02d}"
        path = folder / "stats" / f"kiosk-{n:02d}.sqlite3"
        if not path.exists():
            visits, _ = generate(path, name, args.visits, seed=n)
            visits_total += visits
        files.append(str(path))
        write_status(folder / "fleet" / f"kiosk-{n:02d}", KioskStatus(
            name, now - dt.timedelta(minutes=n % 7 if n % 10 else 90), "unv-and-china-v3",
            "3" if n % 12 else "2", "UNV and China", now - dt.timedelta(days=1),
            ("the inbox is not there",) if n % 17 == 0 else (), 80 * 1024 ** 3))
    size = sum(Path(f).stat().st_size for f in files) / 1e6
    print(f"{args.kiosks} kiosks: statistics {size:.0f} MB in all"
          f"{f', {visits_total:,} visits made' if visits_total else ''} "
          f"({time.perf_counter() - start:.0f} s)")
    kiosk = [sys.executable, "-m", "kiosk"]
    for what, command in (
            ("kiosk fleet status (one table)", ["fleet", "status", str(folder / "fleet")]),
            ("kiosk stats --html --csv (all kiosks merged, the year)",
             ["stats", *files, "--html", str(folder / "report.html"), "--csv",
              str(folder / "csv")])):
        start, cpu = time.perf_counter(), _children_cpu()
        subprocess.run([*kiosk, *command], check=True, stdout=subprocess.DEVNULL,
                       cwd=ROOT)
        took, cpu = time.perf_counter() - start, _children_cpu() - cpu
        print(f"{what}: {took:.2f} s wall, CPU {cpu:.2f} s")
    report = folder / "report.html"
    print(f"report: {report.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
