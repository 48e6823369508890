"""Plumbing every Parley service shares: settings, logs, the Kafka broker, MongoDB, the step runner."""
