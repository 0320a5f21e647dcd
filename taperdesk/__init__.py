"""TaperDesk: plan, adjust, document and print benzodiazepine tapers, offline."""

__version__ = "0.1.0"
