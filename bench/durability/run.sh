#!/usr/bin/env bash
# What an embedded H2 database keeps of its last commits when the server's process is killed: 20 commits 10 ms apart,
# then the JVM halted at once, for H2's default WRITE_DELAY (500 ms) and shorter ones; three times each.
# The server's datasource takes it from countersign.h2.write-delay-ms, 500 by default (ear/src/main/wildfly/
# configure-countersign.cli; docs/administrator-guide.md, "Durability"). Usage: bench/durability/run.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
h2=$(./mvnw -q -B -pl ejb dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test | tr ':' '\n' | grep '/h2-[0-9]')
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
javac -d "$work" bench/durability/KillAfterCommits.java
for delay in 500 50 10 0; do
  kept=()
  for run in 1 2 3; do
    url="jdbc:h2:file:$work/db-$delay-$run/t;DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=$delay"
    java -cp "$h2:$work" KillAfterCommits write "$url" || true
    kept+=("$(java -cp "$h2:$work" KillAfterCommits read "$url")")
  done
  echo "WRITE_DELAY=$delay ms: rows kept of 20 after the kill: ${kept[*]}"
done
