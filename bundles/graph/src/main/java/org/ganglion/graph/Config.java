package org.ganglion.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The options of a component as they appear in a model spec: JSON values (String, Number, Boolean,
 * List, Map, null). Typed getters give clear errors that name the component and the option.
 */
public final class Config {
    private final String component;
    private final Map<String, Object> values;

    public Config(String component, Map<String, ?> values) {
        this.component = component;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values == null ? Map.of() : values));
    }

    public static Config empty(String component) { return new Config(component, Map.of()); }

    /** Builds a config from alternating keys and values: {@code Config.of("dense", "units", 128, "activation", "relu")}. */
    public static Config of(String component, Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) throw new IllegalArgumentException("Config.of: keys and values must alternate");
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return new Config(component, m);
    }

    public String component() { return component; }

    public Map<String, Object> asMap() { return values; }

    public boolean has(String key) { return values.containsKey(key) && values.get(key) != null; }

    public Object get(String key) { return values.get(key); }

    private Object require(String key) {
        if (!has(key)) throw new IllegalArgumentException(component + ": missing required option '" + key + "'");
        return values.get(key);
    }

    private Number number(String key) {
        Object v = require(key);
        if (v instanceof Number n) return n;
        throw new IllegalArgumentException(component + ": option '" + key + "' must be a number, got " + v);
    }

    public int getInt(String key) {
        Number n = number(key);
        if (n.doubleValue() != Math.rint(n.doubleValue())) throw new IllegalArgumentException(component + ": option '" + key + "' must be an integer, got " + n);
        return n.intValue();
    }

    public int getInt(String key, int defaultValue) { return has(key) ? getInt(key) : defaultValue; }

    public long getLong(String key, long defaultValue) { return has(key) ? number(key).longValue() : defaultValue; }

    public double getDouble(String key) { return number(key).doubleValue(); }

    public double getDouble(String key, double defaultValue) { return has(key) ? getDouble(key) : defaultValue; }

    public String getString(String key) {
        Object v = require(key);
        if (v instanceof String s) return s;
        throw new IllegalArgumentException(component + ": option '" + key + "' must be a string, got " + v);
    }

    public String getString(String key, String defaultValue) { return has(key) ? getString(key) : defaultValue; }

    public boolean getBoolean(String key, boolean defaultValue) {
        if (!has(key)) return defaultValue;
        Object v = values.get(key);
        if (v instanceof Boolean b) return b;
        throw new IllegalArgumentException(component + ": option '" + key + "' must be true or false, got " + v);
    }

    /** An int array from a JSON list (e.g. a kernel size), or a single int repeated {@code rank} times. */
    public int[] getInts(String key, int rank, int[] defaultValue) {
        if (!has(key)) return defaultValue;
        Object v = values.get(key);
        if (v instanceof Number) {
            int[] r = new int[rank];
            java.util.Arrays.fill(r, getInt(key));
            return r;
        }
        if (v instanceof List<?> l) {
            int[] r = new int[l.size()];
            for (int i = 0; i < r.length; i++) {
                if (!(l.get(i) instanceof Number n)) throw new IllegalArgumentException(component + ": option '" + key + "' must hold numbers, got " + l);
                r[i] = n.intValue();
            }
            return r;
        }
        throw new IllegalArgumentException(component + ": option '" + key + "' must be a number or a list of numbers, got " + v);
    }

    /** A nested config (e.g. an initializer with options); a plain string means a name without options. */
    public Config getConfig(String key) {
        Object v = values.get(key);
        if (v instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked") Map<String, Object> mm = (Map<String, Object>) m;
            return new Config(component + "." + key, mm);
        }
        return null;
    }

    @Override
    public String toString() { return component + values; }
}
