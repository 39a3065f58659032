"""How long `kiosk import` takes for a 1,000-row spreadsheet (issue 21: at most 2 s).

    python benchmarks/import_sheet.py [ROUNDS]      (default 3; about a minute)

It writes three 1,000-event sources into a temporary folder: the TimelineJS layout as CSV
and as .xlsx (each row with a headline, a year-month-day date and a paragraph of HTML with
bold, a link and a list: what TimelineJS sheets hold), and the kiosk's own bilingual sheet
(.xlsx, English and Chinese titles and stories). Each round imports each source into a new
folder in this process (read, convert, write, and check the folder with the kiosk's own
loader, as the command does) and prints the median and the slowest round; then the whole
command once, as a fresh process (Python's start and imports included).
"""

from __future__ import annotations

import csv
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.content import load_folder  # noqa: E402
from kiosk.importers import Report, import_source  # noqa: E402
from kiosk.importers.run import read_source  # noqa: E402
from kiosk.importers.writer import write_files  # noqa: E402

EVENTS = 1_000
HEADER = ["Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time",
          "Display Date", "Headline", "Text", "Media", "Media Credit", "Media Caption",
          "Media Thumbnail", "Type", "Group", "Background"]


def timelinejs_rows() -> list[list[object]]:
    rows: list[list[object]] = [["", "", "", "", "", "", "", "", "", "A thousand events",
                                 "<p>A benchmark timeline.</p>", "", "", "", "", "title", "",
                                 ""]]
    for i in range(EVENTS):
        text = (f"<p>Event {i}: the <b>volunteers</b> of the province met in the capital to "
                f"plan the year's work, as <a href='https://example.org/{i}'>the report</a> "
                "tells.</p><ul><li>Training for new volunteers</li><li>Visits to schools and "
                "villages</li></ul><p>More than two hundred people took part.</p>")
        rows.append([1000 + i * 7 // 1, 1 + i % 12, 1 + i % 28, "", "", "", "", "", "",
                     f"Volunteers meet in the capital, year {i}", text, "", "", "", "", "",
                     f"Group {i % 5}", ""])
    return rows


def write_sources(folder: Path) -> dict[str, Path]:
    import openpyxl

    rows = timelinejs_rows()
    csv_path = folder / "timelinejs.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerows(rows)
    book = openpyxl.Workbook()
    book.active.append(HEADER)
    for row in rows:
        book.active.append(row)
    xlsx_path = folder / "timelinejs.xlsx"
    book.save(xlsx_path)
    own = openpyxl.Workbook()
    own.remove(own.active)
    own.create_sheet("Exhibit").append(["languages", "title:en", "title:zh"])
    own["Exhibit"].append(["en, zh", "A thousand events", "一千个事件"])
    events = own.create_sheet("Events")
    events.append(["id", "date", "title:en", "title:zh", "body:en", "body:zh"])
    for i in range(EVENTS):
        events.append([f"event-{i}", f"{1000 + i * 7 // 1:04d}-{1 + i % 12:02d}",
                       f"Volunteers meet, year {i}", f"志愿者聚会（第{i}年）",
                       "The **volunteers** of the province met in the capital.\n\n"
                       "- Training\n- Visits to schools", "全省**志愿者**在首都聚会。\n\n"
                       "- 培训\n- 走访学校"])
    own_path = folder / "own.xlsx"
    own.save(own_path)
    return {"TimelineJS CSV": csv_path, "TimelineJS .xlsx": xlsx_path,
            "own sheet .xlsx (en+zh)": own_path}


def phases(source: Path, out: Path) -> tuple[float, float, float, float]:
    """Wall seconds of reading and converting, of writing, of the check with the kiosk's
    loader, and the CPU seconds of all three (the machine is shared: CPU time is the figure
    that other work running meanwhile does not inflate as much)."""
    cpu = time.process_time()
    start = time.perf_counter()
    draft = read_source(source, Report(source.name), "en")
    read = time.perf_counter()
    write_files(draft, out)
    written = time.perf_counter()
    result = load_folder(out)
    checked = time.perf_counter()
    assert result.errors == [], result.errors[:3]
    return (read - start, written - read, checked - written, time.process_time() - cpu)


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sources = write_sources(folder)
        print(f"{EVENTS:,} events; {rounds} rounds each; median (slowest) of the wall time "
              "of import_source, then the median of each phase and the CPU time")
        for name, source in sources.items():
            times, parts = [], []
            for n in range(rounds):
                out = folder / f"out-{source.stem}-{n}"
                start = time.perf_counter()
                import_source(source, out)
                times.append(time.perf_counter() - start)
                shutil.rmtree(out)
                parts.append(phases(source, out))
                shutil.rmtree(out)
            read, write, check, cpu = (statistics.median(p[i] for p in parts) for i in range(4))
            print(f"  {name:26} {statistics.median(times):5.2f} s ({max(times):.2f} s); read "
                  f"and convert {read:.2f} s, write {write:.2f} s, kiosk validate "
                  f"{check:.2f} s; CPU {cpu:.2f} s")
        out = folder / "cli"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "kiosk", "import", str(sources["TimelineJS .xlsx"]),
                        "--out", str(out)], cwd=ROOT, check=True, capture_output=True)
        print(f"  kiosk import timelinejs.xlsx, a fresh process: "
              f"{time.perf_counter() - start:.2f} s")
        print(f"  load average during the run: {os.getloadavg()[0]:.1f} on "
              f"{os.cpu_count()} cores" if hasattr(os, "getloadavg") else "")


if __name__ == "__main__":
    main()
