package org.ganglion.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The op table: every {@link org.ganglion.core.Tensor} operation and the autograd composites, one
 * {@link OpSpec} each, split by family over {@code OpSpecsUnary}, {@code OpSpecsBinary},
 * {@code OpSpecsReduce}, {@code OpSpecsLinalg}, {@code OpSpecsShape}, {@code OpSpecsIndexing},
 * {@code OpSpecsCreation} and {@code OpSpecsComposite}. Built once (input values are drawn from a
 * seeded generator at that moment, so they are the same for every device in a run); immutable.
 */
public final class OpSpecs {
    private OpSpecs() {}

    private static final class Holder {
        static final List<OpSpec> ALL = build();
    }

    /** Every spec, in family order. */
    public static List<OpSpec> all() { return Holder.ALL; }

    /** The spec named {@code name}. */
    public static Optional<OpSpec> find(String name) {
        return all().stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The specs of one family (unary, binary, comparison, logical, reduce, linalg, shape, conversion, indexing, creation, random, composite). */
    public static List<OpSpec> family(String family) {
        return all().stream().filter(s -> s.family().equals(family)).toList();
    }

    private static List<OpSpec> build() {
        List<OpSpec> all = new ArrayList<>();
        all.addAll(OpSpecsUnary.all());
        all.addAll(OpSpecsBinary.all());
        all.addAll(OpSpecsReduce.all());
        all.addAll(OpSpecsLinalg.all());
        all.addAll(OpSpecsShape.all());
        all.addAll(OpSpecsIndexing.all());
        all.addAll(OpSpecsCreation.all());
        all.addAll(OpSpecsComposite.all());
        Set<String> names = new HashSet<>();
        for (OpSpec s : all) {
            if (!names.add(s.name())) throw new IllegalStateException("op '" + s.name() + "' is declared twice");
            Set<String> samples = new HashSet<>();
            for (Sample x : s.samples())
                if (!samples.add(x.name())) throw new IllegalStateException(s.name() + ": sample name '" + x.name() + "' is used twice");
        }
        return List.copyOf(all);
    }
}
