"""Helpers for testing code that uses zoomsig."""
