"""A problem found in a product file: a file-level one (row 0) or one cell's, in Vietnamese."""

from dataclasses import dataclass


class FileRefused(Exception):
    """The whole file cannot be read (wrong type, too big, a zip bomb, …); the message says why."""


@dataclass(frozen=True)
class Problem:
    row: int  # the row number the person sees in their spreadsheet (the heading is row 1); 0: the file
    column: str  # the column's heading, or ""
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}
