"""The program's exit codes, stated once: the command line returns them, and the supervisor
decides from them whether to start the kiosk again."""

from __future__ import annotations

OK = 0  # done, or a staff exit: the supervisor ends too
PROBLEMS = 1  # content with errors (or warnings, with --strict); a tool that failed
UNREADABLE = 2  # the content folder cannot be read at all
USAGE = 2  # a command line that asks the impossible (argparse's own code for its errors)
CRASHED = 70  # EX_SOFTWARE: an unhandled exception; the supervisor starts a fresh kiosk
ALREADY_RUNNING = 75  # EX_TEMPFAIL: another kiosk (or supervisor) runs in this home
NO_CONTENT = 78  # EX_CONFIG: nothing to show; starting again would not help

NO_RESTART = (OK, NO_CONTENT)  # the supervisor ends with the kiosk on these

# Seconds the supervisor gives a kiosk asked to stop before it kills it; whatever the kiosk
# does on its way out (statistics.close) must fit well inside.
STOP_GRACE_SECONDS = 5.0
