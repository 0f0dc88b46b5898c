package org.ganglion.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.ganglion.autograd.Variable;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;

/**
 * A node of a model: named parameters, named buffers (non-trainable state such as running means),
 * and named child modules. Names join into dotted paths ({@code block1.dense.kernel}). Modules are
 * built lazily, Keras style: {@link #build(int[])} receives the input shape without the batch
 * dimension, creates parameters, and returns the output shape; calling a module builds it on first
 * use.
 *
 * <p>Subclasses implement {@link #forward(Variable)} (or {@link #forward(List)} and
 * {@link #doBuild(List)} for several inputs). Besides eager calls, a module can be
 * {@linkplain #apply(Node...) applied} to symbolic {@link Node}s to wire a functional {@link Model}.
 * Not thread-safe; use one module from one training thread.
 */
public abstract class Module {
    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;
    private List<int[]> inputShapes;
    private int[] outputShape;
    private String name;

    // ---- structure -----------------------------------------------------------------------

    /** Registers a parameter; the name must be an identifier and unique within this module. */
    protected Parameter addParameter(String name, Tensor initial) {
        checkName(name);
        Parameter p = new Parameter(initial);
        parameters.put(name, p);
        return p;
    }

    /** Registers a child module under {@code name}. */
    protected <M extends Module> M addModule(String name, M module) {
        checkName(name);
        children.put(name, module);
        Module m = module;
        if (m.name == null) m.name = name;
        return module;
    }

    /** Registers or replaces a buffer (state saved with the model but not trained). */
    protected void setBuffer(String name, Tensor value) {
        if (!buffers.containsKey(name)) checkName(name);
        buffers.put(name, value);
    }

    protected Tensor buffer(String name) { return buffers.get(name); }

    private void checkName(String n) {
        if (n == null || !NAME.matcher(n).matches())
            throw new IllegalArgumentException(getClass().getSimpleName() + ": invalid name '" + n + "' (letters, digits and _; no dots)");
        if (parameters.containsKey(n) || buffers.containsKey(n) || children.containsKey(n))
            throw new IllegalArgumentException(getClass().getSimpleName() + ": name '" + n + "' is already used in this module");
    }

    /** The name given by the parent or the user; null until set. */
    public String name() { return name; }

    public Module setName(String name) {
        this.name = name;
        return this;
    }

    /**
     * A fresh layer name for a container: {@code <typeName>_<n>} (or the class name in snake case),
     * with the smallest {@code n >= 1} not in {@code used}. Deterministic, so the state-dict keys of
     * a model built twice the same way are the same.
     */
    String uniqueName(java.util.Set<String> used) {
        String cls = getClass().getSimpleName().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
        String base = (typeName() != null ? typeName() : cls.isEmpty() ? "layer" : cls).replaceAll("[^A-Za-z0-9_]", "_");
        if (!NAME.matcher(base).matches()) base = "_" + base;
        for (int n = 1;; n++) if (!used.contains(base + "_" + n)) return base + "_" + n;
    }

    /** The registered component name for model specs, e.g. {@code dense}; null for modules that have none. */
    public String typeName() { return null; }

    /** The options that recreate this module through its factory (model specs). */
    public Map<String, Object> config() { return Map.of(); }

    public Map<String, Module> children() { return Collections.unmodifiableMap(children); }

    /** Every parameter of this module and its descendants, by dotted path, in registration order. */
    public Map<String, Parameter> namedParameters() {
        Map<String, Parameter> out = new LinkedHashMap<>();
        collect("", out, m -> m.parameters);
        return out;
    }

