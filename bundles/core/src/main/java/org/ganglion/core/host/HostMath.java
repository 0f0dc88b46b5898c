package org.ganglion.core.host;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;
import org.ganglion.core.DType;
import org.ganglion.core.DTypeMismatchException;
import org.ganglion.core.spi.BinaryOp;
import org.ganglion.core.spi.UnaryOp;

/**
 * The scalar functions behind the elementwise kernels. Floating functions work on {@code double};
 * float32 kernels apply them to the exact double value of the float and round the result once,
 * which for + - * / and sqrt is exactly IEEE float arithmetic. Integer functions work on
 * {@code long}; int32 kernels narrow the result, which wraps exactly as int arithmetic does.
 */
final class HostMath {
    private HostMath() {}

    /** Compares two values; used for comparisons and logical ops, whose result is BOOL. */
    interface DoublePredicate2 { boolean test(double a, double b); }

    interface LongPredicate2 { boolean test(long a, long b); }

    // ---- unary ---------------------------------------------------------------------------

    static DoubleUnaryOperator floating(UnaryOp op) {
        return switch (op) {
            case NEG -> x -> -x;
            case ABS -> Math::abs;
            case SIGN -> Math::signum;
            case EXP -> Math::exp;
            case EXPM1 -> Math::expm1;
            case LOG -> Math::log;
            case LOG1P -> Math::log1p;
            case SQRT -> Math::sqrt;
            case RECIPROCAL -> x -> 1.0 / x;
            case SIN -> Math::sin;
            case COS -> Math::cos;
            case TANH -> Math::tanh;
            case SIGMOID -> HostMath::sigmoid;
            case ERF -> HostMath::erf;
            case FLOOR -> Math::floor;
            case CEIL -> Math::ceil;
            case ROUND -> Math::rint;
            case NOT, IS_NAN -> throw new IllegalArgumentException(op + " produces BOOL");
        };
    }

    /** NEG, ABS and SIGN on integers (wrapping: {@code -MIN_VALUE == MIN_VALUE}). */
    static LongUnaryOperator integral(UnaryOp op, DType dtype) {
        return switch (op) {
            case NEG -> x -> -x;
            case ABS -> Math::abs;
            case SIGN -> Long::signum;
            default -> throw new DTypeMismatchException("unary " + op + " does not accept " + dtype);
        };
    }

    /** Logistic function without overflow: {@code e^-x} is only formed for {@code x >= 0}. */
    static double sigmoid(double x) {
        if (x >= 0) return 1.0 / (1.0 + Math.exp(-x));
        double e = Math.exp(x); // also the NaN branch
        return e / (1.0 + e);
    }

    private static final double TWO_OVER_SQRT_PI = 1.1283791670955126;   // 2/sqrt(pi)
    private static final double ONE_OVER_SQRT_PI = 0.5641895835477563;   // 1/sqrt(pi)

    /**
     * The error function, absolute error below 1e-15. For {@code |x| < 2} the everywhere-positive
     * series {@code erf x = 2/sqrt(pi) e^{-x^2} sum_n 2^n x^{2n+1} / (1*3*...*(2n+1))}
     * (Abramowitz-Stegun 7.1.6; no cancellation); beyond, {@code 1 - erfc x} with the continued
     * fraction {@code erfc x = e^{-x^2}/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))}
     * (A-S 7.1.14), evaluated backwards; for {@code |x| >= 6}, erf is 1 to double precision.
     */
    static double erf(double x) {
        if (Double.isNaN(x)) return x;
        double ax = Math.abs(x);
        double r;
        if (ax < 2.0) {
            double x2 = ax * ax, term = ax, sum = ax;
            for (int n = 1; term > sum * 1e-17; n++) {
                term *= 2.0 * x2 / (2 * n + 1);
                sum += term;
            }
            r = TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
        } else if (ax < 6.0) {
            double f = ax;
            for (int n = 60; n >= 1; n--) f = ax + (n / 2.0) / f;
            r = 1.0 - ONE_OVER_SQRT_PI * Math.exp(-ax * ax) / f;
        } else {
            r = 1.0;
        }
        return Math.copySign(r, x);
    }

