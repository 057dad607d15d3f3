"""checker: claims, their cited sources and the evidence for them, in Arabic and English news."""
__version__ = "0.1.0"