    /** Every buffer of this module and its descendants, by dotted path. */
    public Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, m -> m.buffers);
        return out;
    }

    private <T> void collect(String prefix, Map<String, T> out, java.util.function.Function<Module, Map<String, T>> own) {
        own.apply(this).forEach((k, v) -> out.put(prefix + k, v));
        children.forEach((k, c) -> c.collect(prefix + k + ".", out, own));
    }

    public List<Parameter> parameters() { return new ArrayList<>(namedParameters().values()); }

    public List<Parameter> trainableParameters() {
        return parameters().stream().filter(Parameter::trainable).toList();
    }

    public long countParameters() { return parameters().stream().mapToLong(Parameter::numel).sum(); }

    public long countTrainableParameters() { return trainableParameters().stream().mapToLong(Parameter::numel).sum(); }

    /** Freezes or unfreezes every parameter of this module and its descendants (Keras {@code layer.trainable}). */
    public void setTrainable(boolean trainable) { parameters().forEach(p -> p.setTrainable(trainable)); }

    /** True when at least one parameter is trainable, or there are none. */
    public boolean isTrainable() { return parameters.isEmpty() && children.isEmpty() || !trainableParameters().isEmpty(); }

    // ---- mode ----------------------------------------------------------------------------

    /** Training mode (dropout active, batch statistics) for this module and its descendants. */
    public Module train() { return setTraining(true); }

    /** Inference mode. */
    public Module eval() { return setTraining(false); }

    private Module setTraining(boolean t) {
        training = t;
        children.values().forEach(c -> c.setTraining(t));
        return this;
    }

    public boolean isTraining() { return training; }

    // ---- building and calling ------------------------------------------------------------

    /**
     * Creates parameters for inputs of {@code inputShape} (no batch dimension) and returns the output
     * shape. Called once; later calls with another shape fail. The default keeps the shape.
     */
    protected int[] doBuild(int[] inputShape) { return inputShape; }

    /**
     * Builds for several inputs (merge layers override this). The default accepts exactly one input
     * and delegates to {@link #doBuild(int[])}.
     */
    protected int[] doBuild(List<int[]> inputShapes) {
        if (inputShapes.size() != 1) throw new IllegalArgumentException(describe() + " takes one input, got " + inputShapes.size());
        return doBuild(inputShapes.get(0));
    }

    /** Builds for the given input shape (no batch dimension), once; returns the output shape. */
    public final int[] build(int... inputShape) { return build(List.of(inputShape)); }

    /** Builds for several inputs (no batch dimensions), once; returns the output shape. */
    public final int[] build(List<int[]> inputShapes) {
        List<int[]> given = inputShapes.stream().map(int[]::clone).toList();
        if (this.inputShapes != null) {
            boolean same = given.size() == this.inputShapes.size();
            for (int i = 0; same && i < given.size(); i++) same = Arrays.equals(given.get(i), this.inputShapes.get(i));
            if (!same)
                throw ShapeMismatchException.of(describe(), "built for inputs " + shapes(this.inputShapes) + ", called with " + shapes(given),
                        given.toArray(int[][]::new));
            return outputShape.clone();
        }
        int[] out = doBuild(given.stream().map(int[]::clone).toList());
        this.inputShapes = given;
        this.outputShape = out.clone();
        return out;
    }

    private static String shapes(List<int[]> l) { return l.stream().map(Arrays::toString).toList().toString(); }

    /** For containers that grow after building ({@link Sequential#add}): the new output shape. */
    void updateOutputShape(int[] shape) { outputShape = shape.clone(); }

    public boolean isBuilt() { return inputShapes != null; }

    /**
     * The sample shape this module insists on, for input layers (Keras {@code InputLayer}); null
     * (the default) for modules that adapt to what they receive. A {@link Sequential} whose first
     * layer declares a shape builds eagerly for it.
     */
    public int[] declaredInputShape() { return null; }

    /** Input shape without the batch dimension (the first input's for merge layers), or null before building. */
    public int[] inputShape() { return inputShapes == null ? null : inputShapes.get(0).clone(); }

    /** Every input shape without batch dimensions, or null before building. */
    public List<int[]> inputShapes() { return inputShapes == null ? null : inputShapes.stream().map(int[]::clone).toList(); }

    /** Output shape without the batch dimension, or null before building. */
    public int[] outputShape() { return outputShape == null ? null : outputShape.clone(); }

    /** The forward pass on a batch. */
    public abstract Variable forward(Variable x);

    /** Forward pass for modules with several inputs (merge layers); the default accepts exactly one. */
    public Variable forward(List<Variable> inputs) {
        if (inputs.size() != 1) throw new IllegalArgumentException(describe() + " takes one input, got " + inputs.size());
        return forward(inputs.get(0));
    }

    /** Builds on first use (from the batch's shape without its first dimension), then runs {@link #forward(Variable)}. */
    public Variable call(Variable x) {
        build(sampleShape(x));
        return forward(x);
    }

    /** Several inputs: builds on first use (shapes without the batch dimension), then runs {@link #forward(List)}. */
    public Variable call(List<Variable> inputs) {
        build(inputs.stream().map(this::sampleShape).toList());
        return forward(inputs);
    }

    int[] sampleShape(Variable x) {
        if (x.rank() == 0) throw new ShapeMismatchException(describe() + ": input must have a batch dimension; got a scalar");
        return Arrays.copyOfRange(x.shape(), 1, x.rank());
    }

    /**
     * Wires this module into a functional graph: builds it for the inputs' shapes (so mismatches
     * surface here, not at the first batch) and returns the symbolic output. Applying one module
     * several times shares its parameters.
     */
    public Node apply(Node... inputs) { return apply(List.of(inputs)); }

    public Node apply(List<? extends Node> inputs) {
        if (inputs.isEmpty()) throw new IllegalArgumentException(describe() + ": apply needs at least one input node");
        int[] out = build(inputs.stream().map(Node::shape).toList());
        return new Node(this, List.copyOf(inputs), out);
    }

    /** Convenience for inference: wraps a tensor, calls, returns the value. */
    public Tensor call(Tensor x) { return call(Variable.of(x)).value(); }

    /**
     * A Keras-style table of this module's layers (its children, or itself when it has none): name
     * and class, output shape, parameter count; then total, trainable and non-trainable counts.
     * Floating-point buffers (running statistics) count as non-trainable parameters, as in Keras.
     * The module must be built.
     */
    public String summary() { return Summary.of(this); }

    protected String describe() {
        String t = typeName() != null ? typeName() : getClass().getSimpleName();
        return name == null ? t : t + " '" + name + "'";
    }

    // ---- state ---------------------------------------------------------------------------

    /** Parameters and buffers by dotted path. */
    public StateDict stateDict() {
        StateDict d = new StateDict();
        namedParameters().forEach((k, p) -> d.put(k, p.value()));
        namedBuffers().forEach(d::put);
        return d;
    }

    /**
     * Copies values from {@code state}. Strict loading fails with {@link ModelFormatException} listing
     * missing and unexpected keys and shape conflicts; non-strict loading copies what fits and reports
     * the rest.
     */
    public StateDict.LoadResult loadStateDict(StateDict state, boolean strict) {
        Map<String, Parameter> params = namedParameters();
        Map<String, Tensor> bufs = namedBuffers();
        List<String> missing = new ArrayList<>(), unexpected = new ArrayList<>(), conflicts = new ArrayList<>();
        for (String k : params.keySet()) if (!state.contains(k)) missing.add(k);
        for (String k : bufs.keySet()) if (!state.contains(k)) missing.add(k);
        for (Map.Entry<String, Tensor> e : state.asMap().entrySet()) {
            Parameter p = params.get(e.getKey());
            int[] have = p != null ? p.shape() : bufs.containsKey(e.getKey()) ? bufs.get(e.getKey()).shape() : null;
            if (have == null) unexpected.add(e.getKey());
            else if (!Arrays.equals(have, e.getValue().shape()))
                conflicts.add(e.getKey() + " " + Arrays.toString(e.getValue().shape()) + " vs " + Arrays.toString(have));
        }
        StateDict.LoadResult result = new StateDict.LoadResult(missing, unexpected, conflicts);
        if (strict && !result.clean()) throw new ModelFormatException("loadStateDict (strict): " + result);
        for (Map.Entry<String, Tensor> e : state.asMap().entrySet()) {
            String k = e.getKey();
            if (unexpected.contains(k) || conflicts.stream().anyMatch(c -> c.startsWith(k + " "))) continue;
            Parameter p = params.get(k);
            if (p != null) p.assign(e.getValue().to(p.value().dtype()));
            else setBufferByPath(k, e.getValue());
        }
        return result;
    }

    private void setBufferByPath(String path, Tensor value) {
        int dot = path.indexOf('.');
        if (dot < 0) buffers.put(path, value.to(buffers.get(path).dtype()));
        else children.get(path.substring(0, dot)).setBufferByPath(path.substring(dot + 1), value);
    }

    @Override
    public String toString() { return describe(); }
}
