/**
 * Models: {@link org.ganglion.graph.Module} trees of named {@link org.ganglion.graph.Parameter}s,
 * sequential and functional models, state dicts, model specs (JSON), checkpoints, and the
 * contracts of pluggable components (losses, metrics, optimizers, initializers, schedules,
 * regularizers) that {@link org.ganglion.graph.ComponentRegistry} finds by name.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ganglion.graph;
