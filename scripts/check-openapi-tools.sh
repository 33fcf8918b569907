#!/usr/bin/env bash
# Checks schemas/openapi.yaml in the tools frontend teams use with it, and fails on any error:
#   1. openapi-generator (the CLI jar from Maven Central, the version the clients-check module
#      uses) writes a typescript-fetch client, with modelPropertyNaming=original and with the
#      default camelCase, without an error in its log, and `tsc --strict --noEmit` compiles each;
#   2. Spectral (ruleset spectral:oas) finds no error;
#   3. Prism, mocking the document on a loopback port, answers every operation in every media type
#      its success answer lists (application/json and text/json for both documented APIs) with
#      that status, media type and the document's first example;
#   4. Swagger UI (swagger-ui-dist, in headless Chromium) renders every operation and shows no
#      error or warning box. Needs `chromium` (Debian: apt-get install -y chromium); set
#      SKIP_SWAGGER_UI=1 to leave this step out.
# Needs a JDK 17+, node 20+ and npm (it installs scripts/openapi-tools/package.json's pinned tools
# into target/openapi-tools/). The Java client is checked by the Maven build (clients-check/).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$root/target/openapi-tools
tools=$root/scripts/openapi-tools
started=$(date +%s)
mkdir -p "$work"

step() { echo; echo "== $*"; }

step "tools: npm packages (pinned in scripts/openapi-tools/package.json) and openapi-generator-cli"
# The helpers run from target/openapi-tools/, where node finds the installed packages.
cp "$tools/package.json" "$tools"/*.mjs "$work/"
(cd "$work" && npm install --no-audit --no-fund --loglevel=error >/dev/null)
bin=$work/node_modules/.bin
generator_version=$(sed -n 's:.*<openapi-generator.version>\(.*\)</openapi-generator.version>.*:\1:p' pom.xml)
generator_jar=$work/openapi-generator-cli-$generator_version.jar
if [[ ! -f "$generator_jar" ]]; then
  ./mvnw -q -B dependency:copy "-Dartifact=org.openapitools:openapi-generator-cli:$generator_version" \
    "-DoutputDirectory=$work"
fi
echo "openapi-generator $generator_version, typescript $("$bin/tsc" --version | awk '{print $2}')"

step "openapi-generator typescript-fetch, then tsc --strict (default and original property names)"
for naming in original camelCase; do
  out=$work/typescript-fetch-$naming
  rm -rf "$out"
  if ! java -jar "$generator_jar" generate -i schemas/openapi.yaml -g typescript-fetch -o "$out" \
      --additional-properties=modelPropertyNaming=$naming >"$out.log" 2>&1; then
    tail -40 "$out.log"
    echo "FAIL openapi-generator typescript-fetch, modelPropertyNaming=$naming (log: $out.log)"
    exit 1
  fi
  if grep -E "ERROR|Illegal schema" "$out.log"; then
    echo "FAIL openapi-generator logged errors (log: $out.log)"
    exit 1
  fi
  cat >"$out/tsconfig.json" <<'JSON'
{
  "compilerOptions": {
    "strict": true,
    "noEmit": true,
    "target": "es2020",
    "lib": ["es2020", "dom"],
    "module": "esnext",
    "moduleResolution": "bundler"
  },
  "files": ["index.ts"]
}
JSON
  (cd "$out" && "$bin/tsc" -p tsconfig.json)
  echo "typescript-fetch, modelPropertyNaming=$naming: generated without error, tsc --strict: no error"
done

step "Spectral (spectral:oas)"
echo 'extends: ["spectral:oas"]' >"$work/.spectral.yaml"
"$bin/spectral" lint --ruleset "$work/.spectral.yaml" --fail-severity error schemas/openapi.yaml

step "Prism mock: every operation, every media type"
port=${PRISM_PORT:-$(node -e 's=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')}
"$bin/prism" mock -h 127.0.0.1 -p "$port" schemas/openapi.yaml >"$work/prism.log" 2>&1 &
prism_pid=$!
trap 'kill "$prism_pid" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do
  grep -q "Prism is listening" "$work/prism.log" && break
  kill -0 "$prism_pid" 2>/dev/null || { cat "$work/prism.log"; echo "FAIL prism did not start"; exit 1; }
  sleep 0.5
done
grep -q "Prism is listening" "$work/prism.log" || { tail "$work/prism.log"; echo "FAIL prism did not start"; exit 1; }
node "$work/prism-check.mjs" schemas/openapi.yaml "http://127.0.0.1:$port"
kill "$prism_pid" 2>/dev/null || true
trap - EXIT

if [[ "${SKIP_SWAGGER_UI:-}" == 1 ]]; then
  step "Swagger UI: left out (SKIP_SWAGGER_UI=1)"
else
  step "Swagger UI in headless Chromium"
  chromium=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
  if [[ -z "$chromium" ]]; then
    echo "FAIL no chromium: apt-get install -y chromium, or SKIP_SWAGGER_UI=1"
    exit 1
  fi
  node "$work/swagger-ui-check.mjs" "$root/schemas" "$work/node_modules/swagger-ui-dist" "$chromium"
fi

echo
echo "openapi tools: all checks passed in $(( $(date +%s) - started )) s"
