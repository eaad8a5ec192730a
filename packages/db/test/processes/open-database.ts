import { openDatabase, type DatabaseOptions } from '@sentri/db';

// Opens (and so migrates) the database given as JSON options, as a separate process would.
const options = JSON.parse(process.argv[2] ?? '{}') as DatabaseOptions;
const handle = await openDatabase(options);
await handle.close();
process.stdout.write('migrated\n');
