"""Running the pipeline over many papers."""
