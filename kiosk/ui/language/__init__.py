"""The visitor's language: its state, which every visitor feature reads, and the switch."""
