"""Every limit of a content folder, in one place: what the kiosk can show within its budgets.

A folder that keeps these limits is shown whole, quickly, in bounded memory; a folder that
breaks one is rejected with a message that says the limit and the fix. The kiosk's own
settings (kiosk.toml) obey the same limits: they read them from here.
"""

from __future__ import annotations

import math

# --- files --------------------------------------------------------------------------------
MAX_YAML_BYTES = 2 * 1024 * 1024  # a hand-written content file is a few kB
# all of them: read, checked and laid out at start; 1,000 events with 300-word stories in two
# languages and 20 captioned photos each hold about 6.5 MB (benchmarks/scale.py)
MAX_TOTAL_YAML_BYTES = 12 * 1024 * 1024
MAX_IMAGE_BYTES = 100 * 1024 * 1024  # checked before a picture is read
MAX_NAME_CHARS = 255  # one component of a path, as file systems allow
MAX_NODES = 200_000  # values in one YAML file
MAX_DEPTH = 50  # nesting of lists and mappings in one YAML file

# Video and audio (issue 19): a film or a song of an exhibit, not a cinema's programme. The
# size is read before anything else; the duration, picture size and codecs when the file is
# probed (kiosk/content/media_files.py).
MAX_MEDIA_BYTES = 2 * 1024 * 1024 * 1024
MAX_MEDIA_SECONDS = 30 * 60.0
# 3840x2160 (4K UHD) at most: decoding more in software on a kiosk's PC drops frames, and
# the screen shows no more than 1920x1080 anyway
MAX_VIDEO_WIDTH = 3840
MAX_VIDEO_HEIGHT = 2160
# A caption file (WebVTT) is text a person wrote or a tool made from speech: 30 minutes of
# speech is about 600 cues. Its size is checked before it is parsed.
MAX_CAPTION_BYTES = 1024 * 1024
MAX_CUES = 5_000
CUE_LINE_CHARS = 120  # on screen at two metres: two lines of about 42 characters are best
CUE_LINES = 3

# --- what the kiosk shows -----------------------------------------------------------------
MAX_EVENTS = 1_000  # markers on the timeline, all created at start-up: the large benchmark
MAX_MEDIA = 20  # photos of one event
MAX_LANGUAGES = 8
MAX_ID_CHARS = 80
TITLE_CHARS = 200  # titles are set large, in several places
SHORT_TEXT_CHARS = 600  # subtitles, captions, alt texts, credits
DATE_TEXT_CHARS = 80  # display_date
BODY_CHARS = 20_000  # an event's story: several screens of text

# An event's title in its panel at 1920x1080 (EventScreen.qml, docs: visual-design): 648 px
# wide, 56 px bold, shrunk to 44 px when it needs more than 3 lines. A title that needs
# more than TITLE_LINES lines even at 44 px pushes the story below the fold: a warning.
TITLE_LINES = 3
TITLE_WIDTH_PX = 648
TITLE_SMALLEST_PX = 44

# The exhibit's title on the welcome screen at 1920x1080 (Welcome.qml): min(1920 - 2 x 64,
# 1500) - 2 x 48 px wide, 96 px bold, 64 px when it needs more than 2 lines; past
# WELCOME_TITLE_LINES lines at 64 px its panel hides most of the welcome picture: a warning.
WELCOME_TITLE_WIDTH_PX = 1404
WELCOME_TITLE_SMALLER_PX = 64
WELCOME_TITLE_LINES = 3
# Its subtitle under it, 40 px regular, as wide; past WELCOME_SUBTITLE_LINES lines the
# panel hides most of the picture too.
WELCOME_SUBTITLE_PX = 40
WELCOME_SUBTITLE_LINES = 4
# ... and in the top bar of every event screen (TopBar.qml), after the back arrow, 28 px
# bold on one line, cut with "…" when it is wider than the bar leaves it: 1,520 px beside
# the display options and a switch of two languages, about 160 px less for each language
# more (tests/ui check these against the real layout).
TOP_BAR_TITLE_PX = 28
TOP_BAR_ROOM_PX = 1520
TOP_BAR_ROOM_PER_LANGUAGE_PX = 160

# An event's label on the timeline strip (its short_title, else its title): 22 px, at most
# LABEL_LINES lines of LABEL_WIDTH_PX, widened by the factors of LABEL_WIDENING when it needs
# more; a label that needs more even at the widest spills out of the strip.
LABEL_WIDTH_PX = 220.0  # px: a label's widest line, at 1080p and normal text size
LABEL_WIDENING = (1.0, 1.25, 1.5)
LABEL_LINES = 2
LABEL_PX = 22

# The timeline draws a tick per year, or per 10 years when it is long: its span bounds
# the number of ticks (one per 10 years at most, 1,000 in all) and the strip's width.
MAX_SPAN_YEARS = 10_000

# A picture is decoded whole before Qt scales it (PNG, WebP): Qt refuses to allocate more
# than MAX_DECODE_MB, 4 bytes a pixel. The kiosk sets that limit from here (see the UI).
MAX_DECODE_MB = 256
MAX_MEGAPIXELS = 60  # at 4 bytes a pixel, within MAX_DECODE_MB

# Timers: an idle timeout of more than an hour leaves a stranger's choices on screen,
# and Qt's timers cannot count past 24 days.
MAX_IDLE_SECONDS = 3600.0
MAX_ATTRACT_SECONDS = 600.0


def seconds_problem(name: str, value: float, minimum: float, maximum: float) -> str | None:
    """Why a number of seconds cannot be used, or None; for content and settings alike."""
    if not math.isfinite(value) or not minimum <= value <= maximum:
        return f"'{name}' must be between {minimum:g} and {maximum:g} seconds, not {value:g}"
    return None
