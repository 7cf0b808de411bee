"""Simplified ↔ traditional conversion and script detection."""
