package org.ganglion.optim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.ganglion.core.Tensor;
import org.ganglion.graph.StateDict;

/**
 * A pure function from gradients to updates, with explicit state (optax's
 * {@code GradientTransformation}). Transformations compose with {@link Transforms#chain}: the
 * updates of one are the "gradients" of the next. Optimizers are such chains; the last link (or
 * {@link ChainOptimizer}) multiplies by {@code -learningRate}, so the updates are added to the
 * parameters.
 *
 * <p><b>Keys.</b> Every map is keyed by parameter name (dotted paths). {@code update} transforms
 * exactly the entries of {@code grads}; state kept for a parameter that is absent from
 * {@code grads} (frozen, or without a gradient this step) is carried over unchanged, and state for
 * a parameter seen for the first time is created on the spot (zeros, as {@code init} would).
 * {@code params} holds at least the values of the parameters in {@code grads}; transformations that
 * do not need values accept an empty map.
 *
 * <p><b>State</b> is immutable: {@code update} never modifies its inputs and returns the next state
 * in the {@link Update}. Tensors are immutable too, so states may share them. Element math runs in
 * the gradient's dtype (scalar hyperparameters are rounded to it).
 */
@org.osgi.annotation.versioning.ConsumerType
public interface GradientTransformation {

    /** The initial state for these parameters (not modified). */
    State init(Map<String, Tensor> params);

    /** Transforms {@code grads} and advances {@code state}; nothing passed in is modified. */
    Update update(Map<String, Tensor> grads, State state, Map<String, Tensor> params);

    /**
     * An immutable transformation state that can be written to and read from a {@link StateDict},
     * so training resumes bit for bit. Names are {@code prefix.slot.parameter} (for example
     * {@code adam.m.dense_1.kernel}) and {@code prefix.scalar} (for example {@code adam.count});
     * scalars are rank-0 tensors.
     */
    @org.osgi.annotation.versioning.ConsumerType
    interface State {
        /** The prefix this state suggests for its entries ({@code adam}, {@code momentum}); empty when it has none. */
        String name();

        /** Writes every entry under {@code prefix} (modified: {@code out}). */
        void save(String prefix, StateDict out);

        /**
         * A state of this kind read back from what {@link #save} wrote under {@code prefix}. This
         * state serves only as the template (hyperparameters, structure); entries missing from
         * {@code in} start from their initial values.
         */
        State load(String prefix, StateDict in);
    }

    /** A stateless transformation's state. */
    State EMPTY = new State() {
        @Override
        public String name() { return ""; }

        @Override
        public void save(String prefix, StateDict out) {}

        @Override
        public State load(String prefix, StateDict in) { return this; }

        @Override
        public String toString() { return "EmptyState"; }
    };

    /** The result of {@link #update}: the transformed gradients (read-only, in {@code grads} order) and the next state. */
    record Update(Map<String, Tensor> updates, State state) {
        public Update {
            updates = Collections.unmodifiableMap(new LinkedHashMap<>(updates));
            java.util.Objects.requireNonNull(state, "state");
        }
    }
}
