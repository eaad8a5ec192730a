import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';

/** Names one process in a cluster: host, pid and a random tag (pids repeat across containers). */
export function instanceId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
}
