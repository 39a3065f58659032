"""How long a kiosk takes to verify a release (issue 22), and that it can draw meanwhile.

    .venv/bin/python benchmarks/releases.py                # the bundled exhibit + 2 GB
    .venv/bin/python benchmarks/releases.py --big-gb 0     # the bundled exhibit only
    .venv/bin/python benchmarks/releases.py --sparse       # the 2 GB file sparse (no disk)

The bundled exhibit is published into a temporary outbox and verified five times: the
integrity check (manifest, every file's size and SHA-256) and the validation (the content
loader, which the kiosk runs anyway when it loads content) are timed apart. Then a release
with one large file (random bytes, or a sparse file) is verified in a worker thread while
the main thread ticks at 60 Hz, as the kiosk's UI thread would: the figures are the
verification's wall and CPU time (the worker thread's own CPU clock) and the main thread's
longest gap between ticks. Last, a cancel at half way: how long until the worker returns.
Everything is made under the system's temporary folder and removed at the end.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kiosk.content import images  # noqa: E402
from kiosk.core.atomic import write_atomic  # noqa: E402
from kiosk.releases.manifest import CONTENT, MANIFEST, read_manifest  # noqa: E402
from kiosk.releases.publish import publish  # noqa: E402
from kiosk.releases.store import ReleaseStore  # noqa: E402
from kiosk.releases.verify import Verdict, verify_release  # noqa: E402

TICK = 1 / 60


def timed(function: object, *args: object, **kwargs: object) -> tuple[object, float, float]:
    """Result, wall seconds, CPU seconds of this thread."""
    wall, cpu = time.perf_counter(), time.thread_time()
    result = function(*args, **kwargs)  # type: ignore[operator]
    return result, time.perf_counter() - wall, time.thread_time() - cpu


def ticks(running: object) -> list[float]:
    """The gaps between ticks of a 60 Hz loop while `running()` is true."""
    gaps: list[float] = []
    last = time.perf_counter()
    while running():  # type: ignore[operator]
        time.sleep(TICK)
        now = time.perf_counter()
        gaps.append(now - last)
        last = now
    return sorted(gaps)


def gap_figures(gaps: list[float]) -> str:
    return (f"{len(gaps):,} ticks, median gap {statistics.median(gaps) * 1000:.1f} ms, "
            f"99th percentile {gaps[int(len(gaps) * 0.99)] * 1000:.1f} ms, longest "
            f"{gaps[-1] * 1000:.1f} ms")


def bundled(work: Path) -> None:
    published = publish(ROOT / "data", work / "outbox", version="1")
    release = published.folder
    size = sum(f.stat().st_size for f in (release / CONTENT).rglob("*") if f.is_file())
    print(f"bundled exhibit: {release.name}, {size / 1024 ** 2:.1f} MB")
    # the first full check of a release is cold: the loader decodes every picture (its
    # answers are kept by path, size and time, and a new release is a new path)
    for label, vouched in (("every picture decoded", False),
                           ("pictures vouched for by the manifest", True)):
        images.forget()  # as in a kiosk's own process, which never saw the publisher's files
        if not vouched:
            plain = replace(read_manifest(release), files=tuple(
                replace(entry, picture=None) for entry in read_manifest(release).files))
            write_atomic(release / MANIFEST, plain.to_json().encode("utf-8"))
        else:
            write_atomic(release / MANIFEST, published.manifest.to_json().encode("utf-8"))
        cpu_before = time.process_time()
        verdict, wall, _ = timed(verify_release, release)
        cpu = time.process_time() - cpu_before  # picture checks run on worker threads
        assert isinstance(verdict, Verdict) and verdict.ok, verdict
        print(f"  full check, first time ({label}): {wall * 1000:,.0f} ms wall, "
              f"{cpu * 1000:,.0f} ms CPU (every thread)")
    for label, validate in (("integrity only (sizes, SHA-256)", False),
                            ("full check again (the loader's answers kept)", True)):
        walls, cpus = [], []
        for _ in range(5):
            verdict, wall, cpu = timed(verify_release, release, validate=validate)
            assert isinstance(verdict, Verdict) and verdict.ok, verdict
            walls.append(wall)
            cpus.append(cpu)
        print(f"  {label}: median {statistics.median(walls) * 1000:,.0f} ms wall, "
              f"{statistics.median(cpus) * 1000:,.0f} ms CPU (of 5)")
    store = ReleaseStore(work / "home" / "releases")
    _, wall, cpu = timed(store.take, verify_release(release))
    print(f"  taken into a kiosk's store (copied, the copy's hashes checked, renamed): "
          f"{wall * 1000:,.0f} ms wall, {cpu * 1000:,.0f} ms CPU")


def large(work: Path, gigabytes: float, sparse: bool) -> None:
    source = work / "large-source"
    source.mkdir()
    (source / "exhibit.yaml").write_text(
        "format: 1\ntitle: Large\nevents:\n  - id: first\n    date: 1981\n    title: First\n",
        encoding="utf-8")
    big = source / "film.bin"
    size = int(gigabytes * 1024 ** 3)
    started = time.perf_counter()
    with big.open("wb") as file:
        if sparse:
            file.truncate(size)
        else:
            block = os.urandom(64 * 1024 * 1024)
            for offset in range(0, size, len(block)):
                file.write(block[: min(len(block), size - offset)])
    release = publish(source, work / "outbox-large", version="1").folder
    big.unlink()
    print(f"{gigabytes:g} GB release ({'sparse' if sparse else 'random'} file), made in "
          f"{time.perf_counter() - started:.0f} s")

    idle_until = time.perf_counter() + 3
    idle = ticks(lambda: time.perf_counter() < idle_until)
    print(f"  main thread at 60 Hz, nothing else running: {gap_figures(idle)}")
    progress: list[int] = []
    result: list[tuple[object, float, float]] = []

    def worker() -> None:
        result.append(timed(verify_release, release,
                            progress=lambda done, total: progress.append(done)))

    thread = threading.Thread(target=worker)
    thread.start()
    gaps = ticks(thread.is_alive)
    thread.join()
    verdict, wall, cpu = result[0]
    assert isinstance(verdict, Verdict) and verdict.ok, verdict
    print(f"  verified in a worker thread: {wall:.1f} s wall, {cpu:.1f} s CPU "
          f"({size / 1024 ** 2 / wall:,.0f} MB/s), {len(progress):,} progress reports")
    print(f"  main thread at 60 Hz meanwhile: {gap_figures(gaps)}")

    stop = threading.Event()
    half = size // 2
    asked: list[float] = []

    def cancel_at_half(done: int, total: int) -> None:
        if done >= half and not stop.is_set():
            asked.append(time.perf_counter())
            stop.set()

    verdict, _, _ = timed(verify_release, release, cancel=stop.is_set, progress=cancel_at_half)
    returned = time.perf_counter()
    assert isinstance(verdict, Verdict) and verdict.cancelled
    print(f"  cancelled at half way: returned {(returned - asked[0]) * 1000:.1f} ms after "
          "the cancel")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--big-gb", type=float, default=2.0, help="the large release's size "
                        "(0: none)")
    parser.add_argument("--sparse", action="store_true", help="a sparse large file (no disk "
                        "writes; reading it costs the hashing only)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kiosk-releases-bench-") as folder:
        work = Path(folder)
        bundled(work)
        if args.big_gb > 0:
            large(work, args.big_gb, args.sparse)
    return 0


if __name__ == "__main__":
    sys.exit(main())
