"""A year of a busy kiosk: about 200,000 visits and 2 million event views in a statistics
file, then `kiosk stats` on it. Prints the file's size and the report's time.

    .venv/bin/python benchmarks/stats_year.py [/tmp/stats-bench]

The rows are written straight into the schema (with the bundled exhibit's events), as the
kiosk's writer would have written them over a year; the report runs as staff run it, in a
fresh process.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.content import load_folder  # noqa: E402
from kiosk.ui.statistics import database as stats_db  # noqa: E402
from kiosk.ui.statistics.writer import content_info  # noqa: E402

VISITS = 200_000
VIEWS_PER_VISIT = 10  # on average: 2 million views


def generate(path: Path, kiosk: str = "Hall A", visits: int = VISITS,
             seed: int = 2026) -> tuple[int, int]:
    exhibit = load_folder(ROOT / "data").exhibit
    assert exhibit is not None
    content = content_info(exhibit)
    rng = random.Random(seed)
    path.unlink(missing_ok=True)
    conn, _ = stats_db.open_for_writing(path)
    conn.execute("BEGIN")
    setup = stats_db.setup_id(conn, kiosk, content, "0.1.0")
    conn.execute("COMMIT")
    events = [rowid for (rowid,) in conn.execute(  # in story order
        "SELECT id FROM events WHERE content = ? ORDER BY position", (content.version,))]
    first_day = dt.date(2025, 11, 24)
    weights = [1.6 if (first_day + dt.timedelta(days=d)).weekday() >= 5 else 1.0
               for d in range(365)]
    per_day = [round(visits * w / sum(weights)) for w in weights]
    visit_id = views_total = 0
    conn.execute("BEGIN")
    for day_index, count in enumerate(per_day):
        day = dt.datetime.combine(first_day + dt.timedelta(days=day_index), dt.time(9))
        starts = sorted(rng.uniform(0, 9 * 3600) for _ in range(count))
        rows, views, actions = [], [], []
        for start in starts:
            visit_id += 1
            n = max(1, min(len(events) * 3, round(rng.lognormvariate(2.15, 0.6))))
            language = "zh" if rng.random() < 0.3 else "en"
            position = rng.randrange(len(events))
            seq = total = 0
            shown: dict[int, list[int]] = {}
            for _ in range(n):
                ms = round(rng.lognormvariate(9.6, 0.9))
                total += ms
                entry = shown.setdefault(events[position], [0, 0])
                entry[0] += 1
                entry[1] += ms
                position = position + 1 if position + 1 < len(events) and rng.random() < 0.8 \
                    else rng.randrange(len(events))
            views += [(visit_id, event, count, ms) for event, (count, ms) in shown.items()]
            for kind, detail, chance in (("photo_open", "", 0.35), ("photo_zoom", "", 0.12),
                                         ("option", "large_text", 0.03),
                                         ("option", "high_contrast", 0.01),
                                         ("language", "zh", 0.08)):
                if rng.random() < chance:
                    seq += 1
                    actions.append((visit_id, seq, rng.randrange(total), kind, detail))
            timed_out = rng.random() < 0.7
            if timed_out or rng.random() < 0.1:
                seq += 1
                # 90 s of nobody touching, then the countdown (the kiosk records the 90 s)
                actions.append((visit_id, seq, total + 90_000, "countdown", "90000"))
                if not timed_out:
                    seq += 1
                    actions.append((visit_id, seq, total + 93_000, "countdown_answered", ""))
            length = total + (110_000 if timed_out else 0)
            started = day + dt.timedelta(seconds=start)
            rows.append((visit_id, setup, started.strftime(stats_db.TIME_FORMAT), length,
                           "timeout" if timed_out else "home", language))
            views_total += n
        conn.executemany("INSERT INTO visits VALUES (?, ?, ?, ?, ?, ?)", rows)
        conn.executemany("INSERT INTO views VALUES (?, ?, ?, ?)", views)
        conn.executemany("INSERT INTO actions VALUES (?, ?, ?, ?, ?)", actions)
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return visit_id, views_total


def _children_cpu() -> float:
    """CPU seconds used by finished child processes (0 on Windows): on a busy machine this
    says more than the wall clock."""
    times = os.times()
    return times.children_user + times.children_system


def main() -> int:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/stats-bench")
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / stats_db.FILE_NAME
    start = time.perf_counter()
    visits, views = generate(path)
    made = time.perf_counter() - start
    size = path.stat().st_size / 1e6
    print(f"generated {visits:,} visits, {views:,} event views in {made:.1f} s")
    print(f"statistics file: {size:.1f} MB (target: under 200 MB)")
    other = folder / "hall-b.sqlite3"
    generate(other, "Hall B", VISITS // 10, seed=2027)
    kiosk = [sys.executable, "-m", "kiosk"]
    report = folder / "report.html"
    for what, extra in (("the whole year", [str(path)]),
                        ("a month", [str(path), "--since", "2026-06-01", "--until",
                                     "2026-06-30"]),
                        ("two kiosks merged", [str(path), str(other)])):
        start, cpu = time.perf_counter(), _children_cpu()
        subprocess.run([*kiosk, "stats", *extra, "--html", str(report),
                        "--csv", str(folder / "csv")], check=True, stdout=subprocess.DEVNULL)
        took, cpu = time.perf_counter() - start, _children_cpu() - cpu
        print(f"kiosk stats --html --csv, {what}: {took:.2f} s (target: under 3 s; CPU "
              f"{cpu:.2f} s), report {report.stat().st_size / 1e3:.0f} kB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
