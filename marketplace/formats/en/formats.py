# English pages show dates and numbers exactly as Vietnamese ones do (dd/mm/yyyy, 24-hour clock).
from marketplace.formats.vi.formats import *  # noqa: F403
