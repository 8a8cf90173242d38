"""Prefect flows (ingest, extract, dedupe, pipeline) and the command line."""
