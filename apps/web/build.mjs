// Copies the placeholder dashboard into dist/, where the server serves it from.
import fs from 'node:fs';

const source = new URL('./public/', import.meta.url);
const target = new URL('./dist/', import.meta.url);
fs.rmSync(target, { recursive: true, force: true });
fs.cpSync(source, target, { recursive: true });
console.log('built apps/web/dist');
