/**
 * Writes the schema's SDL to schema/schema.graphql, or with `--check` fails
 * when the committed file differs from what the code defines (schema drift).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { printGatewaySchema } from '../src/schema/index.js';

const target = new URL('../schema/schema.graphql', import.meta.url);
const printed = printGatewaySchema();

if (process.argv.includes('--check')) {
  const committed = await readFile(target, 'utf8').catch(() => '');
  if (committed !== printed) {
    process.stderr.write('schema/schema.graphql is out of date with src/schema: run `npm run schema:print` and commit it\n');
    process.exit(1);
  }
  process.stdout.write('schema/schema.graphql matches src/schema\n');
} else {
  await writeFile(target, printed);
  process.stdout.write('wrote schema/schema.graphql\n');
}
