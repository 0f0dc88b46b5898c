package org.ganglion.testkit;

import static org.ganglion.core.DType.FLOAT32;
import static org.ganglion.core.DType.FLOAT64;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import org.ganglion.autograd.Functions;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.Tensor;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.opentest4j.AssertionFailedError;

/**
 * (d) Numerical edge cases, each checked twice: against explicit expected values (so the reference
 * device is tested too) and against the reference device.
 *
 * <ul>
 *   <li>softmax and logSoftmax of logits at ±1e4 are finite and exact to tolerance (the composite
 *       subtracts the row maximum);</li>
 *   <li>a row of all -inf gives NaN in softmax and logSoftmax, as in PyTorch (the value is 0/0);
 *       the reference device defines it, every device must match;</li>
 *   <li>NaN and ±inf propagate through add, mul, exp, maximum, max and sum; exp overflows to +inf;
 *       log(0) = -inf; sigmoid(±1000) is exactly 1 and 0 and never NaN.</li>
 * </ul>
 */
final class EdgeCaseChecks {
    private EdgeCaseChecks() {}

    private static final double INF = Double.POSITIVE_INFINITY, NAN = Double.NaN;

    /** One edge case: a computation over one input, and the values it must give. */
    private record Edge(String name, DType dtype, int[] shape, double[] input, Function<Tensor, Tensor> f, double[] expected) {}

    private static final List<Edge> EDGES = edges();

    private static List<Edge> edges() {
        List<Edge> e = new ArrayList<>();
        double l = Math.log1p(Math.exp(-1));     // log(1 + e^-1)
        for (DType t : List.of(FLOAT32, FLOAT64)) {
            String d = t == FLOAT32 ? "f32" : "f64";
            double[] big = {1e4, -1e4, 0, 1e4 - 1, -1e4, -1e4, -1e4, -1e4};
            e.add(new Edge("softmax[" + d + " logits ±1e4]", t, new int[] {2, 4}, big, x -> softmax(x, 1),
                    new double[] {1 / (1 + Math.exp(-1)), 0, 0, Math.exp(-1) / (1 + Math.exp(-1)), 0.25, 0.25, 0.25, 0.25}));
            e.add(new Edge("logSoftmax[" + d + " logits ±1e4]", t, new int[] {2, 4}, big, x -> logSoftmax(x, 1),
                    new double[] {-l, -2e4 - l, -1e4 - l, -1 - l, -Math.log(4), -Math.log(4), -Math.log(4), -Math.log(4)}));
            double[] masked = {-INF, -INF, -INF, 0, 1, -INF};
            double z = 1 + Math.E;
            e.add(new Edge("softmax[" + d + " all -inf row is NaN]", t, new int[] {2, 3}, masked, x -> softmax(x, 1),
                    new double[] {NAN, NAN, NAN, 1 / z, Math.E / z, 0}));
            e.add(new Edge("logSoftmax[" + d + " all -inf row is NaN]", t, new int[] {2, 3}, masked, x -> logSoftmax(x, 1),
                    new double[] {NAN, NAN, NAN, -Math.log(z), 1 - Math.log(z), -INF}));
            // x op reversed(x) pairs the first element with the last, and so on
            e.add(new Edge("add[" + d + " NaN and inf propagate]", t, new int[] {7}, new double[] {NAN, INF, INF, 5, 1, -INF, 0},
                    x -> x.add(reversed(x)), new double[] {NAN, NAN, INF, 10, INF, NAN, NAN}));
            e.add(new Edge("mul[" + d + " NaN, inf times 0]", t, new int[] {5}, new double[] {NAN, INF, -INF, 0, 1},
                    x -> x.mul(reversed(x)), new double[] {NAN, NAN, INF, NAN, NAN}));
            double[] specials = {NAN, INF, -INF, 1, 0};
            e.add(new Edge("exp[" + d + " NaN, inf, overflow]", t, new int[] {6}, new double[] {NAN, INF, -INF, 89, 710, -1000},
                    Tensor::exp, new double[] {NAN, INF, 0, t == FLOAT32 ? INF : Math.exp(89), INF, 0}));
            e.add(new Edge("maximum[" + d + " NaN propagates]", t, new int[] {5}, specials, x -> x.maximum(reversed(x)),
                    new double[] {NAN, INF, -INF, INF, NAN}));
            e.add(new Edge("max[" + d + " NaN propagates]", t, new int[] {5}, specials, x -> x.max(), new double[] {NAN}));
            e.add(new Edge("max[" + d + " inf]", t, new int[] {3}, new double[] {1, INF, -INF}, x -> x.max(), new double[] {INF}));
            e.add(new Edge("sum[" + d + " NaN propagates]", t, new int[] {3}, new double[] {1, NAN, 2}, x -> x.sum(), new double[] {NAN}));
            e.add(new Edge("sum[" + d + " inf - inf]", t, new int[] {3}, new double[] {INF, 1, -INF}, x -> x.sum(), new double[] {NAN}));
            e.add(new Edge("sum[" + d + " inf]", t, new int[] {3}, new double[] {INF, 1, 1e30}, x -> x.sum(), new double[] {INF}));
            e.add(new Edge("log[" + d + " zero is -inf]", t, new int[] {4}, new double[] {0, -0.0, -1, INF}, Tensor::log,
                    new double[] {-INF, -INF, NAN, INF}));
            e.add(new Edge("sigmoid[" + d + " ±1000 exactly 0 and 1]", t, new int[] {4}, new double[] {-1000, 1000, -INF, INF},
                    Tensor::sigmoid, new double[] {0, 1, 0, 1}));
        }
        return e;
    }

