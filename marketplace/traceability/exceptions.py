class BatchRefused(Exception):
    """A change to a batch that cannot be made; the message (Vietnamese) says why."""
