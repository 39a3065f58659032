"""The translation round trip: an exhibit's texts out to XLIFF or PO files for translators'
tools, and their translations back into the YAML, in place. Plain Python, no Qt; it reads
content through kiosk.content and writes nothing else (see roundtrip.py)."""
