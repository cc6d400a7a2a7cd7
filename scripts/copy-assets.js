// Copies what tsc does not: the SQL migrations, next to the compiled database lib that applies them.
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
fs.cpSync(path.join(root, 'libs/database/migrations'), path.join(root, 'dist/libs/database/migrations'), { recursive: true });
