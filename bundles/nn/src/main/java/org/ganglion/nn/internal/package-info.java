/**
 * The factories that register nn's components by name: Declarative Services components inside
 * OSGi, {@code META-INF/services} entries on a plain classpath. Private: nothing here is API, so
 * updating this bundle never forces a refresh of its users.
 */
package org.ganglion.nn.internal;
