class WholesaleRefused(Exception):
    """A write refused for a reason the person can fix; the message is for them (Vietnamese)."""
