"""Releases for many kiosks, without Qt: publishing a content folder as a release,
verifying one, following an inbox, keeping the last good releases, and the fleet's status.

Between services and ui: it uses the content rules (validation) and the services (settings,
paths); the kiosk's start-up and staff panel use it."""

from kiosk.releases.fleet import KioskStatus, current_status, read_statuses, write_status
from kiosk.releases.inbox import Follower, InboxView
from kiosk.releases.manifest import Manifest
from kiosk.releases.publish import PublishRefused
from kiosk.releases.store import ReleaseStore, StoreError, store_folder
from kiosk.releases.verify import Cancelled, Verdict, verify_release

__all__ = ["Cancelled", "Follower", "InboxView", "KioskStatus", "Manifest", "PublishRefused",
           "ReleaseStore", "StoreError", "Verdict", "current_status", "read_statuses",
           "store_folder", "verify_release", "write_status"]
