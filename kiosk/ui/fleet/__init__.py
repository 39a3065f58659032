"""Releases on a kiosk (docs/fleet.md): following an inbox, switching on the welcome screen,
the staff panel's releases, the status file."""
