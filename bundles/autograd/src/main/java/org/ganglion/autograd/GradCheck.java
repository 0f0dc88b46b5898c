package org.ganglion.autograd;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.ganglion.core.DType;
import org.ganglion.core.RandomKey;
import org.ganglion.core.Tensor;

/**
 * Checks a function's analytical gradients against central differences in float64, as PyTorch's
 * {@code gradcheck}: floating inputs are converted to float64 and made parameters; integer and bool
 * inputs (indices, masks) are passed as constants.
 *
 * <p>For outputs of at most {@link Options#maxOneHotOutputs()} elements the whole Jacobian is
 * compared, one backward per output element (one-hot seeds). Larger outputs are compared along
 * {@link Options#projections()} random directions v drawn with a fixed {@link RandomKey}:
 * {@code vᵀJ} from backward against {@code vᵀ(f(x+εe) - f(x-εe))/2ε}. Each numerical entry costs two
 * evaluations per input element, so keep inputs small (tens of elements).
 *
 * <p>An entry passes when {@code |analytical - numerical| <= atol + rtol·|numerical|}; NaN
 * matches only NaN. The {@link Result} reports the worst entry (largest error relative to its
 * tolerance).
 */
public final class GradCheck {
    private GradCheck() {}

    /** Step and tolerances (PyTorch defaults: eps 1e-6, atol 1e-5, rtol 1e-3) and the Jacobian strategy. */
    public record Options(double eps, double atol, double rtol, int maxOneHotOutputs, int projections, RandomKey key) {
        public Options {
            if (!(eps > 0) || !(atol >= 0) || !(rtol >= 0) || projections < 1 || maxOneHotOutputs < 0)
                throw new IllegalArgumentException("gradcheck options: need eps > 0, atol >= 0, rtol >= 0, projections >= 1");
            Objects.requireNonNull(key, "key");
        }

        public static Options defaults() { return new Options(1e-6, 1e-5, 1e-3, 64, 4, RandomKey.of(0x6AD_C4EC)); }

        public Options withEps(double e) { return new Options(e, atol, rtol, maxOneHotOutputs, projections, key); }

        public Options withAtol(double a) { return new Options(eps, a, rtol, maxOneHotOutputs, projections, key); }

        public Options withRtol(double r) { return new Options(eps, atol, r, maxOneHotOutputs, projections, key); }

        /** Outputs with more elements than this are checked by random projections. */
        public Options withMaxOneHotOutputs(int n) { return new Options(eps, atol, rtol, n, projections, key); }

        public Options withProjections(int n, RandomKey k) { return new Options(eps, atol, rtol, maxOneHotOutputs, n, k); }
    }

    /**
     * The outcome and the worst entry compared: input {@code inputIndex}, its row-major element
     * {@code elementIndex}, against output element {@code outputIndex} (or random projection
     * {@code outputIndex} when {@code projected}). Indices are -1 when nothing was compared.
     */
    public record Result(boolean passed, int inputIndex, int elementIndex, int outputIndex, boolean projected,
                         double analytical, double numerical, double absError, double relError, int entriesCompared,
                         Options options) {
        @Override
        public String toString() {
            String head = String.format(Locale.ROOT, "gradcheck %s (%d entries, eps %.1e, atol %.1e, rtol %.1e)",
                    passed ? "passed" : "FAILED", entriesCompared, options.eps(), options.atol(), options.rtol());
            if (inputIndex < 0) return head + ": no differentiable input";
            return head + String.format(Locale.ROOT, "; worst: input %d, element %d, %s %d: analytical %.9g, numerical %.9g,"
                    + " abs error %.3g, rel error %.3g", inputIndex, elementIndex, projected ? "projection" : "output element",
                    outputIndex, analytical, numerical, absError, relError);
        }
    }

    public static Result check(Function<Variable[], Variable> f, Tensor... inputs) { return check(Options.defaults(), f, inputs); }

    /** Throws an {@link AssertionError} carrying the {@link Result} report when the check fails. */
    public static void assertPasses(Function<Variable[], Variable> f, Tensor... inputs) { assertPasses(Options.defaults(), f, inputs); }

    public static void assertPasses(Options options, Function<Variable[], Variable> f, Tensor... inputs) {
        Result r = check(options, f, inputs);
        if (!r.passed()) throw new AssertionError(r.toString());
    }

