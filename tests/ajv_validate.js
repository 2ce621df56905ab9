// ajv (draft 2020-12, unicode regexes, ajv-formats) as an editor's CI runs it: compile the schema,
// validate each JSON instance. Prints {"schema": error|null, "strict": [warnings], "instances": {file: errors|null}}.
"use strict";
const fs = require("fs");
const Ajv2020 = require("ajv/dist/2020").default;
const addFormats = require("ajv-formats").default;

const [schemaFile, ...instanceFiles] = process.argv.slice(2);
const strict = [];
const logger = {log: () => {}, warn: (...a) => strict.push(a.join(" ")), error: (...a) => strict.push(a.join(" "))};
const ajv = new Ajv2020({unicodeRegExp: true, allErrors: true, logger});
addFormats(ajv);
const out = {schema: null, strict, instances: {}};
let validate = null;
try {
  validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, "utf8")));
} catch (e) {
  out.schema = String(e.message);
}
if (validate) {
  for (const file of instanceFiles) {
    out.instances[file] = validate(JSON.parse(fs.readFileSync(file, "utf8")))
      ? null : validate.errors.map((e) => `${e.instancePath} ${e.message}`);
  }
}
process.stdout.write(JSON.stringify(out));
