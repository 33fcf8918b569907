// Opens schemas/openapi.yaml in Swagger UI (swagger-ui-dist) in headless Chromium and fails when
// Swagger UI shows an error or warning box, or does not render every operation of the document.
// Usage: node swagger-ui-check.mjs <schemas dir> <swagger-ui-dist dir> <chromium>
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { parse } from 'yaml';

const [, , schemas, dist, chromium] = process.argv;
const page = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/ui/swagger-ui.css"></head>
<body><div id="ui"></div><script src="/ui/swagger-ui-bundle.js"></script>
<script>SwaggerUIBundle({ url: '/schemas/openapi.yaml', dom_id: '#ui', docExpansion: 'full' });</script></body></html>`;
const types = { '.js': 'text/javascript', '.css': 'text/css', '.yaml': 'application/yaml', '.json': 'application/json' };

const server = createServer(async (request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname));
  try {
    let file;
    if (path === '/' || path === '/index.html') {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      return response.end(page);
    } else if (path.startsWith('/ui/')) file = join(dist, path.slice(4));
    else if (path.startsWith('/schemas/')) file = join(schemas, path.slice(9));
    else throw new Error('no such file');
    const body = await readFile(file);
    response.writeHead(200, { 'Content-Type': types[path.slice(path.lastIndexOf('.'))] ?? 'application/octet-stream' });
    response.end(body);
  } catch {
    response.writeHead(404);
    response.end();
  }
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const url = `http://127.0.0.1:${server.address().port}/index.html`;
let dom;
try {
  ({ stdout: dom } = await promisify(execFile)(
    chromium,
    ['--headless', '--no-sandbox', '--disable-gpu', '--virtual-time-budget=20000', '--dump-dom', url],
    { maxBuffer: 64 * 1024 * 1024, timeout: 120000 },
  ));
} finally {
  server.close();
}

const document = parse(readFileSync(join(schemas, 'openapi.yaml'), 'utf8'));
const operations = Object.values(document.paths).flatMap((item) =>
  Object.keys(item).filter((key) => ['get', 'post', 'put', 'delete', 'patch'].includes(key)));
const rendered = (dom.match(/class="opblock opblock-/g) ?? []).length;
const text = (html) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
const problems = [];
for (const box of ['errors-wrapper', 'version-pragma__message']) {
  const at = dom.indexOf(box);
  if (at >= 0) problems.push(`${box}: ${text(dom.slice(at, at + 1500)).slice(0, 600)}`);
}
if (rendered !== operations.length) problems.push(`${rendered} operations rendered, the document has ${operations.length}`);
for (const problem of problems) console.log(`FAIL swagger-ui ${problem}`);
console.log(`swagger-ui: ${rendered} operations rendered, ${problems.length === 0 ? 'no warning' : problems.length + ' problems'}`);
process.exit(problems.length === 0 ? 0 : 1);
