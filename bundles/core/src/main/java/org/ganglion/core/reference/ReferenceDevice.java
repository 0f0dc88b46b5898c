package org.ganglion.core.reference;

import org.ganglion.core.host.HostDevice;
import org.ganglion.core.spi.DeviceKind;

/**
 * The reference device: every kernel of {@link HostDevice} unchanged, plain loops on Java arrays.
 * It is the specification the other devices are tested against, and ranks lowest so that it is
 * chosen only when nothing else is there or when asked for by id ({@code reference}).
 */
public final class ReferenceDevice extends HostDevice {
    public static final String ID = "reference";

    public ReferenceDevice() {
        super(ID, DeviceKind.REFERENCE, -100);
    }
}
