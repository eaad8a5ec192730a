import type { ExportOptions } from './args.js';
import type { SentriClient } from './api-client.js';
import { EXIT, type ExitCode } from './exit-codes.js';
import type { CommandIo } from './run-command.js';
import { extractZip } from './unzip.js';

/** `sentri export`: the approved tests as a Playwright project, unpacked into --out. */
export async function exportCommand(options: ExportOptions, client: SentriClient, io: CommandIo): Promise<ExitCode> {
  const archive = await client.download(client.triggerUrl('/export/playwright'), 'Downloading the Playwright export');
  const files = extractZip(archive, options.out);
  const specs = files.filter((file) => file.endsWith('.spec.ts')).length;
  io.stdout.write(
    `Exported ${specs} test file(s), ${files.length} files in all, to ${options.out}\n` +
      `Run them with: cd ${options.out} && npm install && npx playwright test\n`,
  );
  return EXIT.OK;
}
