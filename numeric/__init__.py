"""Independent numeric witnesses: high-precision (mpmath) and finite (numpy/scipy) computations.

Each witness reaches a claim's numbers by another road than the symbolic derivation
(quadrature of the definition, root finding on a first-order condition written from the
definition, brute force, linear programming) and never evaluates a symbolic result.
Precision is set through ``mpmath.workdps`` contexts only.
"""

__all__: list[str] = []
