"""Event type and mode from a trained model: relation classification (its evaluation is in
:mod:`strife.evaluate`)."""
