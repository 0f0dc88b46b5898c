package org.ganglion.nn.internal;

import org.ganglion.graph.Config;
import org.ganglion.graph.Regularizer;
import org.ganglion.graph.spi.ComponentFactory;
import org.ganglion.graph.spi.RegularizerFactory;
import org.ganglion.nn.Regularizers;
import org.osgi.service.component.annotations.Component;

/** Weight-penalty factories: {@code l1} (option l1, 0.01), {@code l2} (option l2, 0.01), {@code l1_l2} (l1, l2; 0). */
public final class RegularizerFactories {
    private RegularizerFactories() {}

    abstract static class ByName extends Named implements RegularizerFactory {
        ByName(String name, String... aliases) { super(name, aliases); }

        @Override
        public Regularizer create(Config c) { return Regularizers.get(name(), c); }
    }

    @Component(service = RegularizerFactory.class, property = ComponentFactory.NAME + "=l1")
    public static final class L1 extends ByName {
        public L1() { super("l1"); }
    }

    @Component(service = RegularizerFactory.class, property = ComponentFactory.NAME + "=l2")
    public static final class L2 extends ByName {
        public L2() { super("l2"); }
    }

    @Component(service = RegularizerFactory.class, property = ComponentFactory.NAME + "=l1_l2")
    public static final class L1L2 extends ByName {
        public L1L2() { super("l1_l2", "elastic_net"); }
    }
}
