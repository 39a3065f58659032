"""Display options: large text, calm colours."""
