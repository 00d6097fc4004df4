"""Test helpers: steps and fixtures shared by tests of several files (see docs/testing.md)."""
