"""Reads of the reports: a cooperative's own sales (`cooperative`) and the alliance's analytics
(`alliance`)."""
