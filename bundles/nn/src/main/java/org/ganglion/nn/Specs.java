package org.ganglion.nn;

import java.util.LinkedHashMap;
import java.util.Map;
import org.ganglion.graph.Config;

/**
 * Model-spec values that name a sub-component (an initializer, regularizer, constraint or
 * activation): either a plain name, or a map holding {@code name} plus the options.
 */
final class Specs {
    private Specs() {}

    static String name(String kind, Object spec) {
        if (spec instanceof String s) return s;
        if (spec instanceof Map<?, ?> m && m.get("name") instanceof String s) return s;
        throw new IllegalArgumentException(kind + ": expected a name or a map with \"name\" and options, got " + spec);
    }

    /** The options of a spec (everything but {@code name}); empty for a plain name. */
    static Config config(String kind, Object spec) {
        String name = name(kind, spec);
        Map<String, Object> options = new LinkedHashMap<>();
        if (spec instanceof Map<?, ?> m) m.forEach((k, v) -> { if (!"name".equals(k)) options.put(String.valueOf(k), v); });
        return new Config(kind + " '" + name + "'", options);
    }

    /** A parameter dtype option: {@code float32} (default) or {@code float64}. */
    static org.ganglion.core.DType dtype(Config c) {
        String s = c.getString("dtype", "float32");
        return switch (s) {
            case "float32" -> org.ganglion.core.DType.FLOAT32;
            case "float64" -> org.ganglion.core.DType.FLOAT64;
            default -> throw new IllegalArgumentException(c.component() + ": option 'dtype' must be float32 or float64, got '" + s + "'");
        };
    }

    static String dtypeName(org.ganglion.core.DType d) { return d.name().toLowerCase(java.util.Locale.ROOT); }

    /** A seed option as a Long, or null when absent. */
    static Long seed(Config c) { return c.has("seed") ? c.getLong("seed", 0) : null; }

    /** {@code {name: name, k1: v1, ...}} in that order. */
    static Map<String, Object> map(String name, Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }
}
