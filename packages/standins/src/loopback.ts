import http from 'node:http';
import { AddressInfo } from 'node:net';
import type { RequestListener } from 'node:http';

/**
 * Serves a stand-in on 127.0.0.1 (any free port unless one is given) and
 * returns the server and its base URL, e.g. `http://127.0.0.1:40123`.
 */
export async function listenOnLoopback(
  app: RequestListener,
  port = 0,
): Promise<{ server: http.Server; url: string }> {
  const server = http.createServer(app);
  await new Promise<void>(resolve => server.listen(port, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { server, url };
}

/** Stops a stand-in's server, dropping kept-alive connections. */
export async function closeLoopback(server: http.Server | undefined) {
  if (!server) return;
  server.closeAllConnections();
  await new Promise(resolve => server.close(resolve));
}
