"""Load generators and measurements, run on demand (not in make test)."""
