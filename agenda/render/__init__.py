"""Renderers: a Plan or findings in, text out. Nothing here decides a time or judges a programme."""
