"""What `kiosk bench` and the kiosk process it measures say to each other: JSON lines.

The child (kiosk/tools/bench_child.py) writes one JSON object a line to its stdout, each
with a "kind"; where the parent must measure the process from outside (memory, CPU while
nobody touches it), the child waits until the parent writes "go" to its stdin.

    first_frame  t                       the window's first frame is on screen
    visited      next_ms, viewer_open_ms, drag_ms, gestures, backend
                                         every event seen once; waits for "go"
    navigated                            1,000 further navigations done; waits for "go"
    idle         screen, attract_interval  nobody touching; waits for "go"
    frames       screen, fps             frames drawn while it sat still
    soak         step                    a memory sample is due (with --soak)
    done                                 finished; waits for stdin to close
    error        text                    the content did not load
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from typing import IO, Any

GO = "go"


def emit(kind: str, **values: Any) -> None:
    """The child: one message to the parent."""
    print(json.dumps({"kind": kind, **values}), flush=True)


def wait_for_go() -> None:
    """The child: block until the parent has measured and says go."""
    sys.stdin.readline()


def messages(stdout: IO[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    """The parent: the child's messages as (kind, values), as they come."""
    for line in stdout:
        message = json.loads(line)
        yield message.pop("kind"), message


def go_on(stdin: IO[str]) -> None:
    """The parent: let the child go on."""
    stdin.write(GO + "\n")
    stdin.flush()
