import fs from 'node:fs';

/** The server's package version, read once from its package.json (works from src/ and dist/). */
export function readVersion(): string {
  try {
    const file = new URL('../package.json', import.meta.url);
    return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: string }).version ?? 'unknown';
  } catch {
    return 'unknown';
  }
}
