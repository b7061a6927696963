// Derives the VADER lexicon that Loopwise.Core embeds (src/Loopwise.Core/Text/Sentiment/Lexicons/vader.tsv) from the
// npm package vader-sentiment (a devDependency pinned in package.json), and copies the package's LICENSE and NOTICE
// beside it. The derived file is committed so that the CLI and the server never need npm; a Core test runs this
// script with --stdout and compares its output with the committed file.
//
//   node scripts/import-vader-lexicon.mjs            rewrites vader.tsv, LICENSE and NOTICE in Lexicons/
//   node scripts/import-vader-lexicon.mjs --stdout   prints what vader.tsv would contain, writes nothing
//
// Derivation: vader_lexicon.txt has one entry a line, tab-separated: token, mean valence, standard deviation, the
// ten raters' scores. We keep the token and the mean valence exactly as written. A token listed twice keeps its
// last value (as a dictionary built line by line would) at the place of its first line. Lines that are empty or do
// not have a token and a numeric mean are errors, not skipped silently.
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = join(root, 'node_modules', 'vader-sentiment');
const outDir = join(root, 'src', 'Loopwise.Core', 'Text', 'Sentiment', 'Lexicons');
const expectedVersion = '1.1.3';

if (!existsSync(join(pkg, 'vader_lexicon.txt'))) {
  console.error(`node_modules/vader-sentiment is missing: run \`npm ci\` in ${root} first.`);
  process.exit(2);
}

const version = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')).version;
if (version !== expectedVersion) {
  console.error(`node_modules/vader-sentiment is ${version}, this script derives from ${expectedVersion}: run \`npm ci\`.`);
  process.exit(2);
}

const entries = new Map();
const lines = readFileSync(join(pkg, 'vader_lexicon.txt'), 'utf8').split(/\r?\n/);
lines.forEach((line, index) => {
  if (line === '' && index === lines.length - 1) {
    return; // the final newline
  }
  const [token, mean] = line.split('\t');
  if (!token || mean === undefined || !/^-?\d+(\.\d+)?$/.test(mean)) {
    throw new Error(`vader_lexicon.txt line ${index + 1} is not "token<TAB>mean<TAB>...": ${JSON.stringify(line)}`);
  }
  entries.set(token, mean);
});

let tsv = '';
for (const [token, mean] of entries) {
  tsv += `${token}\t${mean}\n`;
}

if (process.argv.includes('--stdout')) {
  process.stdout.write(tsv);
} else {
  writeFileSync(join(outDir, 'vader.tsv'), tsv);
  copyFileSync(join(pkg, 'LICENSE'), join(outDir, 'vader-sentiment.LICENSE'));
  copyFileSync(join(pkg, 'NOTICE'), join(outDir, 'vader-sentiment.NOTICE'));
  console.log(`vader.tsv: ${entries.size} entries from vader-sentiment ${version} (${lines.length - 1} lines)`);
}
