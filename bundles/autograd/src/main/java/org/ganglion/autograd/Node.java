package org.ganglion.autograd;

/**
 * One recorded operation: the inputs it read, their versions at that moment, and its VJP rule.
 * The variable it produced holds the node; the node does not hold the variable (the engine hands
 * the output to the rule), so dropping the output drops the graph above it.
 */
final class Node {
    /** The backward of one primitive; {@code output} is the variable this node produced. */
    @FunctionalInterface
    interface Rule {
        Variable[] apply(Variable grad, boolean[] needs, Variable output);
    }

    final String op;
    private Variable[] inputs;
    private Rule rule;
    private final int[] versions;

    Node(String op, Variable[] inputs, Rule rule) {
        this.op = op;
        this.inputs = inputs;
        this.rule = rule;
        this.versions = new int[inputs.length];
        for (int i = 0; i < inputs.length; i++) versions[i] = inputs[i].version();
    }

    Variable[] inputs() {
        if (rule == null)
            throw new IllegalStateException("backward through the graph a second time (op '" + op + "'): the first backward freed it."
                    + " Pass retainGraph=true to the first backward(seed, retainGraph) if you need to call backward again");
        return inputs;
    }

    Variable[] apply(Variable grad, boolean[] needs, Variable output) {
        Variable[] in = inputs();
        for (int i = 0; i < in.length; i++)
            if (in[i].version() != versions[i])
                throw new IllegalStateException("input " + i + " of '" + op + "' was assigned a new value (Variable.assign) after the op"
                        + " was recorded, so its gradient would be wrong; assign parameters only after backward");
        return rule.apply(grad, needs, output);
    }

    /** Drops the rule and inputs (and with them the values they captured); later use fails clearly. */
    void release() {
        rule = null;
        inputs = null;
    }
}
