"""The `agenda run` floor: a Rich clock redrawn once a second on the full screen, and nothing else."""

import time
from datetime import datetime

from rich.align import Align
from rich.console import Console
from rich.live import Live
from rich.panel import Panel
from rich.text import Text


def view() -> Panel:
    return Panel(Align.center(Text(datetime.now().strftime("%H:%M:%S"), style="bold green"), vertical="middle"),
                 title="clock")


console = Console()
with Live(view(), console=console, screen=True, auto_refresh=False, transient=True) as live:
    while True:
        time.sleep(1 - time.time() % 1 + 0.01)
        live.update(view(), refresh=True)
