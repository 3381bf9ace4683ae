"""Ingest stage of the pipeline."""
