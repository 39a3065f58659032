"""Content in and out: `kiosk import` (a TimelineJS 3 JSON file, the TimelineJS spreadsheet
layout as CSV or .xlsx, or our own sheet) and `kiosk export --sheet` (our own sheet).

Plain Python without Qt, one layer above kiosk.content: every importer builds a `Draft`
(the exhibit as it will be written), the writer turns it into a content format 1 folder and
checks it with kiosk.content's own loader before anything is put in place. Nothing here
opens a network connection: a picture on the internet is named in the report, never fetched.
"""

from kiosk.importers.report import ImportRefused, Report
from kiosk.importers.run import export_sheet, import_source

__all__ = ["ImportRefused", "Report", "export_sheet", "import_source"]
