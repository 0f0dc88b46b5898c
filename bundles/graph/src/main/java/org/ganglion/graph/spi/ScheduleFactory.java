package org.ganglion.graph.spi;

/** Creates a learning-rate schedule by name. */
@org.osgi.annotation.versioning.ConsumerType
public interface ScheduleFactory extends ComponentFactory<org.ganglion.graph.Schedule> {}
