package org.ganglion.graph.internal;

import org.ganglion.graph.ComponentRegistry;
import org.ganglion.graph.spi.ComponentFactory;
import org.ganglion.graph.spi.InitializerFactory;
import org.ganglion.graph.spi.LayerFactory;
import org.ganglion.graph.spi.LossFactory;
import org.ganglion.graph.spi.MetricFactory;
import org.ganglion.graph.spi.OptimizerFactory;
import org.ganglion.graph.spi.RegularizerFactory;
import org.ganglion.graph.spi.ScheduleFactory;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/** Whiteboard: every component factory service joins {@link ComponentRegistry#global()} while it is registered. */
@Component(immediate = true)
public class ComponentWhiteboard {
    private static void add(ComponentFactory<?> f) {
        Bundle b = FrameworkUtil.getBundle(f.getClass());
        ComponentRegistry.global().add(f, b == null ? "classpath" : b.getSymbolicName());
    }

    private static void remove(ComponentFactory<?> f) { ComponentRegistry.global().remove(f); }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addLayer(LayerFactory f) { add(f); }

    void removeLayer(LayerFactory f) { remove(f); }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addLoss(LossFactory f) { add(f); }

    void removeLoss(LossFactory f) { remove(f); }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addOptimizer(OptimizerFactory f) { add(f); }

    void removeOptimizer(OptimizerFactory f) { remove(f); }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addInitializer(InitializerFactory f) { add(f); }

    void removeInitializer(InitializerFactory f) { remove(f); }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addMetric(MetricFactory f) { add(f); }

    void removeMetric(MetricFactory f) { remove(f); }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSchedule(ScheduleFactory f) { add(f); }

    void removeSchedule(ScheduleFactory f) { remove(f); }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addRegularizer(RegularizerFactory f) { add(f); }

    void removeRegularizer(RegularizerFactory f) { remove(f); }
}
