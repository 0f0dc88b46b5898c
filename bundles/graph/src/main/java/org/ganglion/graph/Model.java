package org.ganglion.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ganglion.autograd.Variable;

/**
 * A functional (DAG) model: inputs, modules applied to nodes, outputs — Keras's functional API.
 * Several inputs and outputs, residual connections ({@link Merge#add}), concatenations and shared
 * layers (one module applied twice) are allowed. Shapes are inferred while the graph is wired (each
 * {@link Module#apply} builds its module), so the model is built as soon as it exists.
 *
 * <pre>{@code
 * Input image = Input.of("image", 784), meta = Input.of("meta", 8);
 * Node h = hidden.apply(image);
 * Node joined = Merge.concatenate(Merge.add(h, skip.apply(image)), meta);
 * Model m = Model.of(List.of(image, meta), List.of(head.apply(joined)));
 * }</pre>
 *
 * <p>Layers are registered as children in the order the graph first uses them; unnamed layers get
 * {@code <type>_<n>} names, unnamed inputs {@code input_<n>}. A model is a {@link Module}, so it can
 * be applied inside another model (single-output models only). Not thread-safe.
 */
public final class Model extends Module {
    /** The name of this container in model specs. */
    public static final String TYPE = "functional";

    private final List<Input> inputs;
    private final List<String> inputNames;
    private final List<Node> outputs;
    /** Every non-input node, each after the nodes it reads. */
    private final List<Node> nodes = new ArrayList<>();
    /** How the spec and the summary refer to a node: an input's name, {@code layer} or {@code layer@k} for its k-th application. */
    private final Map<Node, String> ids = new IdentityHashMap<>();
    private final List<Module> layers = new ArrayList<>();

    private Model(List<Input> inputs, List<? extends Node> outputs) {
        if (inputs.isEmpty() || outputs.isEmpty()) throw new IllegalArgumentException("Model.of: needs at least one input and one output");
        Set<Node> declared = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Input in : inputs) if (!declared.add(in)) throw new IllegalArgumentException("Model.of: " + in + " is listed twice among the inputs");
        this.inputs = List.copyOf(inputs);
        this.outputs = List.copyOf(outputs);
        Set<Node> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node out : outputs) sort(out, declared, seen);
        Set<Module> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Node n : nodes) if (distinct.add(n.module())) layers.add(n.module());
        this.inputNames = assignNames();
        for (int i = 0; i < inputs.size(); i++) ids.put(inputs.get(i), inputNames.get(i));
        Map<Module, Integer> applications = new IdentityHashMap<>();
        for (Node n : nodes) {
            int k = applications.merge(n.module(), 1, Integer::sum) - 1;
            ids.put(n, k == 0 ? n.module().name() : n.module().name() + "@" + k);
        }
        layers.forEach(l -> addModule(l.name(), l));
        build(inputs.stream().map(Node::shape).toList());
    }

    /** A model from one input to one output. */
    public static Model of(Input input, Node output) { return new Model(List.of(input), List.of(output)); }

    /**
     * A model computing {@code outputs} from {@code inputs}. Every input the outputs depend on must be
     * listed; inputs are fed in list order.
     *
     * @throws IllegalArgumentException for an unlisted input, a duplicate, or two layers with one name
     */
    public static Model of(List<Input> inputs, List<? extends Node> outputs) { return new Model(inputs, outputs); }

    private void sort(Node n, Set<Node> declared, Set<Node> seen) {
        if (seen.contains(n)) return;
        if (n instanceof Input) {
            if (!declared.contains(n))
                throw new IllegalArgumentException("Model.of: the outputs depend on " + n + ", which is not among the model's inputs");
        } else {
            for (Node in : n.inputs()) sort(in, declared, seen);
            nodes.add(n);
        }
        seen.add(n);
    }

    /** Names unnamed layers and inputs; explicit names are kept and must be unique across both. */
    private List<String> assignNames() {
        Set<String> used = new HashSet<>();
        for (Module l : layers) if (l.name() != null && !used.add(l.name())) throw duplicate(l.name());
        for (Input in : inputs) if (in.name() != null && !used.add(in.name())) throw duplicate(in.name());
        for (Module l : layers) if (l.name() == null) used.add(l.setName(l.uniqueName(used)).name());
        List<String> names = new ArrayList<>();
        for (Input in : inputs) {
            String name = in.name();
            for (int n = 1; name == null; n++) if (!used.contains("input_" + n)) name = "input_" + n;
            used.add(name);
            names.add(name);
        }
        return List.copyOf(names);
    }

    private static IllegalArgumentException duplicate(String name) {
        return new IllegalArgumentException("Model.of: two layers or inputs are named '" + name + "'; names must be unique within a model");
    }

    @Override
    protected int[] doBuild(List<int[]> inputShapes) { return outputs.get(0).shape(); }

    public List<Input> inputs() { return inputs; }

    /** The names of the inputs (given or assigned), in input order. */
    public List<String> inputNames() { return inputNames; }

    public List<Node> outputs() { return outputs; }

    public List<int[]> outputShapes() { return outputs.stream().map(Node::shape).toList(); }

    /** The layers in the order the graph first uses them. */
    public List<Module> layers() { return Collections.unmodifiableList(layers); }

    List<Node> nodes() { return nodes; }

    String id(Node n) { return ids.get(n); }

    /** Runs the graph on a batch for every input (in {@link #inputs()} order); returns every output. */
    public List<Variable> forwardAll(List<Variable> values) {
        if (values.size() != inputs.size())
            throw new IllegalArgumentException(describe() + " takes " + inputs.size() + " inputs " + inputNames + ", got " + values.size());
        Map<Node, Variable> computed = new IdentityHashMap<>();
        for (int i = 0; i < values.size(); i++) computed.put(inputs.get(i), values.get(i));
        for (Node n : nodes) computed.put(n, n.module().call(n.inputs().stream().map(computed::get).toList()));
        return outputs.stream().map(computed::get).toList();
    }

    /** Like {@link #forwardAll}, after checking the batch shapes against the inputs'. */
    public List<Variable> callAll(List<Variable> values) {
        build(values.stream().map(this::sampleShape).toList());
        return forwardAll(values);
    }

    @Override
    public Variable forward(List<Variable> values) {
        if (outputs.size() != 1) throw new IllegalStateException(describe() + " has " + outputs.size() + " outputs; use forwardAll");
        return forwardAll(values).get(0);
    }

    @Override
    public Variable forward(Variable x) { return forward(List.of(x)); }

    /** Applies this model as a layer of another model; only single-output models can be nested. */
    @Override
    public Node apply(List<? extends Node> in) {
        if (outputs.size() != 1)
            throw new IllegalArgumentException(describe() + " has " + outputs.size() + " outputs; only single-output models can be applied as a layer");
        return super.apply(in);
    }

    @Override
    public String typeName() { return TYPE; }

    /** The graph as a spec body ({@code inputs}, {@code layers}, {@code nodes}, {@code outputs}); see {@link ModelSpec}. */
    @Override
    public Map<String, Object> config() { return SpecWriter.body(this); }

    @Override
    protected String describe() { return name() == null ? "Model" : "Model '" + name() + "'"; }

    @Override
    public String toString() { return describe() + " " + inputNames + " -> " + outputShapes().stream().map(Arrays::toString).toList(); }
}
