"""Exporters: a list of plans in, the bytes of a file out."""
