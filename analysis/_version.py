"""The kit's version, read from the installed package's metadata (cheap: nothing else is imported)."""

from importlib.metadata import version

KIT_VERSION = version("slant")
