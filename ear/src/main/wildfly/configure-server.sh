#!/usr/bin/env bash
# Applies configure-countersign.cli to a freshly unpacked WildFly, once.
# Usage: configure-server.sh <wildfly-home>
set -euo pipefail
home=${1:?usage: configure-server.sh <wildfly-home>}
here=$(cd "$(dirname "$0")" && pwd)
marker="$home/standalone/configuration/.countersign-configured"

if [ ! -x "$home/bin/jboss-cli.sh" ]; then
  echo "configure-server: no WildFly at $home" >&2
  exit 1
fi
if [ -f "$marker" ] && [ "$marker" -nt "$here/configure-countersign.cli" ]; then
  exit 0
fi
if [ -f "$marker" ]; then
  echo "configure-server: configure-countersign.cli changed since $home was configured;" >&2
  echo "  delete $(dirname "$home") to configure a fresh copy (this deletes its database and master key)," >&2
  echo "  or apply the change by hand with bin/jboss-cli.sh." >&2
  exit 0
fi
echo "configure-server: configuring $home"
JAVA_OPTS="-Djava.awt.headless=true" "$home/bin/jboss-cli.sh" --file="$here/configure-countersign.cli" >"$home/configure-countersign.log" 2>&1 || {
  echo "configure-server: jboss-cli failed; see $home/configure-countersign.log" >&2
  tail -n 30 "$home/configure-countersign.log" >&2
  exit 1
}
touch "$marker"
