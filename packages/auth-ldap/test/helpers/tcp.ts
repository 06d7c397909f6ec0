import { connect, createServer, type Server, type Socket } from 'node:net';

/** A loopback TCP server that counts the connections made to it and those still open. */
export interface CountingServer {
  /** `ldap://127.0.0.1:<port>` */
  readonly url: string;
  /** Connections accepted so far. */
  readonly accepted: () => number;
  /** Connections not yet closed by both sides. */
  readonly open: () => number;
  /** Resolves once no connection is open (fails the test after `timeoutMs`). */
  readonly drained: (timeoutMs?: number) => Promise<void>;
  readonly close: () => Promise<void>;
}

async function serve(onConnection: (socket: Socket) => void): Promise<CountingServer> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server: Server = createServer((socket) => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return {
    url: `ldap://127.0.0.1:${address.port}`,
    accepted: () => accepted,
    open: () => sockets.size,
    drained: async (timeoutMs = 2000) => {
      const until = Date.now() + timeoutMs;
      while (sockets.size > 0) {
        if (Date.now() > until) throw new Error(`${sockets.size} connection(s) still open`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A server that accepts connections and never answers: an LDAP server that hangs. */
export function silentServer(): Promise<CountingServer> {
  // Reads and drops what comes in: a paused socket would never see the client's FIN.
  return serve((socket) => socket.resume());
}

/**
 * A proxy to `target` (an `ldap://host:port` URL) that counts the connections going through it, so a
 * test can tell whether every connection a client opened was closed.
 */
export function countingProxy(target: string): Promise<CountingServer> {
  const { hostname, port } = new URL(target);
  return serve((client) => {
    const upstream = connect(Number(port), hostname);
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  });
}

/** A loopback port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}
