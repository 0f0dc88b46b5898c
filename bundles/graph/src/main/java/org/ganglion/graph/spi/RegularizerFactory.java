package org.ganglion.graph.spi;

/** Creates a weight regularizer by name. */
@org.osgi.annotation.versioning.ConsumerType
public interface RegularizerFactory extends ComponentFactory<org.ganglion.graph.Regularizer> {}
