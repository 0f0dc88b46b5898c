package org.ganglion.core.spi;

/**
 * Reductions over the middle axis of a {@code [outer, n, inner]} array. SUM and PROD keep the
 * dtype; MAX and MIN propagate NaN; ARGMAX and ARGMIN return INT64 and pick the first index on
 * ties (a NaN counts as the maximum). Reducing zero elements: SUM 0, PROD 1, MAX -inf, MIN +inf
 * (integer types: their minimum / maximum value); ARGMAX/ARGMIN of zero elements is an error.
 */
public enum ReduceOp {
    SUM, PROD, MAX, MIN, ARGMAX, ARGMIN;

    public boolean isArg() { return this == ARGMAX || this == ARGMIN; }
}
