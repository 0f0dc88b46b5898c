package org.ganglion.optim.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganglion.core.Tensor;
import org.ganglion.optim.GradientTransformation;

/**
 * Base of the elementwise, per-parameter transformations (momentum, Adam, RMSprop …): each
 * parameter has a fixed list of slot tensors, the transformation a global step count (optax and
 * Keras semantics: one count per transformation, advanced on every update) and optional global
 * scalars. Subclasses give one parameter's rule in {@link #apply}.
 */
public abstract class SlotTransform implements GradientTransformation {
    private final String name;
    private final List<String> slotNames;
    private final boolean counted;

    /**
     * @param name      state prefix ({@code adam})
     * @param counted   whether the rule uses the step count (saved as {@code name.count})
     * @param slotNames the per-parameter slots ({@code m}, {@code v})
     */
    protected SlotTransform(String name, boolean counted, String... slotNames) {
        this.name = name;
        this.counted = counted;
        this.slotNames = List.of(slotNames);
    }

    /** Slot {@code slot}'s value for a parameter seen for the first time ({@code like} gives shape and dtype): zeros. */
    protected Tensor initialSlot(int slot, Tensor like) { return Tensor.zeros(like.dtype(), like.shape()); }

    /** Global scalars before the first update. */
    protected Map<String, Double> initialScalars() { return Map.of(); }

    /** Global scalars for update {@code t} (1-based), from those after update {@code t - 1}. */
    protected Map<String, Double> advanceScalars(long t, Map<String, Double> previous) { return previous; }

    /**
     * One parameter's rule at update {@code t} (1-based).
     *
     * @param g       the incoming gradient (not modified)
     * @param slots   this parameter's slots after update {@code t - 1}
     * @param param   the parameter's value, or null when the caller passed none
     * @param scalars the global scalars for update {@code t}
     * @return {@code {update, slot_0', slot_1', …}}
     */
    protected abstract Tensor[] apply(Tensor g, Tensor[] slots, Tensor param, long t, Map<String, Double> scalars);

    private Tensor[] initialSlots(Tensor like) {
        Tensor[] s = new Tensor[slotNames.size()];
        for (int i = 0; i < s.length; i++) s[i] = initialSlot(i, like);
        return s;
    }

    @Override
    public State init(Map<String, Tensor> params) {
        Map<String, List<Tensor>> slots = new LinkedHashMap<>();
        params.forEach((k, p) -> slots.put(k, List.of(initialSlots(p))));
        return new SlotState(name, slotNames, counted, 0, initialScalars(), slots);
    }

    @Override
    public Update update(Map<String, Tensor> grads, State state, Map<String, Tensor> params) {
        if (!(state instanceof SlotState s) || !s.name().equals(name) || !s.slotNames().equals(slotNames))
            throw new IllegalArgumentException(name + ": expected its own state, got " + state);
        long t = s.count() + 1;
        Map<String, Double> scalars = advanceScalars(t, s.scalars());
        Map<String, List<Tensor>> slots = new LinkedHashMap<>(s.slots());
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (Map.Entry<String, Tensor> e : grads.entrySet()) {
            Tensor g = e.getValue();
            List<Tensor> current = slots.get(e.getKey());
            Tensor[] before = current == null ? initialSlots(g) : current.toArray(Tensor[]::new);
            Tensor[] r = apply(g, before, params.get(e.getKey()), t, scalars);
            out.put(e.getKey(), r[0]);
            slots.put(e.getKey(), List.of(Arrays.copyOfRange(r, 1, r.length)));
        }
        return new Update(out, new SlotState(name, slotNames, counted, t, scalars, slots));
    }

    @Override
    public String toString() { return name; }
}