    // ---- binary --------------------------------------------------------------------------

    static DoubleBinaryOperator floating(BinaryOp op) {
        return switch (op) {
            case ADD -> (a, b) -> a + b;
            case SUB -> (a, b) -> a - b;
            case MUL -> (a, b) -> a * b;
            case DIV -> (a, b) -> a / b;
            case POW -> Math::pow;
            case MAX -> Math::max;
            case MIN -> Math::min;
            case MOD -> HostMath::floorMod;
            default -> throw new IllegalArgumentException(op + " produces BOOL");
        };
    }

    /** Integer arithmetic, wrapping on overflow; BOOL accepts ADD (or), MUL (and), MAX (or), MIN (and). */
    static LongBinaryOperator integral(BinaryOp op, DType dtype) {
        if (dtype == DType.BOOL && op != BinaryOp.ADD && op != BinaryOp.MUL && op != BinaryOp.MAX && op != BinaryOp.MIN)
            throw new DTypeMismatchException("binary " + op + " does not accept " + dtype);
        return switch (op) {
            case ADD -> (a, b) -> a + b;
            case SUB -> (a, b) -> a - b;
            case MUL -> (a, b) -> a * b;
            case DIV -> (a, b) -> {
                if (b == 0) throw new ArithmeticException("integer division by zero");
                return a / b;
            };
            case POW -> HostMath::intPow;
            case MAX -> Math::max;
            case MIN -> Math::min;
            case MOD -> Math::floorMod;
            default -> throw new IllegalArgumentException(op + " produces BOOL");
        };
    }

    static DoublePredicate2 floatingPredicate(BinaryOp op) {
        return switch (op) {
            case EQ -> (a, b) -> a == b;
            case NE -> (a, b) -> a != b;
            case LT -> (a, b) -> a < b;
            case LE -> (a, b) -> a <= b;
            case GT -> (a, b) -> a > b;
            case GE -> (a, b) -> a >= b;
            case AND -> (a, b) -> a != 0 && b != 0;
            case OR -> (a, b) -> a != 0 || b != 0;
            default -> throw new IllegalArgumentException(op + " does not produce BOOL");
        };
    }

    static LongPredicate2 integralPredicate(BinaryOp op) {
        return switch (op) {
            case EQ -> (a, b) -> a == b;
            case NE -> (a, b) -> a != b;
            case LT -> (a, b) -> a < b;
            case LE -> (a, b) -> a <= b;
            case GT -> (a, b) -> a > b;
            case GE -> (a, b) -> a >= b;
            case AND -> (a, b) -> a != 0 && b != 0;
            case OR -> (a, b) -> a != 0 || b != 0;
            default -> throw new IllegalArgumentException(op + " does not produce BOOL");
        };
    }

    /** Floor-mod as Python's {@code %}: the result has the divisor's sign (or is a zero of that sign). */
    static double floorMod(double a, double b) {
        double r = a % b;                       // exact, sign of a
        if (r == 0) return Math.copySign(0.0, b);
        if ((r < 0) != (b < 0)) r += b;
        return r;
    }

    /**
     * Integer power by squaring, wrapping on overflow. A negative exponent truncates toward zero
     * like integer division: {@code 1}, {@code ±1} for base -1, 0 otherwise, and an
     * {@link ArithmeticException} for base 0.
     */
    static long intPow(long base, long exp) {
        if (exp < 0) {
            if (base == 0) throw new ArithmeticException("integer zero to a negative power");
            if (base == 1) return 1;
            if (base == -1) return (exp & 1) == 0 ? 1 : -1;
            return 0;
        }
        long r = 1;
        while (exp > 0) {
            if ((exp & 1) != 0) r *= base;
            base *= base;
            exp >>>= 1;
        }
        return r;
    }
}
