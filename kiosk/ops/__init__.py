"""Running the kiosk for days: settings, logs, supervision, snapshots and benchmarks."""