    public static Result check(Options options, Function<Variable[], Variable> f, Tensor... inputs) {
        Tensor[] x = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) x[i] = inputs[i].dtype().isFloating() ? inputs[i].to(DType.FLOAT64) : inputs[i];
        Analytical an = analytical(options, f, x);
        Worst worst = new Worst(options);
        double[][] s = new double[an.seeds.length][];
        for (int r = 0; r < s.length; r++) s[r] = an.seeds[r].toDoubleArray();
        for (int i = 0; i < x.length; i++) {
            if (!x[i].dtype().isFloating()) continue;
            double[] base = x[i].toDoubleArray();
            for (int k = 0; k < base.length; k++) {
                double keep = base[k];
                base[k] = keep + options.eps();
                double[] plus = evaluate(f, x, i, tensor(base.clone(), x[i].shape()));
                base[k] = keep - options.eps();
                double[] minus = evaluate(f, x, i, tensor(base.clone(), x[i].shape()));
                base[k] = keep;
                for (int r = 0; r < s.length; r++) {
                    double d = 0;
                    for (int j = 0; j < plus.length; j++) if (s[r][j] != 0) d += s[r][j] * (plus[j] - minus[j]) / (2 * options.eps());
                    worst.offer(i, k, r, an.rows[r][i][k], d);
                }
            }
        }
        return worst.result(an.projected);
    }

    /** The seeds (one-hot rows or random directions) and {@code rows[r][input][element] = (seed_rᵀ J)}. */
    private record Analytical(Tensor[] seeds, double[][][] rows, boolean projected) {}

    private static Analytical analytical(Options options, Function<Variable[], Variable> f, Tensor[] x) {
        Variable[] vars = new Variable[x.length];
        for (int i = 0; i < x.length; i++) vars[i] = x[i].dtype().isFloating() ? Variable.param(x[i]) : Variable.of(x[i]);
        Variable y = Objects.requireNonNull(f.apply(vars), "gradcheck: the function returned null");
        if (!y.dtype().isFloating()) throw new IllegalArgumentException("gradcheck: the output must be floating, got " + y.dtype());
        boolean projected = y.numel() > options.maxOneHotOutputs();
        Tensor[] seeds = seeds(y, projected, options);
        double[][][] rows = new double[seeds.length][][];
        for (int r = 0; r < seeds.length; r++) rows[r] = analyticalRow(vars, y, seeds[r]);
        return new Analytical(seeds, rows, projected);
    }

    private static Tensor[] seeds(Variable y, boolean projected, Options o) {
        Tensor[] seeds = new Tensor[projected ? o.projections() : y.numel()];
        for (int r = 0; r < seeds.length; r++) {
            if (projected) {
                seeds[r] = Tensor.randn(o.key().fold(r), DType.FLOAT64, y.shape());
            } else {
                double[] oneHot = new double[y.numel()];
                oneHot[r] = 1;
                seeds[r] = tensor(oneHot, y.shape());
            }
        }
        return seeds;
    }

    /** {@code seedᵀ J} for every input, by one backward that keeps the graph. */
    private static double[][] analyticalRow(Variable[] vars, Variable y, Tensor seed) {
        for (Variable v : vars) v.zeroGrad();
        if (y.requiresGrad()) y.backward(seed.to(y.dtype()), true);
        double[][] row = new double[vars.length][];
        for (int i = 0; i < vars.length; i++) {
            Tensor g = vars[i].grad();
            row[i] = g == null ? new double[vars[i].numel()] : g.toDoubleArray();
        }
        return row;
    }

    /** Values in row-major order with the given shape (rank 0 included). */
    private static Tensor tensor(double[] values, int[] shape) { return Tensor.of(values, values.length).reshape(shape); }

    /** f with input {@code i} replaced, as float64 values in row-major order; records no graph. */
    private static double[] evaluate(Function<Variable[], Variable> f, Tensor[] x, int i, Tensor replaced) {
        Variable[] vars = new Variable[x.length];
        for (int j = 0; j < x.length; j++) vars[j] = Variable.of(j == i ? replaced : x[j]);
        try (NoGrad ignored = NoGrad.enter()) {
            return f.apply(vars).value().toDoubleArray();
        }
    }

    /** The entry with the largest error relative to its tolerance. */
    private static final class Worst {
        private final Options o;
        private double ratio = -1, a, n;
        private int input = -1, element = -1, output = -1, count;

        Worst(Options o) { this.o = o; }

        void offer(int i, int k, int r, double analytical, double numerical) {
            count++;
            double err = Math.abs(analytical - numerical);
            double q;
            if (Double.isNaN(analytical) || Double.isNaN(numerical)) q = Double.isNaN(analytical) && Double.isNaN(numerical) ? 0 : Double.POSITIVE_INFINITY;
            else if (analytical == numerical) q = 0; // also equal infinities
            else q = err / (o.atol() + o.rtol() * Math.abs(numerical));
            if (Double.isNaN(q)) q = Double.POSITIVE_INFINITY;
            if (q > ratio) {
                ratio = q;
                input = i;
                element = k;
                output = r;
                a = analytical;
                n = numerical;
            }
        }

        Result result(boolean projected) {
            double err = Math.abs(a - n);
            double rel = n == 0 ? (err == 0 ? 0 : Double.POSITIVE_INFINITY) : err / Math.abs(n);
            return new Result(ratio <= 1, input, element, output, projected, a, n, input < 0 ? 0 : err, input < 0 ? 0 : rel, count, o);
        }
    }
}
