/**
 * Tensors, element types, shapes, random keys, the device registry and Ganglion's typed exceptions.
 * See {@link org.ganglion.core.Tensor} to start.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ganglion.core;
