"""geo: turn news articles about a journey into stops, a route, timings and a map."""

__version__ = "0.1.0"
