/**
 * Plugin contracts: a bundle that registers one of these factories as an OSGi service with a
 * {@code ganglion.name} property (or lists it in {@code META-INF/services} on a plain classpath)
 * makes its component usable by name from Java and from model specs.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ganglion.graph.spi;
