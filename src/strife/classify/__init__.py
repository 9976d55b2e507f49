"""Event type and mode from a trained model: relation classification and its evaluation."""
