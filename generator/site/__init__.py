"""Site stage of the pipeline."""
