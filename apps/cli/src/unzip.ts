import fs from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { CliError, EXIT } from './exit-codes.js';

/**
 * The relative path an archive entry may be written to, or null when the entry would land
 * outside the target directory ("zip slip"): absolute paths, drive letters, `..` segments.
 * Backslashes count as separators, since archives made on Windows use them.
 */
export function safeEntryPath(name: string): string | null {
  if (name.includes('\0')) return null;
  const normalised = name.replace(/\\/g, '/');
  if (normalised.startsWith('/') || /^[a-zA-Z]:/.test(normalised)) return null;
  const segments = normalised.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0 || segments.includes('..')) return null;
  return segments.join('/');
}

/**
 * Unpacks a ZIP into `outDir` (created if missing) and returns the files written. Every entry is
 * checked before anything is written, so a hostile archive leaves no partial output.
 */
export function extractZip(archive: Uint8Array, outDir: string): string[] {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(archive);
  } catch (error) {
    throw new CliError(`the export is not a valid ZIP archive: ${(error as Error).message}`, EXIT.API_ERROR);
  }
  const root = path.resolve(outDir);
  const files: { relative: string; target: string; content: Uint8Array }[] = [];
  for (const [name, content] of Object.entries(entries)) {
    if (name.endsWith('/') && content.length === 0 && safeEntryPath(name) !== null) continue;
    const relative = safeEntryPath(name);
    const target = relative === null ? null : path.resolve(root, relative);
    if (target === null || !target.startsWith(root + path.sep)) {
      throw new CliError(`refusing to unpack the export: entry "${name}" points outside ${outDir}`, EXIT.API_ERROR);
    }
    files.push({ relative: relative!, target, content });
  }
  try {
    fs.mkdirSync(root, { recursive: true });
    for (const file of files) {
      fs.mkdirSync(path.dirname(file.target), { recursive: true });
      fs.writeFileSync(file.target, file.content);
    }
  } catch (error) {
    throw new CliError(`cannot write the export to ${outDir}: ${(error as Error).message}`, EXIT.USAGE);
  }
  return files.map((file) => file.relative).sort();
}
