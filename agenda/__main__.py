from agenda.cli import entry_point

entry_point()
