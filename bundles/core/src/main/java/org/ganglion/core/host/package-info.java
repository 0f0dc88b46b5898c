/**
 * Building blocks for devices whose memory is the Java heap: {@link org.ganglion.core.host.HostBuffer}
 * (a buffer backed by a Java array) and {@link org.ganglion.core.host.HostDevice} (every primitive as a
 * plain, obviously correct loop). The reference device is a {@code HostDevice}; faster CPU devices
 * extend it and override the kernels they accelerate, so the general strided cases are written once.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.ganglion.core.host;
