/** Transformation implementations, schedule implementations and the DS component factories. Not exported. */
package org.ganglion.optim.internal;
