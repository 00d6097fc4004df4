"""Which batch (lot) each line of a sub-order leaves from: the order app's side of the seam.

The order app knows nothing of batches. Whatever keeps them (marketplace/traceability, which sits
above the order app and imports it) installs a `BatchKeeper` with `batch_keeper_set` when Django
starts. The sub-order life cycle calls it inside its own transaction: `assign` when the sub-order
is packed (or shipped without being packed first), `release` when it is cancelled (after its
reservations are released); returns call `restock` for resellable units. A keeper may keep the
stock of some products by batch (their stock record's `kept_by_batch`): then `assign` takes the
line's reservation off the stock record with the units it takes from the batch. Without a keeper
nothing is recorded and every step works as before."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from .models import SubOrder


@dataclass(frozen=True)
class BatchOption:
    """A batch a line may leave from, as the packing form offers it."""

    batch_id: int
    label: str


@dataclass(frozen=True)
class LineBatches:
    """One line of a sub-order at packing: the batches it may leave from (the default first: the
    one expiring first), or what it left from once packed."""

    line_id: int
    title: str
    quantity: int
    options: tuple[BatchOption, ...] = ()
    shipped_from: tuple[str, ...] = ()


class BatchKeeper(Protocol):
    def lines(self, suborder: SubOrder) -> list[LineBatches]:
        """The sub-order's lines with their batch choices (before packing) or batches (after)."""
        ...

    def assign(self, suborder: SubOrder, chosen: Mapping[int, int]) -> None:
        """Record the batch of every line not yet recorded: `chosen[line_id]` (a batch id, 0 for
        none) or the default. Raises SubOrderActionRefused for a batch that cannot serve the line."""
        ...

    def release(self, suborder: SubOrder) -> None:
        """The sub-order was cancelled: its lines' units go back to their batches."""
        ...

    def restock(self, line: Any, quantity: int) -> bool:
        """Resellable units of `line` came back. True if the keeper put them back (the product is
        kept by batch); False: the caller adds them to the stock record."""
        ...


class NoBatches:
    def lines(self, suborder: SubOrder) -> list[LineBatches]:
        return []

    def assign(self, suborder: SubOrder, chosen: Mapping[int, int]) -> None:
        return None

    def release(self, suborder: SubOrder) -> None:
        return None

    def restock(self, line: Any, quantity: int) -> bool:
        return False


_keeper: BatchKeeper = NoBatches()


def batch_keeper_set(keeper: BatchKeeper) -> None:
    global _keeper
    _keeper = keeper


def batch_keeper() -> BatchKeeper:
    return _keeper
