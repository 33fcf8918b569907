#!/usr/bin/env bash
# The conformance suite, strict, against wiremock-standalone with the kit's extension, started exactly as
# the README's "Inside WireMock" says (`java -cp wiremock-standalone.jar:contract-kit-wiremock.jar
# wiremock.Run --extensions io.contractkit.wiremock.ContractKitExtension`): every check must pass, none may
# be skipped. The JUnit test ConformanceInsideWireMockTest does the same with org.wiremock:wiremock inside
# a test; this is the standalone jar, with its relocated Jetty, from outside.
#
#   scripts/wiremock-standalone-check.sh      # after ./mvnw package (or install): uses the built jars
#
# .ci/run calls it after the tests. Needs a JDK 17+; fetches wiremock-standalone from Maven
# Central through the Maven Wrapper when the local repository does not have it.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

WIREMOCK_VERSION=$(sed -n 's:.*<wiremock.version>\(.*\)</wiremock.version>.*:\1:p' pom.xml)
EXTENSION_JAR=wiremock-extension/target/contract-kit-wiremock.jar
SUITE_JAR=conformance-tests/target/conformance.jar
WORK=target/wiremock-standalone-check
mkdir -p "$WORK"
for jar in "$EXTENSION_JAR" "$SUITE_JAR"; do
  [[ -s $jar ]] || { echo "$jar is missing: run ./mvnw package first" >&2; exit 1; }
done

STANDALONE_JAR="$WORK/wiremock-standalone-$WIREMOCK_VERSION.jar"
if [[ ! -s $STANDALONE_JAR ]]; then
  ./mvnw -B -q dependency:copy -Dartifact="org.wiremock:wiremock-standalone:$WIREMOCK_VERSION" \
    -DoutputDirectory="$WORK"
fi

# The bundled mock's profile, with the admin hooks (fresh authTokens, the clock) at the extension's routes.
PROFILE="$WORK/wiremock.yaml"
sed -e 's#{baseUrl}/__admin/authtokens#{baseUrl}/__admin/contract-kit/authtokens#' \
  -e 's#{baseUrl}/__admin/clock#{baseUrl}/__admin/contract-kit/clock#' \
  conformance-tests/profiles/mock.yaml >"$PROFILE"
grep -q '__admin/contract-kit/authtokens' "$PROFILE" && grep -q '__admin/contract-kit/clock' "$PROFILE" \
  || { echo "the admin routes of conformance-tests/profiles/mock.yaml were not found" >&2; exit 1; }

# port 0: WireMock takes a free port and prints it ("port:   35199") once it is started
java -cp "$STANDALONE_JAR:$EXTENSION_JAR" wiremock.Run --bind-address 127.0.0.1 --port 0 \
  --disable-banner --extensions io.contractkit.wiremock.ContractKitExtension >"$WORK/wiremock.log" 2>&1 &
WIREMOCK_PID=$!
trap 'kill "$WIREMOCK_PID" 2>/dev/null || true; wait "$WIREMOCK_PID" 2>/dev/null || true' EXIT
PORT=""
for _ in $(seq 1 600); do
  PORT=$(sed -n 's/^port: *\([0-9][0-9]*\)$/\1/p' "$WORK/wiremock.log")
  [[ -n $PORT ]] && break
  kill -0 "$WIREMOCK_PID" 2>/dev/null || { cat "$WORK/wiremock.log" >&2; exit 1; }
  sleep 0.1
done
[[ -n $PORT ]] || { echo "wiremock-standalone did not start in 60 s" >&2; cat "$WORK/wiremock.log" >&2; exit 1; }
BASE="http://127.0.0.1:$PORT"

echo "wiremock-standalone $WIREMOCK_VERSION with the kit's extension on $BASE; the suite, strict:"
java -jar "$SUITE_JAR" --profile "$PROFILE" --base-url "$BASE" --mode strict --fail-on-skipped \
  --no-color --report-dir "$WORK/report"
