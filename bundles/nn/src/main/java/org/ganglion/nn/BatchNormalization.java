package org.ganglion.nn;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.ganglion.autograd.Functions;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.Shape;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;
import org.ganglion.graph.Config;
import org.ganglion.graph.Module;
import org.ganglion.graph.Parameter;

/**
 * Batch normalization (Ioffe and Szegedy 2015). For each feature c of {@code axis} (default the
 * last, Keras' channels-last; use {@code axis = 1} for {@code [N, C, H, W]}), over every other
 * axis including the batch:
 * {@code μ = mean(x)}, {@code σ² = mean((x - μ)²)} (biased, as in the paper),
 * {@code y = γ·(x - μ)/√(σ² + ε) + β}.
 *
 * <p><b>Training mode</b> normalizes with the batch statistics and updates the buffers
 * {@code moving_mean} and {@code moving_variance} with Keras' convention
 * {@code moving = momentum·moving + (1 - momentum)·batch}, momentum 0.99 (PyTorch's
 * {@code momentum=0.1} weights the new batch instead: it equals Keras 0.9). The moving variance
 * takes the biased batch variance, as Keras (PyTorch keeps the unbiased one). <b>Eval mode</b>
 * normalizes with the moving statistics and updates nothing.
 *
 * <p>Defaults as Keras: {@code epsilon 1e-3} (PyTorch and the seed text use 1e-5: set it),
 * {@code center} (β) and {@code scale} (γ) on, γ = 1, β = 0, moving mean 0, moving variance 1.
 * Parameters {@code gamma}, {@code beta} and buffers have shape {@code [features]}.
 */
public class BatchNormalization extends Module {
    private final int axis;
    private double momentum = 0.99, epsilon = 1e-3;
    private boolean center = true, scale = true;
    private DType dtype = DType.FLOAT32;
    private Parameter gamma, beta;
    private int features = -1;

    public BatchNormalization() { this(-1); }

    /** Normalizes per feature of {@code axis} (counting the batch axis as 0; negative from the end). */
    public BatchNormalization(int axis) {
        if (axis == 0) throw new IllegalArgumentException("batch_normalization: axis 0 is the batch axis");
        this.axis = axis;
    }

    /** Options {@code axis} (-1), {@code momentum} (0.99), {@code epsilon} (1e-3), {@code center}, {@code scale}, {@code dtype}. */
    public static BatchNormalization fromConfig(Config c) {
        BatchNormalization b = new BatchNormalization(c.getInt("axis", -1));
        b.momentum(c.getDouble("momentum", 0.99)).epsilon(c.getDouble("epsilon", 1e-3));
        b.center = c.getBoolean("center", true);
        b.scale = c.getBoolean("scale", true);
        b.dtype = Specs.dtype(c);
        return b;
    }

    public BatchNormalization momentum(double m) {
        if (!(m >= 0 && m <= 1)) throw new IllegalArgumentException("batch_normalization: momentum must be in [0, 1], got " + m);
        momentum = m;
        return this;
    }

    public BatchNormalization epsilon(double e) {
        if (!(e > 0)) throw new IllegalArgumentException("batch_normalization: epsilon must be positive, got " + e);
        epsilon = e;
        return this;
    }

    public BatchNormalization dtype(DType d) {
        if (isBuilt()) throw new IllegalStateException(describe() + ": already built");
        dtype = d;
        return this;
    }

    public Tensor movingMean() { return buffer("moving_mean"); }

    public Tensor movingVariance() { return buffer("moving_variance"); }

    public Parameter gamma() { return gamma; }

    public Parameter beta() { return beta; }

    @Override
    protected int[] doBuild(int[] inputShape) {
        int ax = Shape.axis(describe(), axis, inputShape.length + 1);
        features = inputShape[ax - 1];
        if (scale) gamma = addParameter("gamma", Tensor.ones(dtype, features));
        if (center) beta = addParameter("beta", Tensor.zeros(dtype, features));
        setBuffer("moving_mean", Tensor.zeros(dtype, features));
        setBuffer("moving_variance", Tensor.ones(dtype, features));
        return inputShape;
    }

    @Override
    public Variable forward(Variable x) {
        int ax = Shape.axis(describe(), axis, x.rank());
        if (ax == 0 || x.shape(ax) != features)
            throw ShapeMismatchException.of(describe(), "built for " + features + " features on axis " + axis, x.shape());
        if (x.dtype() != dtype) x = x.to(dtype);
        int[] reduce = IntStream.range(0, x.rank()).filter(i -> i != ax).toArray();
        int[] bshape = new int[x.rank()];
        Arrays.fill(bshape, 1);
        bshape[ax] = features;
        Variable mean, var;
        if (isTraining()) {
            mean = Functions.mean(x, true, reduce);
            var = Functions.variance(x, false, true, reduce);
            updateMovingStatistics(mean.value().reshape(features), var.value().reshape(features));
        } else {
            mean = Variable.of(movingMean().reshape(bshape));
            var = Variable.of(movingVariance().reshape(bshape));
        }
        Variable y = x.sub(mean).div(var.add(epsilon).sqrt());
        if (gamma != null) y = y.mul(gamma.variable().reshape(bshape));
        if (beta != null) y = y.add(beta.variable().reshape(bshape));
        return y;
    }

    /** Plain tensor arithmetic on detached batch statistics: nothing here is recorded for autograd. */
    private void updateMovingStatistics(Tensor batchMean, Tensor batchVar) {
        setBuffer("moving_mean", movingMean().mul(momentum).add(batchMean.mul(1 - momentum)));
        setBuffer("moving_variance", movingVariance().mul(momentum).add(batchVar.mul(1 - momentum)));
    }

    @Override
    public String typeName() { return "batch_normalization"; }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("axis", axis);
        m.put("momentum", momentum);
        m.put("epsilon", epsilon);
        m.put("center", center);
        m.put("scale", scale);
        m.put("dtype", Specs.dtypeName(dtype));
        return m;
    }
}
