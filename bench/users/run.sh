#!/usr/bin/env bash
# p50/p95/p99 of a user search over 100,000 users in an H2 file database (the embedded default's engine),
# through the SQL the user service runs. The users are bulk-inserted into ejb/target/bench/ once.
# Usage: bench/users/run.sh [searches]
# The JVM has the server's 2 GB heap (4 MB regions) and H2 the server's 4 MB page cache; more JVM options in JAVA_OPTS,
# e.g. JAVA_OPTS='-Dbench.h2-settings=;CACHE_SIZE=16384' for another cache size.
set -euo pipefail
searches=${1:-600}
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
cpfile=$(mktemp)
trap 'rm -f "$cpfile"' EXIT
./mvnw -q -B -pl ejb -am test-compile dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test
cd ejb
java -Xms2g -Xmx2g -XX:G1HeapRegionSize=4m ${JAVA_OPTS:-} -cp "target/test-classes:target/classes:../api/target/classes:$(cat "$cpfile")" org.countersign.user.bench.UserSearchBenchmark "$searches"
