package org.ganglion.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ganglion.core.GanglionException;

/**
 * Checks a spec's structure and, given a registry, creates the model. One walk does both so that
 * validation ({@code registry == null}: {@link ModelSpec#parse}) and loading can never disagree
 * about what a valid spec is. Errors name the JSON path, e.g. {@code layers[2].config}.
 */
final class SpecReader {
    private static final List<String> TOP_KEYS = List.of("format", "version", "model", "name");
    private static final List<String> SEQUENTIAL_KEYS = List.of("input_shape", "layers");
    private static final List<String> FUNCTIONAL_KEYS = List.of("inputs", "layers", "nodes", "outputs");
    private static final List<String> LAYER_KEYS = List.of("type", "name", "config", "trainable");

    /** Null when only validating. */
    private final ComponentRegistry registry;
    /** Layers to freeze once the whole model is built (parameters exist only after building). */
    private final List<Module> frozen = new ArrayList<>();

    SpecReader(ComponentRegistry registry) { this.registry = registry; }

    Module top(Map<String, Object> spec) {
        List<String> allowed = new ArrayList<>(TOP_KEYS);
        allowed.addAll(SEQUENTIAL_KEYS);
        allowed.addAll(FUNCTIONAL_KEYS);
        keys(spec, "", allowed);
        if (!ModelSpec.FORMAT.equals(spec.get("format")))
            throw error("", "'format' must be \"" + ModelSpec.FORMAT + "\", got " + Json.write(spec.get("format")));
        if (!Long.valueOf(ModelSpec.VERSION).equals(spec.get("version")))
            throw error("", "unsupported version " + Json.write(spec.get("version")) + " (this reader supports " + ModelSpec.VERSION + ")");
        String kind = spec.containsKey("model") ? string(spec, "model", "") : Sequential.TYPE;
        String name = spec.containsKey("name") ? identifier(spec, "name", "") : null;
        Map<String, Object> body = new LinkedHashMap<>(spec);
        TOP_KEYS.forEach(body::remove);
        Module model = container(kind, body, "");
        if (model == null) return null;
        if (name != null) model.setName(name);
        frozen.forEach(m -> m.setTrainable(false));
        return model;
    }

    private Module container(String kind, Map<String, Object> body, String path) {
        if (kind.equals(Sequential.TYPE)) return sequential(body, path);
        if (kind.equals(Model.TYPE)) return functional(body, path);
        throw error(path, "unknown model type '" + kind + "' (expected " + Sequential.TYPE + " or " + Model.TYPE + ")");
    }

