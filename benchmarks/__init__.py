"""Load generators and figures, run on demand by `make bench`, not part of `make test`."""
