package io.datarights.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy between a server and PostgreSQL that a test can break: {@link #cut()} drops every
 * connection and refuses new ones, {@link #stall()} holds every byte in both directions, and
 * {@link #heal()} lets traffic through again. The faults a flaky network or a failover makes.
 */
public final class FaultyProxy implements AutoCloseable {

  private enum Mode { PASS, STALL, CUT }

  private final ServerSocket listener;
  private final int targetPort;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong connectionsCut = new AtomicLong();
  private volatile Mode mode = Mode.PASS;
  private volatile boolean closed;

  public FaultyProxy(int targetPort) {
    this.targetPort = targetPort;
    try {
      listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor = new Thread(this::accept, "faulty-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  public void cut() {
    mode = Mode.CUT;
    for (Socket socket : open) {
      connectionsCut.incrementAndGet();
      closeQuietly(socket);
    }
  }

  public void stall() {
    mode = Mode.STALL;
  }

  public void heal() {
    mode = Mode.PASS;
  }

  public long connectionsCut() {
    return connectionsCut.get();
  }

  private void accept() {
    while (!closed) {
      try {
        Socket client = listener.accept();
        if (mode == Mode.CUT) {
          closeQuietly(client);
          continue;
        }
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(server);
        pump(client, server);
        pump(server, client);
      } catch (IOException e) {
        if (closed) {
          return;
        }
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread thread = new Thread(() -> {
      byte[] buffer = new byte[16 * 1024];
      try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
        int n;
        while ((n = in.read(buffer)) >= 0) {
          while (mode == Mode.STALL && !closed) {
            Thread.sleep(20);
          }
          if (mode == Mode.CUT) {
            break;
          }
          out.write(buffer, 0, n);
          out.flush();
        }
      } catch (IOException | InterruptedException e) {
        // the other side went away, or the test cut the line
      } finally {
        closeQuietly(from);
        closeQuietly(to);
        open.remove(from);
        open.remove(to);
      }
    }, "faulty-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    closed = true;
    mode = Mode.CUT;
    closeQuietly(listener);
    open.forEach(FaultyProxy::closeQuietly);
  }

  private static void closeQuietly(ServerSocket socket) {
    try {
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
