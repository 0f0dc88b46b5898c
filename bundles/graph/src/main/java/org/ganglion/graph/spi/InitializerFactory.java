package org.ganglion.graph.spi;

/** Creates a parameter initializer by name. */
@org.osgi.annotation.versioning.ConsumerType
public interface InitializerFactory extends ComponentFactory<org.ganglion.graph.Initializer> {}