    /** Reverses a 1-D tensor through indexSelect (there is no flip op). */
    private static Tensor reversed(Tensor x) {
        long[] idx = new long[x.shape(0)];
        for (int i = 0; i < idx.length; i++) idx[i] = idx.length - 1 - i;
        return x.indexSelect(0, Tensor.of(idx));
    }

    private static Tensor softmax(Tensor x, int axis) { return Functions.softmax(Variable.of(x), axis).value(); }

    private static Tensor logSoftmax(Tensor x, int axis) { return Functions.logSoftmax(Variable.of(x), axis).value(); }

    static Stream<DynamicNode> all(DeviceSession session) {
        return EDGES.stream().map(edge -> dynamicTest(edge.name(), () -> {
            Assumptions.assumeTrue(session.device().supports(edge.dtype()), () -> session.device().id() + " does not support " + edge.dtype());
            Outcome onDevice = session.onDevice(() -> run(edge));
            Outcome onReference = session.onReference(() -> run(edge));
            Tolerance tol = Tolerance.TRANSCENDENTAL.forDType(edge.dtype());
            if (onDevice.size() != edge.expected().length)
                throw new AssertionFailedError(edge.name() + ": " + onDevice.size() + " elements, expected " + edge.expected().length);
            for (int i = 0; i < edge.expected().length; i++) {
                double want = edge.dtype() == FLOAT32 ? (float) edge.expected()[i] : edge.expected()[i];
                if (!tol.accepts(onDevice.get(i), want) || !tol.accepts(onReference.get(i), want))
                    throw new AssertionFailedError(String.format(Locale.ROOT, "%s: element %d should be %s; device %s, reference %s",
                            edge.name(), i, want, onDevice.get(i), onReference.get(i)));
            }
            onDevice.assertMatches(onReference, Tolerance.TRANSCENDENTAL, edge.name() + " on " + session.device().id());
        }));
    }

    private static Outcome run(Edge edge) {
        double[] v = edge.input();
        Tensor x = Tensor.of(v.clone(), edge.shape()).to(edge.dtype());
        try (Tensor y = edge.f().apply(x)) {
            return Outcome.of(y);
        } finally {
            x.close();
        }
    }
}
