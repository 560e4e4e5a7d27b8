"""Writers for a run's outputs."""
