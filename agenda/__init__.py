"""agenda: plan, validate, show and publish the programme of a forum."""

__version__ = "0.1.0"
