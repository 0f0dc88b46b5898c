package org.ganglion.testkit;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The non-tensor arguments of one sample (axes, keepDims, a scalar, a target dtype …), like the
 * {@code args}/{@code kwargs} of a PyTorch {@code SampleInput}. Immutable; arrays are copied in and out.
 */
public final class Args {
    public static final Args NONE = new Args(Map.of());

    private final Map<String, Object> values;

    private Args(Map<String, Object> values) { this.values = values; }

    /** Arguments from alternating names and values: {@code Args.of("axes", new int[] {1}, "keepDims", true)}. */
    public static Args of(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) throw new IllegalArgumentException("Args.of needs name/value pairs");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) m.put((String) namesAndValues[i], copy(namesAndValues[i + 1]));
        return new Args(Collections.unmodifiableMap(m));
    }

    /** These arguments plus one more (replacing a value of the same name). */
    public Args with(String name, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(values);
        m.put(name, copy(value));
        return new Args(Collections.unmodifiableMap(m));
    }

    private static Object copy(Object v) { return v instanceof int[] a ? a.clone() : v; }

    private Object get(String name) {
        Object v = values.get(name);
        if (v == null && !values.containsKey(name)) throw new NoSuchElementException("sample has no argument '" + name + "' (has " + values.keySet() + ")");
        return v;
    }

    public boolean has(String name) { return values.containsKey(name); }

    public int[] ints(String name) { return ((int[]) get(name)).clone(); }

    public int integer(String name) { return ((Number) get(name)).intValue(); }

    public double real(String name) { return ((Number) get(name)).doubleValue(); }

    public boolean bool(String name) { return (Boolean) get(name); }

    public <T> T get(String name, Class<T> type) { return type.cast(get(name)); }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        values.forEach((k, v) -> {
            if (sb.length() > 0) sb.append(' ');
            sb.append(k).append('=').append(v instanceof int[] a ? Arrays.toString(a).replace(" ", "") : String.valueOf(v));
        });
        return sb.toString();
    }
}
