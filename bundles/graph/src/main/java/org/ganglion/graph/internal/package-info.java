/** OSGi wiring of graph: the whiteboard that feeds component factories into the registry. Private. */
package org.ganglion.graph.internal;
