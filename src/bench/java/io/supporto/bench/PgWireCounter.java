package io.supporto.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the app's database round trips exactly: a TCP relay between the app and PostgreSQL that
 * reads the frames of the wire protocol (v3: a type byte and a length) going each way.
 * <ul>
 * <li>a <b>round trip</b> is one ReadyForQuery ('Z') from the server: PostgreSQL sends exactly one
 * per Sync (extended protocol, what pgjdbc uses for prepared statements and batches) or per simple
 * Query, and the client waits for it before it goes on;</li>
 * <li>a <b>statement</b> is one CommandComplete ('C'): a JDBC batch of 5 inserts is 5 statements in
 * 1 round trip;</li>
 * <li>Parse messages ('P') show how often statements are (re)prepared.</li>
 * </ul>
 * The app must connect with {@code sslmode=disable&gssEncMode=disable}: an encrypted stream could not
 * be read. Only used for the dedicated count phase, so the relay's own cost never enters a throughput
 * figure.
 */
final class PgWireCounter implements AutoCloseable {

    final AtomicLong readyForQuery = new AtomicLong();
    final AtomicLong commandComplete = new AtomicLong();
    final AtomicLong parse = new AtomicLong();
    final AtomicLong connections = new AtomicLong();
    final AtomicLong bytesIn = new AtomicLong();
    final AtomicLong bytesOut = new AtomicLong();

    private final ServerSocket server;
    private final InetSocketAddress upstream;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "pg-wire-counter");
        t.setDaemon(true);
        return t;
    });

    PgWireCounter(String host, int port) throws IOException {
        this.upstream = new InetSocketAddress(host, port);
        this.server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "pg-wire-counter-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    Map<String, Long> snapshot() {
        Map<String, Long> m = new LinkedHashMap<>();
        m.put("roundTrips", readyForQuery.get());
        m.put("statements", commandComplete.get());
        m.put("parses", parse.get());
        m.put("connections", connections.get());
        m.put("bytesToDb", bytesOut.get());
        m.put("bytesFromDb", bytesIn.get());
        return m;
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket db = new Socket();
                db.connect(upstream, 5000);
                client.setTcpNoDelay(true);
                db.setTcpNoDelay(true);
                connections.incrementAndGet();
                pool.execute(() -> relay(client, db, new Frames(false)));
                pool.execute(() -> relay(db, client, new Frames(true)));
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private void relay(Socket from, Socket to, Frames frames) {
        byte[] buf = new byte[64 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buf)) >= 0) {
                frames.feed(buf, n);
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // already closed
        }
    }

    /** Splits one direction of the stream into frames; the client's first frame (startup) has no type byte. */
    private final class Frames {
        private final boolean fromServer;
        private boolean startup;
        private final byte[] header = new byte[5];
        private int headerPos;
        private long remaining;

        Frames(boolean fromServer) {
            this.fromServer = fromServer;
            this.startup = !fromServer;
        }

        void feed(byte[] buf, int n) {
            (fromServer ? bytesIn : bytesOut).addAndGet(n);
            int i = 0;
            while (i < n) {
                if (remaining > 0) {
                    int skip = (int) Math.min(remaining, n - i);
                    i += skip;
                    remaining -= skip;
                    continue;
                }
                header[headerPos++] = buf[i++];
                if (startup && headerPos == 4) {
                    // StartupMessage: int32 length (itself included), no type byte
                    remaining = readInt(0) - 4;
                    headerPos = 0;
                    startup = false;
                } else if (!startup && headerPos == 5) {
                    remaining = readInt(1) - 4;
                    headerPos = 0;
                    count((char) header[0]);
                }
            }
        }

        private long readInt(int at) {
            return ((header[at] & 0xffL) << 24) | ((header[at + 1] & 0xffL) << 16)
                    | ((header[at + 2] & 0xffL) << 8) | (header[at + 3] & 0xffL);
        }

        private void count(char type) {
            if (fromServer) {
                if (type == 'Z') {
                    readyForQuery.incrementAndGet();
                } else if (type == 'C') {
                    commandComplete.incrementAndGet();
                }
            } else if (type == 'P') {
                parse.incrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // closing anyway
        }
        pool.shutdownNow();
    }
}
