package org.ganglion.core.spi;

/**
 * Elementwise unary primitives. Output dtype equals input dtype except where noted. Float ops
 * follow IEEE 754 and {@link Math} (NaN propagates; {@code LOG(0) = -inf}). Integer inputs are
 * accepted by NEG, ABS and SIGN; BOOL by NOT only.
 */
public enum UnaryOp {
    NEG, ABS, SIGN, EXP, EXPM1, LOG, LOG1P, SQRT, RECIPROCAL, SIN, COS, TANH,
    /** Logistic 1/(1+e^-x), computed without overflow for large |x|. */
    SIGMOID,
    /** The Gauss error function (GELU needs it); absolute error below 1e-12 in float64. */
    ERF,
    FLOOR, CEIL,
    /** Round half to even, as {@link Math#rint}. */
    ROUND,
    /** Logical not; BOOL in, BOOL out. */
    NOT,
    /** 1 where the value is NaN; any dtype in, BOOL out. */
    IS_NAN
}
