"""Visitor statistics: the recorder's hooks, the writer, the database, the report and the staff
panel's figures."""
