import fs from 'node:fs';

/** Removes the data directory the e2e server used. */
export default function teardown(): void {
  if (process.env.E2E_DATA_DIR) fs.rmSync(process.env.E2E_DATA_DIR, { recursive: true, force: true });
}
