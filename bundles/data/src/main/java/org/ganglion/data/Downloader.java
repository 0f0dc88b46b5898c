package org.ganglion.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLConnection;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Opens a remote file for a dataset download. The loader, not the downloader, checks the MD5 sum
 * and moves the finished file into place atomically, so a downloader only has to deliver bytes;
 * replace it to use a proxy-aware client, a mirror, or (in tests) local bytes.
 */
@ConsumerType
@FunctionalInterface
public interface Downloader {
    /** The content at {@code uri}; the caller closes the stream. */
    InputStream open(URI uri) throws IOException;

    /**
     * {@link java.net.URLConnection}: {@code http}, {@code https}, {@code file} and {@code jar} URLs,
     * following redirects within a protocol, 30 s to connect and 60 s between reads.
     */
    static Downloader standard() {
        return uri -> {
            URLConnection c = uri.toURL().openConnection();
            c.setConnectTimeout(30_000);
            c.setReadTimeout(60_000);
            c.setRequestProperty("User-Agent", "ganglion-data");
            return c.getInputStream();
        };
    }
}
