"""Staff: the PIN pad, the staff panel, the content report for editors."""
