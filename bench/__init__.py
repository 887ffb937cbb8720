"""The build's benchmark: `python -m bench` from the edition's folder.

It builds this edition, the ELTeC English novels and synthetic editions of
1,000 and 10,000 documents with `edition build`, compares each build with the
floor (lxml parsing and serialising the same files), times rebuilds after one
edited document, checks the performance targets, prints the tables and writes
them to docs/performance.md.
"""
