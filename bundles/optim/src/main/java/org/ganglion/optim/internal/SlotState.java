package org.ganglion.optim.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ganglion.core.DType;
import org.ganglion.core.Tensor;
import org.ganglion.graph.StateDict;
import org.ganglion.optim.GradientTransformation.State;

/**
 * The state of a {@link SlotTransform}: a global step count, global scalars (Nadam's momentum
 * product) and, for each parameter, one tensor per named slot ({@code m}, {@code v}, …). Immutable.
 * Saved as {@code prefix.count}, {@code prefix.<scalar>} and {@code prefix.<slot>.<parameter>}.
 *
 * @param name     the suggested prefix
 * @param slotNames the slot names, in the order of each parameter's tensor list
 * @param counted  whether {@code count} is meaningful (and saved)
 * @param count    completed updates
 * @param scalars  global scalars by name
 * @param slots    parameter name to its slot tensors
 */
public record SlotState(String name, List<String> slotNames, boolean counted, long count, Map<String, Double> scalars,
        Map<String, List<Tensor>> slots) implements State {

    public SlotState {
        slotNames = List.copyOf(slotNames);
        scalars = Collections.unmodifiableMap(new LinkedHashMap<>(scalars));
        Map<String, List<Tensor>> copy = new LinkedHashMap<>();
        slots.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        slots = Collections.unmodifiableMap(copy);
    }

    /** {@code prefix.rest}, or {@code rest} for an empty prefix. */
    static String key(String prefix, String rest) { return prefix.isEmpty() ? rest : prefix + "." + rest; }

    @Override
    public void save(String prefix, StateDict out) {
        if (counted) out.put(key(prefix, "count"), Tensor.scalar(count, DType.INT64));
        scalars.forEach((k, v) -> out.put(key(prefix, k), Tensor.scalar(v, DType.FLOAT64)));
        for (int i = 0; i < slotNames.size(); i++) {
            String slot = key(prefix, slotNames.get(i));
            for (Map.Entry<String, List<Tensor>> e : slots.entrySet()) out.put(key(slot, e.getKey()), e.getValue().get(i));
        }
    }

    @Override
    public State load(String prefix, StateDict in) {
        long c = counted && in.contains(key(prefix, "count")) ? (long) in.get(key(prefix, "count")).item() : 0;
        Map<String, Double> sc = new LinkedHashMap<>();
        scalars.forEach((k, v) -> sc.put(k, in.contains(key(prefix, k)) ? in.get(key(prefix, k)).item() : v));
        List<Map<String, Tensor>> bySlot = new ArrayList<>();
        Set<String> params = new LinkedHashSet<>();
        for (String s : slotNames) {
            Map<String, Tensor> m = in.sub(key(prefix, s)).asMap();
            bySlot.add(m);
            params.addAll(m.keySet());
        }
        Map<String, List<Tensor>> loaded = new LinkedHashMap<>();
        for (String p : params) {
            List<Tensor> ts = new ArrayList<>();
            for (int i = 0; i < slotNames.size(); i++) {
                Tensor t = bySlot.get(i).get(p);
                if (t == null)
                    throw new IllegalArgumentException("optimizer state has no '" + key(key(prefix, slotNames.get(i)), p)
                            + "' although it has other " + name + " state for parameter '" + p + "'");
                ts.add(t);
            }
            loaded.put(p, ts);
        }
        return new SlotState(name, slotNames, counted, c, sc, loaded);
    }

    @Override
    public String toString() { return name + "State{count=" + count + ", scalars=" + scalars + ", parameters=" + slots.keySet() + "}"; }
}
