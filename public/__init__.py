"""The public tracker and open-data feed: read-only pages and files built from storage/, served or written out."""
