"""`python -m kiosk` runs the command line."""

import multiprocessing
import sys

from kiosk.cli import main

if __name__ == "__main__":  # a child process (the content check) imports this module too
    # the packaged program started as a child (kiosk.services.content_check) runs the
    # child's work here and ends, instead of starting a second kiosk
    multiprocessing.freeze_support()
    sys.exit(main())
