package org.ganglion.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ganglion.autograd.Variable;
import org.ganglion.core.DType;
import org.ganglion.core.Tensor;
import org.ganglion.graph.Config;
import org.ganglion.graph.Module;
import org.ganglion.graph.Parameter;

/**
 * Swish (Ramachandran et al. 2017, "Searching for Activation Functions"): {@code x·σ(βx)}. With
 * {@code trainable} β is a scalar parameter {@code beta} (initial value {@code beta}, default 1)
 * that receives gradients; otherwise β is fixed and β = 1 is SiLU. Any input shape.
 */
public class Swish extends Module {
    private final double beta;
    private final boolean trainable;
    private DType dtype = DType.FLOAT32;
    private Parameter betaParameter;

    public Swish() { this(1.0, false); }

    public Swish(double beta, boolean trainable) {
        this.beta = beta;
        this.trainable = trainable;
    }

    /** Options {@code beta} (1), {@code trainable} (false), {@code dtype}. */
    public static Swish fromConfig(Config c) {
        Swish s = new Swish(c.getDouble("beta", 1.0), c.getBoolean("trainable", false));
        s.dtype = Specs.dtype(c);
        return s;
    }

    /** The trainable β, or null when β is fixed or before build. */
    public Parameter beta() { return betaParameter; }

    @Override
    protected int[] doBuild(int[] inputShape) {
        if (trainable) betaParameter = addParameter("beta", Tensor.full(beta, dtype));
        return inputShape;
    }

    @Override
    public Variable forward(Variable x) {
        if (betaParameter == null) return Activations.swish(x, beta);
        Variable b = betaParameter.variable();
        return Activations.swish(x.dtype() == b.dtype() ? x : x.to(b.dtype()), b);
    }

    @Override
    public String typeName() { return "swish"; }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("beta", beta);
        m.put("trainable", trainable);
        if (trainable) m.put("dtype", Specs.dtypeName(dtype));
        return m;
    }
}
