"""PLACEHOLDER (to be replaced by the attribution work): the outlet registry."""
from __future__ import annotations


class OutletRegistry:
    pass


def load_registry() -> OutletRegistry:
    return OutletRegistry()
