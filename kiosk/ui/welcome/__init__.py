"""The welcome screen and its attract motion."""
