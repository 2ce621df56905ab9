"""Renderers: a Plan or findings in, text out. Nothing here decides a time or judges a programme;
inert.py makes text from files safe to print."""
