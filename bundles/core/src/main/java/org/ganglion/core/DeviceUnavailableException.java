package org.ganglion.core;

/** No device can run the work: none registered, the pinned one is missing, or a device failed. */
public class DeviceUnavailableException extends GanglionException {
    private static final long serialVersionUID = 1L;

    public DeviceUnavailableException(String message) { super(message); }

    public DeviceUnavailableException(String message, Throwable cause) { super(message, cause); }
}
