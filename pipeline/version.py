"""The version, in a module of its own: every part of the package can import it without
importing the package's `__init__` (which reaches the API, and through it most modules)."""

__version__ = "0.1.0"
