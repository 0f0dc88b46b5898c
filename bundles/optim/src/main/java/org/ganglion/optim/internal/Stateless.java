package org.ganglion.optim.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ganglion.core.Tensor;
import org.ganglion.optim.GradientTransformation;

/** A transformation without state: {@link GradientTransformation#EMPTY} in, the same out. */
abstract class Stateless implements GradientTransformation {

    /** The updates for {@code grads} (a new map). */
    protected abstract Map<String, Tensor> transform(Map<String, Tensor> grads, Map<String, Tensor> params);

    @Override
    public final State init(Map<String, Tensor> params) { return EMPTY; }

    @Override
    public final Update update(Map<String, Tensor> grads, State state, Map<String, Tensor> params) {
        if (state != EMPTY) throw new IllegalArgumentException(this + ": stateless, expected GradientTransformation.EMPTY, got " + state);
        return new Update(transform(grads, params), EMPTY);
    }

    /** Applies {@code f} to every gradient. */
    static Map<String, Tensor> each(Map<String, Tensor> grads, java.util.function.UnaryOperator<Tensor> f) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        grads.forEach((k, g) -> out.put(k, f.apply(g)));
        return out;
    }
}
