"""Content format 1: reading, validating and modelling an exhibit. Plain Python, no Qt."""

from kiosk.content.loader import LoadResult, load_folder
from kiosk.content.problems import Problem
from kiosk.core.model import Era, Event, Exhibit, Media, Text

__all__ = ["Era", "Event", "Exhibit", "LoadResult", "Media", "Problem", "Text", "load_folder"]
