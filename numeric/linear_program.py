"""Sparse linear programs over a survival function on a grid, solved by HiGHS.

Both grid programs of the Hotelling benchmark and of Example 2 describe an interim
distribution by its survival at grid points (linear in between), with rows for deviation or
pricing constraints and for the mean-preserving contraction; this module holds the shared
bookkeeping.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from scipy.sparse import coo_matrix, csr_matrix

__all__ = ["SparseRows", "trapezoid_weights"]


@dataclass
class SparseRows:
    """Inequality rows ``A x <= b`` collected one at a time as ``(column, coefficient)`` lists.

    Examples
    --------
    >>> rows = SparseRows(3)
    >>> rows.add([(0, 1.0), (2, -1.0)], 0.5)
    >>> rows.matrix().toarray(), rows.bounds
    (array([[ 1.,  0., -1.]]), [0.5])
    """

    columns: int
    _rows: list[int] = field(default_factory=list)
    _cols: list[int] = field(default_factory=list)
    _vals: list[float] = field(default_factory=list)
    bounds: list[float] = field(default_factory=list)

    def add(self, entries: list[tuple[int, float]], bound: float) -> None:
        """Append the row ``sum(coefficient * x[column]) <= bound``."""
        r = len(self.bounds)
        for c, v in entries:
            self._rows.append(r)
            self._cols.append(c)
            self._vals.append(float(v))
        self.bounds.append(float(bound))

    def matrix(self) -> csr_matrix:
        """The rows as a sparse matrix."""
        return coo_matrix((self._vals, (self._rows, self._cols)), shape=(len(self.bounds), self.columns)).tocsr()


def trapezoid_weights(n: int, h: float) -> np.ndarray:
    """Weights of the trapezoid rule on n + 1 equally spaced points: the integral of a
    piecewise-linear survival from the grid's start.

    Examples
    --------
    >>> trapezoid_weights(2, 0.5).tolist()
    [0.25, 0.5, 0.25]
    """
    weights = np.full(n + 1, h)
    weights[[0, n]] = h / 2
    return weights
