#!/usr/bin/env bash
# The Supporto benchmark (docs/benchmarks.md): a command of its own, not part of the tests.
#
#   bench/run.sh                      # the real measurement (hours; the machine must be otherwise idle)
#   bench/run.sh --scale=smoke        # a few seconds of load per scenario: proves the driver works
#   bench/run.sh --help               # every option and its default
#   bench/run.sh --scenarios=intake --dbs=postgres --repeats=3   # a part of it
#
# Builds the app jar if missing (mvn -q package -DskipTests), compiles the driver (Maven profile
# "bench": src/bench/java as test sources, HdrHistogram and XChart), makes sure PostgreSQL is up when
# it is asked for, then runs io.supporto.bench.Bench in a JVM of its own. The driver starts the app
# jar itself for every scenario run. Results: target/bench/ (or --out).
set -euo pipefail
cd "$(dirname "$0")/.."

want_postgres=true
for arg in "$@"; do
  case "$arg" in
    --dbs=*) [[ "${arg#--dbs=}" == *postgres* ]] || want_postgres=false ;;
    --help|-h) want_postgres=false ;;
  esac
done

if [ "$want_postgres" = true ] && command -v pg_lsclusters >/dev/null; then
  # the same local PostgreSQL 15 that .ci/run uses: start it if it is down, role supporto/supporto
  if ! su postgres -c "pg_isready -q -h 127.0.0.1" 2>/dev/null; then
    cluster=$(pg_lsclusters --no-header | awk 'NR==1 {print $1" "$2}')
    # shellcheck disable=SC2086
    [ -n "$cluster" ] && pg_ctlcluster $cluster start || true
    for _ in $(seq 1 30); do
      su postgres -c "pg_isready -q -h 127.0.0.1" && break
      sleep 1
    done
  fi
  su postgres -c "psql -q -tc \"SELECT 1 FROM pg_roles WHERE rolname = 'supporto'\" | grep -q 1 || psql -q -c \"CREATE ROLE supporto LOGIN PASSWORD 'supporto'\""
fi

# charts are drawn with Java2D: it needs at least one font
if ! fc-list 2>/dev/null | grep -q .; then
  echo "no fonts for the charts: installing fonts-dejavu-core" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fontconfig fonts-dejavu-core >/dev/null || true
fi

if ! ls target/supporto-*.jar >/dev/null 2>&1; then
  echo "building the app jar: mvn -q package -DskipTests" >&2
  mvn -q package -DskipTests
fi

mkdir -p target/bench
# compile the driver and write its classpath (test scope: the driver, HdrHistogram, XChart, JDBC drivers)
mvn -q -Pbench -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench/classpath.txt -Dmdep.includeScope=test

exec java -Djava.awt.headless=true -Xmx1g ${BENCH_JAVA_OPTS:-} \
  -cp "target/test-classes:target/classes:$(cat target/bench/classpath.txt)" \
  io.supporto.bench.Bench "$@"
