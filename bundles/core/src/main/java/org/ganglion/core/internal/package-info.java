/** OSGi wiring of core: feeds device services into the global registry. Private. */
package org.ganglion.core.internal;
