/**
 * The four seeded reference backends in a process of their own, driven by the
 * bench over IPC: it sets the latency every backend adds and reads how many
 * requests each one received (their request logs), so upstream calls are counted
 * where they arrive. Sends `{ ready, entries }` once listening.
 */
import { startAllReferenceBackends } from '../src/reference-backends/start-all.js';

/** A command from the bench. */
export type BackendsCommand =
  | { id: number; type: 'latency'; ms: number }
  | { id: number; type: 'counts' }
  | { id: number; type: 'stop' };

const backends = await startAllReferenceBackends({ host: '127.0.0.1' });

process.on('message', async (command: BackendsCommand) => {
  switch (command.type) {
    case 'latency':
      await Promise.all(backends.all.map((b) => (command.ms > 0 ? b.faults.set({ kind: 'latency', ms: command.ms }) : b.faults.clear('latency'))));
      process.send!({ id: command.id });
      break;
    case 'counts':
      process.send!({ id: command.id, counts: Object.fromEntries(backends.all.map((b) => [b.kind, b.requests.count()])) });
      // The logs would otherwise grow for the whole run.
      for (const b of backends.all) b.requests.clear();
      break;
    case 'stop':
      await backends.close();
      process.send!({ id: command.id });
      process.exit(0);
  }
});

process.send!({ ready: true, entries: backends.configEntries() });
