package org.ganglion.core.spi;

/**
 * Elementwise binary primitives. Both operands have the same dtype (core promotes first).
 * Comparisons and logical ops produce BOOL; the rest produce the operand dtype. Integer DIV
 * truncates toward zero and throws {@link ArithmeticException} on a zero divisor; MOD is the
 * floor-mod (result has the divisor's sign, as Python and PyTorch).
 */
public enum BinaryOp {
    ADD, SUB, MUL, DIV, POW, MAX, MIN, MOD,
    EQ, NE, LT, LE, GT, GE,
    AND, OR;

    public boolean isComparison() { return ordinal() >= EQ.ordinal() && ordinal() <= GE.ordinal(); }

    public boolean isLogical() { return this == AND || this == OR; }

    /** True when the output dtype is BOOL. */
    public boolean producesBool() { return isComparison() || isLogical(); }
}
