"""Demonstration content for ``manage.py seed_demo`` and ``seed_scale``: data, generated images,
builders. Product code never imports it (an import-linter contract keeps it so)."""
