"""What every printed paper shares (the script, name plates, the booklet): the fonts and the page frame.

The same faces as the printed programme (agenda.export.html_page), so the
papers of one forum look alike; `word-break: keep-all`, so a Korean word is
never broken across lines (a token wider than its box may still wrap as a
last resort, rather than spill off the page).
"""

from html import escape

FONTS = ('"Noto Sans KR", "Noto Sans CJK KR", "Malgun Gothic", "Apple SD Gothic Neo", "Helvetica Neue", '
         "Arial, sans-serif")

BASE = f"""
* {{ box-sizing: border-box; }}
body {{ font-family: {FONTS}; color: #1a1a1a; background: #fff; margin: 0; word-break: keep-all;
       overflow-wrap: anywhere; -webkit-print-color-adjust: exact; print-color-adjust: exact; }}
"""


def page(language: str, title: str, style: str, body: str) -> str:
    """A self-contained page: inline CSS, no network, every text from the file already escaped in `body`."""
    return (f'<!DOCTYPE html>\n<html lang="{language}">\n<head>\n<meta charset="utf-8">\n'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{escape(title)}</title>\n<style>{BASE}{style}</style>\n</head>\n<body>\n{body}\n</body>\n</html>\n")
