"""Analysis stage of the pipeline."""
