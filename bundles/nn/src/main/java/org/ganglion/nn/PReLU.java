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
 * Parametric ReLU (He et al. 2015, "Delving Deep into Rectifiers"): {@code x if x > 0 else α·x}
 * with a trainable α. Any input shape; output of the same shape.
 *
 * <p>Parameter {@code alpha}: one value shared by all elements (PyTorch's default
 * {@code num_parameters=1}), or with {@code channelwise} one per feature of the last axis
 * ({@code [features]}, broadcast over the rest; Keras' default is one per input element, which
 * rarely pays off). Initial value {@code alpha_initializer} = 0.25 (PyTorch; Keras starts at 0,
 * i.e. as a plain ReLU).
 */
public class PReLU extends Module {
    private final boolean channelwise;
    private final double initial;
    private DType dtype = DType.FLOAT32;
    private Parameter alpha;

    public PReLU() { this(false, 0.25); }

    public PReLU(boolean channelwise, double initialAlpha) {
        this.channelwise = channelwise;
        this.initial = initialAlpha;
    }

    /** Options {@code channelwise} (false), {@code alpha_initializer} (0.25), {@code dtype}. */
    public static PReLU fromConfig(Config c) {
        PReLU p = new PReLU(c.getBoolean("channelwise", false), c.getDouble("alpha_initializer", 0.25));
        p.dtype = Specs.dtype(c);
        return p;
    }

    /** The trainable slope; null before build. */
    public Parameter alpha() { return alpha; }

    @Override
    protected int[] doBuild(int[] inputShape) {
        int[] shape = channelwise && inputShape.length > 0 ? new int[] {inputShape[inputShape.length - 1]} : new int[0];
        alpha = addParameter("alpha", Tensor.full(initial, dtype, shape));
        return inputShape;
    }

    @Override
    public Variable forward(Variable x) {
        Variable a = alpha.variable();
        return Activations.prelu(x.dtype() == a.dtype() ? x : x.to(a.dtype()), a);
    }

    @Override
    public String typeName() { return "prelu"; }

    @Override
    public Map<String, Object> config() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("channelwise", channelwise);
        m.put("alpha_initializer", initial);
        m.put("dtype", Specs.dtypeName(dtype));
        return m;
    }
}
