package io.datarights.recipients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP listener that accepts connections and never answers (or, told so, hangs up at once without
 * a byte): the recipients that hold a sender's threads, or look like some other service.
 */
final class SilentListener implements AutoCloseable {

  private final ServerSocket server;
  private final boolean hangUp;
  private final List<Socket> accepted = new CopyOnWriteArrayList<>();
  private final Thread acceptor;
  private final java.util.concurrent.atomic.AtomicInteger open = new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger maxOpen = new java.util.concurrent.atomic.AtomicInteger();

  private SilentListener(InetAddress address, boolean hangUp) throws IOException {
    this.server = new ServerSocket();
    this.server.bind(new InetSocketAddress(address, 0), 200);
    this.hangUp = hangUp;
    this.acceptor = new Thread(this::acceptAll, "silent-listener");
    this.acceptor.setDaemon(true);
    this.acceptor.start();
  }

  /** Accepts and then says nothing, until closed. */
  static SilentListener neverAnswering(InetAddress address) {
    try {
      return new SilentListener(address, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Accepts and closes the connection at once, without a byte. */
  static SilentListener hangingUp(InetAddress address) {
    try {
      return new SilentListener(address, true);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String url(String path) {
    String host = server.getInetAddress().getHostAddress();
    return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getLocalPort() + path;
  }

  /** Connections accepted so far. */
  int acceptedCount() {
    return accepted.size();
  }

  /** The most connections that were open at the same time. */
  int maxOpenAtOnce() {
    return maxOpen.get();
  }

  /** Reads (and ignores) what the client sends, until it closes its side. */
  private void drainUntilClosed(Socket socket) {
    int now = open.incrementAndGet();
    maxOpen.accumulateAndGet(now, Math::max);
    Thread reader = new Thread(() -> {
      try (socket) {
        byte[] buffer = new byte[4096];
        while (socket.getInputStream().read(buffer) >= 0) {
          // say nothing
        }
      } catch (IOException e) {
        // closed by either side
      } finally {
        open.decrementAndGet();
      }
    }, "silent-listener-connection");
    reader.setDaemon(true);
    reader.start();
  }

  private void acceptAll() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        accepted.add(socket);
        if (hangUp) {
          socket.close();
        } else {
          drainUntilClosed(socket);
        }
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  @Override
  public void close() {
    try {
      server.close();
      for (Socket socket : accepted) {
        socket.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
