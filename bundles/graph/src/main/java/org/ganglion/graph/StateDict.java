package org.ganglion.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ganglion.core.Tensor;

/**
 * Named tensors in insertion order: a model's parameters and buffers, or an optimizer's state.
 * Names are dotted paths ({@code encoder.dense_1.kernel}). Scalars are stored as rank-0 tensors.
 */
public final class StateDict {
    private final LinkedHashMap<String, Tensor> entries = new LinkedHashMap<>();

    /** What {@link Module#loadStateDict} found: keys it expected but did not get, keys it did not expect, shape conflicts. */
    public record LoadResult(List<String> missing, List<String> unexpected, List<String> shapeConflicts) {
        public boolean clean() { return missing.isEmpty() && unexpected.isEmpty() && shapeConflicts.isEmpty(); }

        @Override
        public String toString() {
            return "missing keys " + missing + ", unexpected keys " + unexpected + ", shape conflicts " + shapeConflicts;
        }
    }

    public StateDict put(String name, Tensor value) {
        entries.put(name, value);
        return this;
    }

    public Tensor get(String name) { return entries.get(name); }

    public boolean contains(String name) { return entries.containsKey(name); }

    /** Read-only view in insertion order. */
    public Map<String, Tensor> asMap() { return Collections.unmodifiableMap(entries); }

    public int size() { return entries.size(); }

    /** A new dict with every entry of {@code other} under {@code prefix + "."}. */
    public StateDict putAll(String prefix, StateDict other) {
        other.entries.forEach((k, v) -> entries.put(prefix.isEmpty() ? k : prefix + "." + k, v));
        return this;
    }

    /** The entries under {@code prefix + "."}, with the prefix removed. */
    public StateDict sub(String prefix) {
        StateDict d = new StateDict();
        String p = prefix + ".";
        entries.forEach((k, v) -> { if (k.startsWith(p)) d.entries.put(k.substring(p.length()), v); });
        return d;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("StateDict{");
        entries.forEach((k, v) -> sb.append(k).append('=').append(v.dtype()).append(java.util.Arrays.toString(v.shape())).append(", "));
        if (!entries.isEmpty()) sb.setLength(sb.length() - 2);
        return sb.append('}').toString();
    }
}
