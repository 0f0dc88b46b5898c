package org.ganglion.data.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.ganglion.data.DataFormatException;
import org.ganglion.data.DatasetUnavailableException;
import org.ganglion.data.Downloader;
import org.ganglion.data.Fixtures;
import org.ganglion.data.LoadOptions;
import org.ganglion.data.TrainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The download step with checksums that match: over file:// and over HTTP on 127.0.0.1. */
class DatasetFilesTest {
    @TempDir
    Path tmp;

    private Path mirror;
    private DatasetFiles tiny;

    private void setUpMirror() throws Exception {
        mirror = Fixtures.mnistFolder(tmp.resolve("mirror"), 3, 2, true);
        Map<String, String> md5 = new TreeMap<>();
        try (Stream<Path> files = Files.list(mirror)) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                md5.put(name.substring(0, name.length() - 3), HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(p))));
            }
        }
        tiny = new DatasetFiles("tiny", URI.create("http://invalid.example/"), md5, "");
    }

    private LoadOptions options(Downloader d, URI from) {
        return LoadOptions.defaults().cacheRoot(tmp.resolve("cache")).systemRoots(List.of()).environment(k -> null)
                .download(true).downloader(d).mirror(from);
    }

    @Test
    void downloadsOverFileUrlsVerifiesAndThenUsesTheCache() throws Exception {
        setUpMirror();
        AtomicInteger opened = new AtomicInteger();
        Downloader counting = uri -> {
            opened.incrementAndGet();
            return Downloader.standard().open(uri);
        };
        TrainTest d = MnistFormat.load(tiny, options(counting, mirror.toUri()), 10);
        assertEquals(3, d.train().size());
        assertEquals(4, opened.get());
        Path cache = tmp.resolve("cache/tiny");
        for (String f : tiny.md5().keySet())
            assertArrayEquals(Files.readAllBytes(mirror.resolve(f + ".gz")), Files.readAllBytes(cache.resolve(f + ".gz")));
        assertEquals(4, list(cache).size(), "only the four files, no .part left: " + list(cache));
        MnistFormat.load(tiny, options(counting, mirror.toUri()), 10);
        assertEquals(4, opened.get(), "the second load reads the cache");
    }

    @Test
    void downloadsOnlyTheMissingFilesOverHttpOnLoopback() throws Exception {
        setUpMirror();
        Path cache = Files.createDirectories(tmp.resolve("cache/tiny"));
        Files.copy(mirror.resolve("train-images-idx3-ubyte.gz"), cache.resolve("train-images-idx3-ubyte.gz"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/", ex -> {
            requests.incrementAndGet();
            Path f = mirror.resolve(ex.getRequestURI().getPath().substring(1));
            byte[] body = Files.isRegularFile(f) ? Files.readAllBytes(f) : new byte[0];
            ex.sendResponseHeaders(body.length > 0 ? 200 : 404, body.length > 0 ? body.length : -1);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(body);
            }
        });
        server.start();
        try {
            URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            TrainTest d = MnistFormat.load(tiny, options(Downloader.standard(), base), 10);
            assertEquals(2, d.test().size());
            assertEquals(3, requests.get(), "the file already cached is not fetched again");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void aBrokenStreamLeavesNoPartialFile() throws Exception {
        setUpMirror();
        Downloader breaking = uri -> new InputStream() {
            private final InputStream in = new ByteArrayInputStream(new byte[5000]);

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b < 0) throw new IOException("connection reset");
                return b;
            }
        };
        DatasetUnavailableException e = assertThrows(DatasetUnavailableException.class,
                () -> tiny.resolve(options(breaking, mirror.toUri())));
        assertTrue(e.getMessage().contains("connection reset"), e.getMessage());
        assertEquals(List.of(), list(tmp.resolve("cache/tiny")));
    }

    @Test
    void aChecksumMismatchIsRejected() throws Exception {
        setUpMirror();
        Downloader wrong = uri -> new ByteArrayInputStream("not the file".getBytes());
        DataFormatException e = assertThrows(DataFormatException.class, () -> tiny.resolve(options(wrong, mirror.toUri())));
        assertTrue(e.problem().contains("MD5 checksum mismatch") && e.problem().contains("12 bytes"), e.getMessage());
        assertEquals(List.of(), list(tmp.resolve("cache/tiny")));
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
