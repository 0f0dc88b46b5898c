package org.ganglion.graph.spi;

/** Creates a layer or block (a Module) by name. */
@org.osgi.annotation.versioning.ConsumerType
public interface LayerFactory extends ComponentFactory<org.ganglion.graph.Module> {}
