import type { Server } from 'node:http';

/** The server could not listen: one line saying why and what to change. */
export class ListenError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'ListenError';
  }
}

const WHY: Record<string, string> = {
  EADDRINUSE: 'the port is already in use (stop what holds it, or set PORT or "port" to another one)',
  EACCES: 'permission denied (ports below 1024 need privileges; set PORT or "port" to 1024 or above)',
  EADDRNOTAVAIL: 'that address is not one of this machine\'s (set HOST or "host", e.g. 0.0.0.0)',
  ENOTFOUND: 'that host name does not resolve (set HOST or "host", e.g. 0.0.0.0)',
};

/** Starts listening, or rejects with a {@link ListenError} whose message is one clear line. */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      const why = (error.code && WHY[error.code]) ?? error.message;
      reject(new ListenError(`cannot listen on ${host}:${port}: ${why}`, error.code));
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
}
