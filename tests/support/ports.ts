import net, { type AddressInfo } from 'node:net';

/** A TCP port on 127.0.0.1 that nothing listens on right now, for a server the test starts itself. */
export async function freePort(): Promise<number> {
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
