"""What `kiosk bench` figures should be on an exhibition laptop, and the plain verdict staff
read beside each: the one table of targets, used by the bench and quoted in
docs/performance.md (a test checks the quote).

Each target has two limits: at or under `good` the figure is what the kiosk should be; over
`poor` visitors (or staff) will notice; in between it is a little slow but fine. The limits
come from what people notice, not from the engineers' stricter goals for this machine (issue
26's 33 ms next-event p95, for one), which docs/performance.md lists with their figures.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

GOOD = "good"


@dataclass(frozen=True)
class Target:
    key: str  # the figure in `kiosk bench --json`
    name: str  # what staff read
    unit: str  # "ms", "MB", "%"
    good: float  # at most this: good
    poor: float  # over this: `poor_words`
    fair_words: str  # between the two
    poor_words: str
    why: str  # where the limits come from (in the docs' table)
    detail: str = ""  # how it is measured, in a word, after the name in the bench's table

    def verdict(self, value: float) -> str:
        if value <= self.good:
            return GOOD
        return self.fair_words if value <= self.poor else self.poor_words

    @property
    def label(self) -> str:
        return f"{self.name}, {self.detail}" if self.detail else self.name

    def limits(self) -> str:
        return f"at most {_number(self.good)} {self.unit}"


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


_NOTICE = "slow: expect visitors to notice"
TARGETS: tuple[Target, ...] = (
    Target("next_p95_ms", "next event", "ms", 100, 300,
           "a little slow: quick visitors may notice", _NOTICE,
           "a reply within 0.1 s feels instant; 0.3 s is seen as a wait",
           "slowest tap in 20"),
    Target("viewer_open_ms", "photo viewer", "ms", 100, 300,
           "a little slow: quick visitors may notice", _NOTICE,
           "as the next event", "tap to full screen"),
    Target("drag_follow_ms", "timeline drag", "ms", 33, 100,
           "a little behind the finger", "behind the finger: expect visitors to notice",
           "two frames at 60 Hz; over 0.1 s a drag feels sticky", "following a finger"),
    Target("first_frame_ms", "start-up", "ms", 5_000, 25_000,
           "slow to start (visitors do not see the start)",
           "too slow to start: the kiosk's watchdog restarts a kiosk silent for 30 s",
           "a few seconds; the supervisor waits 30 s for the first sign of life"),
    Target("pss_mb", "memory", "MB", 300, 1_000, "more than expected, but fine",
           "much memory: close other programs, or use a laptop with more memory",
           "the kiosk uses 110 - 250 MB on the reference machine"),
    Target("pss_growth_mb", "memory growth over 1,000 taps", "MB", 5, 50,
           "grows a little: fine for a day",
           "grows: restart the kiosk every night and tell the developers",
           "issue 26: at most 5 MB"),
    Target("soak_growth_mb", "memory growth over a long run (--soak)", "MB", 10, 100,
           "grows a little: fine for a day",
           "grows: restart the kiosk every night and tell the developers",
           "at most 10 MB after warm-up"),
    Target("idle_welcome_cpu_pct", "idle processor, welcome screen", "%",
           10, 50, "busier than it should be, but fine",
           "busy: the laptop runs warm and its fan may be heard",
           "3.6 % of a core on the reference machine; one core is 100 %"),
    Target("idle_event_cpu_pct", "idle processor, an event", "%", 3, 25,
           "busier than it should be, but fine",
           "busy: the laptop runs warm and its fan may be heard",
           "an event with nobody touching draws nothing: 0 %"),
)
BY_KEY: Mapping[str, Target] = {target.key: target for target in TARGETS}


@dataclass(frozen=True)
class Verdict:
    target: Target
    value: float
    words: str

    @property
    def good(self) -> bool:
        return self.words == GOOD

    @property
    def poor(self) -> bool:
        return self.words == self.target.poor_words


def verdicts(figures: Mapping[str, object]) -> list[Verdict]:
    """A verdict for each figure with a target that the bench measured (a drag on a timeline
    that fits the screen has none)."""
    found = []
    for target in TARGETS:
        value = figures.get(target.key)
        if isinstance(value, int | float):
            found.append(Verdict(target, float(value), target.verdict(float(value))))
    return found


def headline(found: list[Verdict]) -> str:
    """The answer to the README's question, "Is this laptop good enough?", in one line."""
    poor = [v for v in found if v.poor]
    fair = [v for v in found if not v.good and not v.poor]
    if poor:
        return (f"This laptop is not good enough for this exhibit: "
                f"{_and([v.target.name for v in poor])} (see below).")
    if fair:
        return (f"This laptop is good enough for this exhibit, though "
                f"{_and([v.target.name for v in fair])} could be better (see below).")
    return "This laptop is good enough for this exhibit."


def _and(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def markdown_table() -> str:
    """The targets as docs/performance.md quotes them."""
    lines = ["| figure (`--json` key) | good | over this | why |", "|---|---|---|---|"]
    for t in TARGETS:
        lines.append(f"| {t.label} (`{t.key}`) | {t.limits()} | {_number(t.poor)} {t.unit}: "
                     f"\"{t.poor_words}\" | {t.why} |")
    return "\n".join(lines)
