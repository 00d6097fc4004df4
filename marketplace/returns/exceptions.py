class ReturnRefused(Exception):
    """A return step that is not allowed now; the message is safe to show to the person asking."""
