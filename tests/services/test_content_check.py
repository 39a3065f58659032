"""The content check's answer crosses from its child process in pieces and arrives whole
(kiosk.services.content_check)."""

from __future__ import annotations

import dataclasses
import multiprocessing
import threading
from pathlib import Path

from kiosk.content import load_folder
from kiosk.services import content_check
from kiosk.services.content_check import EVENTS_PER_PIECE, Answer
from kiosk.services.last_good import LastGood, fingerprint
from kiosk.services.paths import bundled_content


def test_a_large_answer_arrives_whole_a_piece_at_a_time(tmp_path: Path) -> None:
    loaded = load_folder(bundled_content()).exhibit
    assert loaded is not None
    events = tuple(dataclasses.replace(event, id=f"{event.id}-{n}")
                   for n in range(5) for event in loaded.events)
    assert len(events) > 2 * EVENTS_PER_PIECE
    exhibit = dataclasses.replace(loaded, events=events)
    kept = LastGood(tmp_path / "store").save(bundled_content(), exhibit,
                                             fingerprint(bundled_content()))
    sent = Answer(True, [], kept.exhibit, kept.files, kept, "listed", 3, 1.5)
    answers, out = multiprocessing.get_context("spawn").Pipe(duplex=False)
    pieces: list[int] = []
    real_send = out.send

    def counting(value: object) -> None:
        pieces.append(1)
        real_send(value)

    out.send = counting  # type: ignore[method-assign, assignment]
    sender = threading.Thread(target=content_check._send, args=(sent, out))
    sender.start()
    received = content_check._receive(answers)
    sender.join()
    assert received == sent  # every event, in order, and the rest of the answer
    assert received.kept is not None and received.kept.exhibit is received.exhibit
    assert len(pieces) == 1 + -(-len(events) // EVENTS_PER_PIECE)  # never the whole at once
