#!/usr/bin/env bash
# The RADIUS load benchmark: see README.md beside this file.
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in slapd freeradius; do
  command -v $tool >/dev/null || [ -x /usr/sbin/$tool ] || { echo "needs $tool: apt-get install slapd freeradius freeradius-ldap" >&2; exit 2; }
done
./mvnw -B -q -Pbench verify -pl it -am -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
cat it/target/bench-radius.txt
