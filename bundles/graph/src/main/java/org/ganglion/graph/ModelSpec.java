package org.ganglion.graph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's architecture as JSON: layers by registered name with their options, readable and
 * diffable. Weights are not part of it (see {@link Checkpoint} and {@link Models}).
 *
 * <p>A stack of layers:
 * <pre>{@code
 * {"format": "ganglion-model", "version": 1, "model": "sequential", "input_shape": [784],
 *  "layers": [{"type": "dense", "name": "dense_1", "config": {"units": 128, "activation": "relu"}}, ...]}
 * }</pre>
 * A functional graph lists its inputs, its layers, the nodes (each a layer applied to earlier nodes,
 * in dependency order) and the outputs. Nodes are referred to by input name, by layer name (its
 * first application) or by {@code layer@k} (its k-th further application, for shared layers):
 * <pre>{@code
 * {"format": "ganglion-model", "version": 1, "model": "functional",
 *  "inputs": [{"name": "image", "shape": [784]}],
 *  "layers": [{"type": "dense", "name": "dense_1", "config": {...}}, {"type": "add", "name": "add_1", "config": {}}],
 *  "nodes": [{"layer": "dense_1", "inputs": ["image"]}, {"layer": "add_1", "inputs": ["dense_1", "image"]}],
 *  "outputs": ["add_1"]}
 * }</pre>
 * A layer entry may say {@code "trainable": false} (all its parameters frozen). A missing
 * {@code "model"} means {@code sequential}. The types {@code sequential} and {@code functional}
 * (nested models, whose {@code config} is a body as above) and {@code add} and {@code concatenate}
 * ({@link Merge}) belong to the format; every other type is created through
 * {@link ComponentRegistry#layer}.
 *
 * <p>Immutable; equal specs have equal JSON values (key order aside).
 */
public final class ModelSpec {
    public static final String FORMAT = "ganglion-model";
    public static final int VERSION = 1;

    private final Map<String, Object> spec;

    private ModelSpec(Map<String, Object> spec) { this.spec = freeze(spec); }

    /**
     * The spec of a {@link Sequential} or functional {@link Model}, from each layer's
     * {@link Module#typeName()} and {@link Module#config()}.
     *
     * @throws IllegalArgumentException for another kind of module, or a layer without a typeName or
     *     whose config is not JSON; the message names the layer
     */
    public static ModelSpec of(Module model) {
        if (!(model instanceof Sequential) && !(model instanceof Model))
            throw new IllegalArgumentException("ModelSpec.of: needs a Sequential or a functional Model, got " + model.describe()
                    + "; wrap a single layer in a Sequential");
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("format", FORMAT);
        m.put("version", (long) VERSION);
        m.put("model", model.typeName());
        if (model.name() != null) m.put("name", model.name());
        m.putAll(model.config());
        new SpecReader(null).top(m);     // what we write must read back
        return new ModelSpec(m);
    }

    /** Parses and validates a spec; every structural problem is a {@link ModelFormatException} naming where. */
    public static ModelSpec parse(String json) {
        Object v = Json.parse(json, "model spec");
        if (!(v instanceof Map<?, ?>)) throw new ModelFormatException("model spec: the document must be a JSON object");
        return fromMap(cast(v));
    }

    /** A spec from JSON values (as {@link Json#parse} gives them), validated. */
    public static ModelSpec fromMap(Map<String, ?> json) {
        Object normal;
        try {
            normal = Json.normalize(json);
        } catch (IllegalArgumentException e) {
            throw new ModelFormatException("model spec: " + e.getMessage(), e);
        }
        Map<String, Object> m = cast(normal);
        new SpecReader(null).top(m);
        return new ModelSpec(m);
    }

    /** Reads a spec file (UTF-8 JSON). */
    public static ModelSpec read(Path file) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ModelFormatException("model spec " + file + ": not valid UTF-8", e);
        }
        return parse(text);
    }

    /** Writes the pretty-printed spec (UTF-8, trailing newline). */
    public void write(Path file) throws IOException { Files.writeString(file, toJson() + "\n", StandardCharsets.UTF_8); }

    /** Pretty-printed JSON in a stable key order. */
    public String toJson() { return Json.writePretty(spec); }

    /** The JSON value, read-only all the way down. */
    public Map<String, Object> asMap() { return spec; }

    /** {@code sequential} or {@code functional}. */
    public String modelType() { return (String) spec.getOrDefault("model", Sequential.TYPE); }

    /**
     * Creates the model: layers through {@code registry}, built eagerly when the input shape is known.
     *
     * @throws UnknownComponentException for a layer type nobody registered (listing those that are)
     * @throws ModelFormatException when a layer rejects its config or the shapes do not fit, naming the layer
     */
    public Module toModel(ComponentRegistry registry) { return new SpecReader(registry).top(spec); }

    /** {@link #toModel(ComponentRegistry)} with {@link ComponentRegistry#global()}. */
    public Module toModel() { return toModel(ComponentRegistry.global()); }

    @Override
    public boolean equals(Object o) { return o instanceof ModelSpec s && s.spec.equals(spec); }

    @Override
    public int hashCode() { return spec.hashCode(); }

    @Override
    public String toString() { return toJson(); }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cast(Object map) { return (Map<String, Object>) map; }

    private static <T> T freeze(T v) {
        Object r = v;
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> c = new LinkedHashMap<>();
            m.forEach((k, x) -> c.put((String) k, freeze(x)));
            r = Collections.unmodifiableMap(c);
        } else if (v instanceof List<?> l) {
            r = Collections.unmodifiableList(l.stream().map(ModelSpec::freeze).toList());
        }
        @SuppressWarnings("unchecked") T t = (T) r;
        return t;
    }
}
