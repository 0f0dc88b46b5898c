package org.ganglion.graph.spi;

/** Creates an optimizer by name. */
@org.osgi.annotation.versioning.ConsumerType
public interface OptimizerFactory extends ComponentFactory<org.ganglion.graph.Optimizer> {}
