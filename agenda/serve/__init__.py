"""`agenda serve`: the live programme for browsers (the stage timer, the wall, the desk)."""
