"""Exporters: a list of plans in, the bytes of a file out (formats.py lists them); output_files writes any file whole."""
