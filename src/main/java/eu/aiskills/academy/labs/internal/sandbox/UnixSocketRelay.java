package eu.aiskills.academy.labs.internal.sandbox;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a sandbox's Unix-domain socket reachable on a loopback TCP port, so that the JDK's HTTP and
 * WebSocket clients (which speak only TCP) can talk to the Jupyter Server inside. Bytes are copied
 * both ways by virtual threads; closing the relay closes every connection. The sandbox itself has
 * no network: nothing inside can reach this port or any other.
 */
public final class UnixSocketRelay implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UnixSocketRelay.class);

    private final Path socket;
    private final ServerSocketChannel server;
    private final Set<SocketChannel> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public UnixSocketRelay(Path socket) throws IOException {
        this.socket = socket;
        this.server = ServerSocketChannel.open(StandardProtocolFamily.INET);
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        Thread.ofVirtual().name("relay-" + port()).start(this::accept);
    }

    public int port() {
        try {
            return ((InetSocketAddress) server.getLocalAddress()).getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private void accept() {
        while (!closed) {
            SocketChannel client = null;
            try {
                client = server.accept();
                SocketChannel unix = SocketChannel.open(StandardProtocolFamily.UNIX);
                unix.connect(UnixDomainSocketAddress.of(socket));
                open.add(client);
                open.add(unix);
                SocketChannel tcp = client;
                Thread.ofVirtual().start(() -> pump(tcp, unix));
                Thread.ofVirtual().start(() -> pump(unix, tcp));
            } catch (IOException e) {
                if (client != null) {
                    quietly(client);
                }
                if (!closed) {
                    log.debug("Relay to {}: {}", socket, e.toString());
                }
            }
        }
    }

    /** Copies one direction until either side closes, then closes both. */
    private void pump(SocketChannel from, SocketChannel to) {
        ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
        } catch (IOException e) {
            // One side closed: the connection is over.
        } finally {
            quietly(from);
            quietly(to);
        }
    }

    private void quietly(SocketChannel channel) {
        open.remove(channel);
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing what is already closed.
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // Already closed.
        }
        open.forEach(this::quietly);
    }
}
