// Sends every operation of the OpenAPI document to a Prism mock (mock mode, static examples) in
// every media type its success answer lists, and checks that Prism answers that success status,
// in that media type, with the document's first example for it.
// Usage: node prism-check.mjs <openapi.yaml> <prism base URL>
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const [, , documentPath, base] = process.argv;
const document = parse(readFileSync(documentPath, 'utf8'));
const resolve = (node) =>
  node && node.$ref ? node.$ref.slice(2).split('/').reduce((at, key) => at[key], document) : node;
const exampleValue = (examples) => {
  const first = examples && Object.values(examples)[0];
  return first === undefined ? undefined : resolve(first).value;
};

let passed = 0;
let failed = 0;
const fail = (label, why) => {
  failed++;
  console.log(`FAIL ${label}: ${why}`);
};

for (const [path, item] of Object.entries(document.paths)) {
  for (const [method, operation] of Object.entries(item)) {
    if (!['get', 'post', 'put', 'delete', 'patch'].includes(method)) continue;
    const query = new URLSearchParams();
    for (const declared of operation.parameters ?? []) {
      const parameter = resolve(declared);
      const value = parameter.example ?? exampleValue(parameter.examples);
      if (value !== undefined) query.set(parameter.name, String(value));
      else if (parameter.required) fail(`${method} ${path}`, `required ${parameter.name} has no example`);
    }
    const body = operation.requestBody
      ? exampleValue(Object.values(resolve(operation.requestBody).content)[0].examples)
      : undefined;
    const status = Object.keys(operation.responses).filter((code) => /^2\d\d$/.test(code)).sort()[0];
    const success = resolve(operation.responses[status]);
    const contents = Object.entries(success.content ?? { '': {} });
    for (const [mediaType, content] of contents) {
      const label = `${method.toUpperCase()} ${path} ${status} ${mediaType || '(no body)'}`;
      const response = await fetch(`${base}${path}${query.size ? '?' + query : ''}`, {
        method: method.toUpperCase(),
        headers: {
          ...(mediaType ? { Accept: mediaType } : {}),
          ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      if (String(response.status) !== status) {
        fail(label, `status ${response.status}: ${text.slice(0, 300)}`);
        continue;
      }
      const type = (response.headers.get('content-type') ?? '').split(';')[0].trim();
      if (mediaType && type !== mediaType) {
        fail(label, `Content-Type ${type}`);
        continue;
      }
      let expected = exampleValue(content.examples);
      if (expected !== undefined) {
        if (typeof expected === 'string' && mediaType === 'text/json') expected = JSON.parse(expected);
        let actual;
        try {
          actual = JSON.parse(text);
        } catch (e) {
          fail(label, `not JSON: ${text.slice(0, 300)}`);
          continue;
        }
        if (JSON.stringify(actual) !== JSON.stringify(expected)) {
          fail(label, `answered ${text.slice(0, 300)}, the document's first example is ${JSON.stringify(expected).slice(0, 300)}`);
          continue;
        }
      }
      passed++;
      console.log(`ok   ${label}`);
    }
  }
}
console.log(`prism: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
