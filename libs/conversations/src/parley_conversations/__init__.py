"""Parley conversations."""