    private Module sequential(Map<String, Object> body, String path) {
        keys(body, path, SEQUENTIAL_KEYS);
        int[] shape = body.containsKey("input_shape") ? shape(body.get("input_shape"), at(path, "input_shape")) : null;
        List<Object> entries = list(body, "layers", path);
        List<Module> layers = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            String p = at(path, "layers[" + i + "]");
            layers.add(layer(entries.get(i), p));
            if (!names.add(name(entries.get(i)))) throw error(p, "duplicate layer name '" + name(entries.get(i)) + "'");
        }
        if (registry == null) return null;
        Sequential s = shape != null ? new Sequential(shape) : new Sequential();
        for (int i = 0; i < layers.size(); i++) {
            try {
                s.add(layers.get(i));
            } catch (GanglionException | IllegalArgumentException e) {
                throw error(at(path, "layers[" + i + "]"), e.getMessage(), e);
            }
        }
        return s;
    }

    private Module functional(Map<String, Object> body, String path) {
        keys(body, path, FUNCTIONAL_KEYS);
        Map<String, int[]> inputs = new LinkedHashMap<>();
        List<Object> inputEntries = list(body, "inputs", path);
        if (inputEntries.isEmpty()) throw error(at(path, "inputs"), "a functional model needs at least one input");
        for (int i = 0; i < inputEntries.size(); i++) {
            String p = at(path, "inputs[" + i + "]");
            Map<String, Object> in = map(inputEntries.get(i), p);
            keys(in, p, List.of("name", "shape"));
            String name = identifier(in, "name", p);
            if (inputs.put(name, shape(in.get("shape"), at(p, "shape"))) != null) throw error(p, "duplicate input name '" + name + "'");
        }
        Map<String, Module> layers = new LinkedHashMap<>();
        List<Object> layerEntries = list(body, "layers", path);
        for (int i = 0; i < layerEntries.size(); i++) {
            String p = at(path, "layers[" + i + "]");
            Module layer = layer(layerEntries.get(i), p);
            String name = name(layerEntries.get(i));
            if (layers.containsKey(name) || inputs.containsKey(name)) throw error(p, "the name '" + name + "' is already used by another layer or input");
            layers.put(name, layer);
        }
        // Nodes may only read inputs and earlier nodes, so they are already in dependency order.
        Map<String, Node> nodes = new HashMap<>();
        Set<String> defined = new HashSet<>(inputs.keySet());
        if (registry != null) inputs.forEach((n, s) -> nodes.put(n, Input.of(n, s)));
        Map<String, Integer> applications = new HashMap<>();
        List<Object> nodeEntries = list(body, "nodes", path);
        for (int i = 0; i < nodeEntries.size(); i++) {
            String p = at(path, "nodes[" + i + "]");
            Map<String, Object> n = map(nodeEntries.get(i), p);
            keys(n, p, List.of("layer", "inputs"));
            String layer = string(n, "layer", p);
            if (!layers.containsKey(layer)) throw error(at(p, "layer"), "no layer named '" + layer + "' in " + where(path, "layers"));
            List<String> refs = references(list(n, "inputs", p), defined, at(p, "inputs"));
            if (refs.isEmpty()) throw error(at(p, "inputs"), "a node needs at least one input");
            int k = applications.merge(layer, 1, Integer::sum) - 1;
            String id = k == 0 ? layer : layer + "@" + k;
            defined.add(id);
            if (registry == null) continue;
            try {
                nodes.put(id, layers.get(layer).apply(refs.stream().map(nodes::get).toList()));
            } catch (GanglionException | IllegalArgumentException e) {
                throw error(p, "layer '" + layer + "': " + e.getMessage(), e);
            }
        }
        for (String layer : layers.keySet())
            if (!applications.containsKey(layer)) throw error(at(path, "layers"), "layer '" + layer + "' is not used by any node");
        List<String> outputs = references(list(body, "outputs", path), defined, at(path, "outputs"));
        if (outputs.isEmpty()) throw error(at(path, "outputs"), "a functional model needs at least one output");
        if (registry == null) return null;
        try {
            return Model.of(inputs.keySet().stream().map(n -> (Input) nodes.get(n)).toList(), outputs.stream().map(nodes::get).toList());
        } catch (IllegalArgumentException e) {
            throw error(path, e.getMessage(), e);
        }
    }

    private List<String> references(List<Object> refs, Set<String> defined, String path) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < refs.size(); i++) {
            if (!(refs.get(i) instanceof String r)) throw error(path + "[" + i + "]", "must be a node name, got " + Json.write(refs.get(i)));
            if (!defined.contains(r)) throw error(path + "[" + i + "]", "'" + r + "' is not an input or an earlier node");
            out.add(r);
        }
        return out;
    }

    /** A layer entry: nested containers are read recursively; other types come from the registry. */
    private Module layer(Object entry, String path) {
        Map<String, Object> m = map(entry, path);
        keys(m, path, LAYER_KEYS);
        String type = string(m, "type", path);
        String name = identifier(m, "name", path);
        Map<String, Object> config = m.containsKey("config") ? map(m.get("config"), at(path, "config")) : Map.of();
        Object trainable = m.getOrDefault("trainable", Boolean.TRUE);
        if (!(trainable instanceof Boolean)) throw error(at(path, "trainable"), "must be true or false, got " + Json.write(trainable));
        Module layer;
        if (type.equals(Sequential.TYPE) || type.equals(Model.TYPE)) {
            layer = container(type, config, at(path, "config"));
        } else if (registry == null) {
            return null;
        } else {
            layer = create(type, config, path, name);
        }
        if (layer == null) return null;
        layer.setName(name);
        if (!(Boolean) trainable) frozen.add(layer);
        return layer;
    }

    private Module create(String type, Map<String, Object> config, String path, String name) {
        Config c = new Config(type, config);
        try {
            if (type.equals(Merge.Add.TYPE)) return new Merge.Add();
            if (type.equals(Merge.Concatenate.TYPE)) return new Merge.Concatenate(c.getInt("axis", -1));
            Module m = registry.layer(type, c);
            if (m == null) throw new IllegalArgumentException("the factory for '" + type + "' returned null");
            return m;
        } catch (UnknownComponentException e) {
            throw e;
        } catch (GanglionException | IllegalArgumentException e) {
            throw error(path, "layer '" + name + "' (" + type + "): " + e.getMessage(), e);
        }
    }

    // ---- typed access with path-naming errors --------------------------------------------

    private static void keys(Map<String, Object> m, String path, List<String> allowed) {
        for (String k : m.keySet())
            if (!allowed.contains(k)) throw error(path, "unknown key '" + k + "' (allowed: " + String.join(", ", allowed) + ")");
    }

    private static Map<String, Object> map(Object v, String path) {
        if (!(v instanceof Map<?, ?>)) throw error(path, "must be an object, got " + Json.write(v));
        return ModelSpec.cast(v);
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Map<String, Object> m, String key, String path) {
        Object v = m.get(key);
        if (!m.containsKey(key)) throw error(path, "missing '" + key + "'");
        if (!(v instanceof List<?>)) throw error(at(path, key), "must be a list, got " + Json.write(v));
        return (List<Object>) v;
    }

    private static String string(Map<String, Object> m, String key, String path) {
        Object v = m.get(key);
        if (!m.containsKey(key)) throw error(path, "missing '" + key + "'");
        if (!(v instanceof String s) || s.isEmpty()) throw error(at(path, key), "must be a non-empty string, got " + Json.write(v));
        return s;
    }

    private static String identifier(Map<String, Object> m, String key, String path) {
        String s = string(m, key, path);
        if (!Module.NAME.matcher(s).matches()) throw error(at(path, key), "'" + s + "' is not a valid name (letters, digits and _; no dots)");
        return s;
    }

    private static String name(Object layerEntry) { return (String) ModelSpec.cast(layerEntry).get("name"); }

    private static int[] shape(Object v, String path) {
        if (!(v instanceof List<?> l)) throw error(path, "must be a list of dimensions, got " + Json.write(v));
        int[] s = new int[l.size()];
        for (int i = 0; i < s.length; i++) {
            if (!(l.get(i) instanceof Long d) || d < 0 || d > Integer.MAX_VALUE)
                throw error(path, "dimensions must be integers from 0 to 2^31-1, got " + Json.write(l));
            s[i] = (int) (long) (Long) l.get(i);
        }
        return s;
    }

    private static String at(String path, String key) { return path.isEmpty() ? key : path + "." + key; }

    private static String where(String path, String key) { return at(path, key); }

    private static ModelFormatException error(String path, String message) { return error(path, message, null); }

    private static ModelFormatException error(String path, String message, Throwable cause) {
        return new ModelFormatException("model spec: " + (path.isEmpty() ? "" : path + ": ") + message, cause);
    }
}
