"""Gold-set readers and metrics: how well each stage of strife does, measured."""
