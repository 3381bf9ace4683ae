"""Translation stage of the pipeline."""
