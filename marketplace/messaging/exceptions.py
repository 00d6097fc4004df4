class MessageRefused(Exception):
    """A message that cannot be sent; the text is safe to show to the sender."""
