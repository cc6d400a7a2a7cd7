// Copies what tsc does not: the SQL migrations next to the compiled database lib that applies them,
// and the dashboard's static page next to the compiled query app that serves it.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const copies = [
  ['libs/database/migrations', 'dist/libs/database/migrations'],
  ['apps/query/src/dashboard/public', 'dist/apps/query/src/dashboard/public'],
];
for (const [from, to] of copies) fs.cpSync(path.join(root, from), path.join(root, to), { recursive: true });
