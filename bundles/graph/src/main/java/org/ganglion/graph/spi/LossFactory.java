package org.ganglion.graph.spi;

/** Creates a loss by name. */
@org.osgi.annotation.versioning.ConsumerType
public interface LossFactory extends ComponentFactory<org.ganglion.graph.Loss> {}
