"""Reads that span business areas for the home screen."""
