package org.ganglion.optim.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ganglion.core.Tensor;
import org.ganglion.graph.StateDict;
import org.ganglion.optim.GradientTransformation;

/**
 * Transformations applied in order, the updates of one being the gradients of the next (optax's
 * {@code chain}). Nested chains are flattened. The state is the list of the links' states; each is
 * saved under its own name, and a name used twice gets {@code _1}, {@code _2} … in chain order.
 */
public final class Chain implements GradientTransformation {
    private final List<GradientTransformation> links;

    public Chain(List<GradientTransformation> links) {
        List<GradientTransformation> flat = new ArrayList<>();
        for (GradientTransformation t : links) {
            if (t instanceof Chain c) flat.addAll(c.links);
            else flat.add(java.util.Objects.requireNonNull(t, "chain link"));
        }
        this.links = List.copyOf(flat);
    }

    public List<GradientTransformation> links() { return links; }

    /** The states of a chain's links. */
    public record ChainState(List<State> states) implements State {
        public ChainState {
            states = List.copyOf(states);
        }

        @Override
        public String name() { return ""; }

        private List<String> prefixes(String prefix) {
            Map<String, Integer> seen = new HashMap<>();
            List<String> out = new ArrayList<>();
            for (State s : states) {
                String n = s.name();
                int k = seen.merge(n, 1, Integer::sum) - 1;
                String unique = n.isEmpty() || k == 0 ? n : n + "_" + k;
                out.add(unique.isEmpty() ? prefix : SlotState.key(prefix, unique));
            }
            return out;
        }

        @Override
        public void save(String prefix, StateDict out) {
            List<String> p = prefixes(prefix);
            for (int i = 0; i < states.size(); i++) states.get(i).save(p.get(i), out);
        }

        @Override
        public State load(String prefix, StateDict in) {
            List<String> p = prefixes(prefix);
            List<State> loaded = new ArrayList<>();
            for (int i = 0; i < states.size(); i++) loaded.add(states.get(i).load(p.get(i), in));
            return new ChainState(loaded);
        }
    }

    @Override
    public State init(Map<String, Tensor> params) {
        List<State> states = new ArrayList<>();
        for (GradientTransformation t : links) states.add(t.init(params));
        return new ChainState(states);
    }

    @Override
    public Update update(Map<String, Tensor> grads, State state, Map<String, Tensor> params) {
        if (!(state instanceof ChainState cs) || cs.states().size() != links.size())
            throw new IllegalArgumentException("chain of " + links.size() + ": expected a ChainState of as many states, got " + state);
        Map<String, Tensor> u = grads;
        List<State> next = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            Update r = links.get(i).update(u, cs.states().get(i), params);
            u = r.updates();
            next.add(r.state());
        }
        return new Update(u, new ChainState(next));
    }

    @Override
    public String toString() { return "chain" + links; }
}
