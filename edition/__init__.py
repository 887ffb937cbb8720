"""Two Programmes: the tool that validates and builds the edition."""

__version__ = "1.0.0"
