"""reporter: county-level science-and-technology indicators in the terminal."""

__version__ = "0.1.0"
