"""Offline touch-screen exhibition kiosk."""

__version__ = "0.1.0"
