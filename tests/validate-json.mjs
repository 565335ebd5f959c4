// validate-json.mjs SCHEMA FILE... validates each FILE against the JSON
// Schema (draft 2020-12) SCHEMA with ajv, formats included. It prints one
// line per problem, "FILE: /instance/path: message (keyword, schema
// path)", then "N valid, N invalid" and exits 1 when any file is invalid.
// Run by the end-to-end suite (internal/e2e); install with `npm ci`.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const [schemaPath, ...files] = process.argv.slice(2);
if (!schemaPath || files.length === 0) {
  console.error('usage: node validate-json.mjs SCHEMA FILE...');
  process.exit(2);
}

const ajv = new Ajv2020({ allErrors: true });
addFormats(ajv);
let validate;
try {
  validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
} catch (e) {
  console.error(`${schemaPath}: schema does not compile: ${e.message}`);
  process.exit(1);
}

let valid = 0;
let invalid = 0;
for (const file of files) {
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.log(`${file}: not JSON: ${e.message}`);
    invalid++;
    continue;
  }
  if (validate(data)) {
    valid++;
    continue;
  }
  invalid++;
  for (const err of validate.errors) {
    const extra = err.params && Object.keys(err.params).length ? ' ' + JSON.stringify(err.params) : '';
    console.log(`${file}: ${err.instancePath || '/'}: ${err.message}${extra} (${err.keyword}, ${err.schemaPath})`);
  }
}
console.log(`${valid} valid, ${invalid} invalid`);
process.exit(invalid ? 1 : 0);
