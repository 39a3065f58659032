"""Idle: "Still there?" and the return to the welcome screen."""
