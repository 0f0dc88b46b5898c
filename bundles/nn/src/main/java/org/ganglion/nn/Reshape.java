package org.ganglion.nn;

import java.util.Arrays;
import java.util.Map;
import org.ganglion.autograd.Variable;
import org.ganglion.core.Shape;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.graph.Config;
import org.ganglion.graph.Module;

/**
 * Keras {@code Reshape}: each example to {@code targetShape} (batch axis kept; at most one -1 is
 * inferred). The element count per example must match; otherwise a
 * {@link ShapeMismatchException} names both shapes when the layer is built.
 */
public class Reshape extends Module {
    private final int[] targetShape;

    public Reshape(int... targetShape) {
        if (Arrays.stream(targetShape).filter(d -> d == -1).count() > 1 || Arrays.stream(targetShape).anyMatch(d -> d < -1 || d == 0))
            throw new IllegalArgumentException("reshape: target shape needs positive sizes and at most one -1, got " + Arrays.toString(targetShape));
        this.targetShape = targetShape.clone();
    }

    /** Option {@code target_shape} (a list, batch axis excluded). */
    public static Reshape fromConfig(Config c) {
        int[] t = c.getInts("target_shape", 0, null);
        if (t == null) throw new IllegalArgumentException(c.component() + ": missing required option 'target_shape'");
        return new Reshape(t);
    }

    public int[] targetShape() { return targetShape.clone(); }

    @Override
    protected int[] doBuild(int[] inputShape) {
        int n = Shape.numel(inputShape), known = 1, unknown = -1;
        int[] out = targetShape.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] == -1) unknown = i;
            else known *= out[i];
        }
        if (unknown >= 0 && known > 0 && n % known == 0) out[unknown] = n / known;
        if (Shape.numel(out) != n || (unknown >= 0 && out[unknown] == -1))
            throw ShapeMismatchException.of(describe(), "each example's elements do not fit the target shape", inputShape, targetShape);
        return out;
    }

    @Override
    public Variable forward(Variable x) {
        int[] s = new int[targetShape.length + 1];
        s[0] = x.shape(0);
        System.arraycopy(outputShape() != null ? outputShape() : targetShape, 0, s, 1, targetShape.length);
        return x.reshape(s);
    }

    @Override
    public String typeName() { return "reshape"; }

    @Override
    public Map<String, Object> config() { return Map.of("target_shape", Arrays.stream(targetShape).boxed().toList()); }
}
