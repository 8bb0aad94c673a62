package io.supporto.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in front of the test's SMTP server that can be closed: while closed it keeps what
 * either side sends (the server's greeting first), so a node's "Deliver email" job hangs before
 * any mail is handed over, holding its job lock, as it would against a stalled SMTP server.
 * Nothing is lost when it opens again; connections whose client died are dropped.
 */
final class SmtpGate implements AutoCloseable {

    private final int targetPort;
    private final ServerSocket server;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final Object monitor = new Object();
    private volatile boolean open = true;
    private volatile boolean running = true;

    SmtpGate(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "smtp-gate-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** The connections open through the gate: while it holds, each is a delivery hanging in SMTP. */
    int connections() {
        return sockets.size() / 2;
    }

    /** From now on nothing passes: connections stay open, their bytes wait. */
    void hold() {
        setOpen(false);
    }

    /** Lets everything through again, what waited first. */
    void release() {
        setOpen(true);
    }

    private void setOpen(boolean open) {
        synchronized (monitor) {
            this.open = open;
            monitor.notifyAll();
        }
    }

    private void accept() {
        while (running) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(upstream);
                relay(upstream, client, "smtp-gate-down");
                relay(client, upstream, "smtp-gate-up");
            } catch (IOException e) {
                if (running) {
                    System.err.println("SMTP gate: " + e);
                }
            }
        }
    }

    private void relay(Socket from, Socket to, String name) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) != -1) {
                    awaitOpen();
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException | InterruptedException e) {
                // one side went away (a killed node): drop the connection
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    private void awaitOpen() throws InterruptedException {
        synchronized (monitor) {
            while (!open && running) {
                monitor.wait(200);
            }
        }
    }

    private void closeQuietly(Socket socket) {
        sockets.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        release();
        server.close();
        sockets.forEach(this::closeQuietly);
    }
}
