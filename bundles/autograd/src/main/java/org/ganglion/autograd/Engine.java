package org.ganglion.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ganglion.core.ShapeMismatchException;
import org.ganglion.core.Tensor;

/**
 * Records operations and runs the backward pass (micrograd's engine, made iterative): a
 * depth-first topological sort with an explicit stack, so graphs thousands of nodes deep (an
 * unrolled RNN) cannot overflow the call stack, then one walk in reverse order that sums the
 * gradients of variables used several times before passing them on.
 */
final class Engine {
    private Engine() {}

    /** The result of an op: a graph node when some input requires a gradient, else a constant. */
    static Variable record(String op, Tensor value, Node.Rule rule, Variable... inputs) {
        if (NoGrad.isActive() || !value.dtype().isFloating()) return Variable.of(value);
        for (Variable in : inputs)
            if (in.requiresGrad()) return new Variable(value, new Node(op, inputs, rule));
        return Variable.of(value);
    }

    /**
     * Propagates {@code seed} (shaped and typed like the root's value) back from {@code root},
     * accumulating into leaves and into variables that retain their gradient.
     */
    static void backward(Variable root, Tensor seed, boolean retainGraph) {
        if (!root.requiresGrad())
            throw new IllegalStateException("backward: this variable does not require a gradient (no input was a Variable.param,"
                    + " or it was computed inside NoGrad)");
        List<Variable> order = topologicalOrder(root);
        Map<Variable, Variable> grads = new IdentityHashMap<>();
        grads.put(root, Variable.of(seed));
        try (NoGrad ignored = NoGrad.enter()) {
            for (int i = order.size() - 1; i >= 0; i--) {
                Variable v = order.get(i);
                Variable g = grads.remove(v); // complete: every op reading v comes later in the order
                if (g != null) { // null when every path to v had a zero (null) gradient
                    if (v.node == null || v.retainsGrad()) v.accumulateGrad(g.value());
                    if (v.node != null) propagate(v, g, grads);
                }
                if (!retainGraph && v.node != null) v.node.release();
            }
        }
    }

    private static void propagate(Variable v, Variable g, Map<Variable, Variable> grads) {
        Node node = v.node;
        Variable[] in = node.inputs();
        boolean[] needs = new boolean[in.length];
        for (int k = 0; k < in.length; k++) needs[k] = in[k].requiresGrad();
        Variable[] gin = node.apply(g, needs, v);
        if (gin.length != in.length)
            throw new IllegalStateException("backward of '" + node.op + "' returned " + gin.length + " gradients for " + in.length + " inputs");
        for (int k = 0; k < in.length; k++) {
            if (!needs[k] || gin[k] == null) continue;
            Variable gk = gin[k];
            if (!Arrays.equals(gk.shape(), in[k].shape()))
                throw ShapeMismatchException.of("backward of " + node.op, "gradient for input " + k + " does not have the input's shape",
                        gk.shape(), in[k].shape());
            if (gk.dtype() != in[k].dtype()) gk = gk.to(in[k].dtype());
            grads.merge(in[k], gk, Variable::add);
        }
    }

    /** Every variable requiring a gradient that {@code root} depends on, inputs before the ops that read them. */
    private static List<Variable> topologicalOrder(Variable root) {
        List<Variable> order = new ArrayList<>();
        Set<Variable> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Frame> stack = new ArrayDeque<>();
        visited.add(root);
        stack.push(new Frame(root));
        while (!stack.isEmpty()) {
            Frame f = stack.peek();
            Variable[] in = f.v.node == null ? NONE : f.v.node.inputs();
            if (f.next < in.length) {
                Variable p = in[f.next++];
                if (p.requiresGrad() && visited.add(p)) stack.push(new Frame(p));
            } else {
                stack.pop();
                order.add(f.v);
            }
        }
        return order;
    }

    private static final Variable[] NONE = new Variable[0];

    private static final class Frame {
        final Variable v;
        int next;

        Frame(Variable v) { this.v = v; }
    }
}
