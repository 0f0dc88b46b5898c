package org.ganglion.graph.spi;

/** Creates a metric (a fresh, reset instance each time) by name. */
@org.osgi.annotation.versioning.ConsumerType
public interface MetricFactory extends ComponentFactory<org.ganglion.graph.Metric> {}
