"""Demonstration content for ``manage.py seed_demo``: data, generated images, builders."""
