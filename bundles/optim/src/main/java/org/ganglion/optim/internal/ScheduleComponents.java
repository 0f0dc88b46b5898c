package org.ganglion.optim.internal;

import java.util.List;
import org.ganglion.graph.Config;
import org.ganglion.graph.Schedule;
import org.ganglion.graph.spi.ComponentFactory;
import org.ganglion.graph.spi.ScheduleFactory;
import org.osgi.service.component.annotations.Component;

/**
 * The built-in learning-rate schedules as {@link ScheduleFactory} services, one DS component per
 * name (also listed in {@code META-INF/services}). Options: {@link ScheduleSpecs}.
 */
public final class ScheduleComponents {
    private ScheduleComponents() {}

    /** Creates {@link ScheduleSpecs#create} for a fixed name. */
    abstract static class Named implements ScheduleFactory {
        private final String name;
        private final List<String> aliases;

        Named(String name, String... aliases) {
            this.name = name;
            this.aliases = List.of(aliases);
        }

        @Override
        public final String name() { return name; }

        @Override
        public final List<String> aliases() { return aliases; }

        @Override
        public final Schedule create(Config config) { return ScheduleSpecs.create(name, config); }
    }

    @Component(service = ScheduleFactory.class, property = ComponentFactory.NAME + "=constant")
    public static final class Constant extends Named {
        public Constant() { super("constant"); }
    }

    @Component(service = ScheduleFactory.class, property = ComponentFactory.NAME + "=step")
    public static final class Step extends Named {
        public Step() { super("step"); }
    }

    @Component(service = ScheduleFactory.class, property = ComponentFactory.NAME + "=multi_step")
    public static final class MultiStep extends Named {
        public MultiStep() { super("multi_step", "multistep"); }
    }

    @Component(service = ScheduleFactory.class, property = ComponentFactory.NAME + "=exponential")
    public static final class Exponential extends Named {
        public Exponential() { super("exponential", "exponential_decay"); }
    }

    @Component(service = ScheduleFactory.class, property = ComponentFactory.NAME + "=inverse_time")
    public static final class InverseTime extends Named {
        public InverseTime() { super("inverse_time", "inverse_time_decay"); }
    }

    @Component(service = ScheduleFactory.class, property = ComponentFactory.NAME + "=polynomial")
    public static final class Polynomial extends Named {
        public Polynomial() { super("polynomial", "polynomial_decay"); }
    }

    @Component(service = ScheduleFactory.class, property = ComponentFactory.NAME + "=cosine")
    public static final class Cosine extends Named {
        public Cosine() { super("cosine", "cosine_decay"); }
    }

    @Component(service = ScheduleFactory.class, property = ComponentFactory.NAME + "=cosine_restarts")
    public static final class CosineRestarts extends Named {
        public CosineRestarts() { super("cosine_restarts", "cosine_decay_restarts", "sgdr"); }
    }

    @Component(service = ScheduleFactory.class, property = ComponentFactory.NAME + "=one_cycle")
    public static final class OneCycle extends Named {
        public OneCycle() { super("one_cycle", "onecycle"); }
    }

    @Component(service = ScheduleFactory.class, property = ComponentFactory.NAME + "=cyclical")
    public static final class Cyclical extends Named {
        public Cyclical() { super("cyclical", "cyclic", "clr"); }
    }
}
