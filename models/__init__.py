"""Typed records and the database schema. Imports nothing else of citypairs."""
