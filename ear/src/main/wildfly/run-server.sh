#!/usr/bin/env bash
# The run command's last step: configure the unpacked WildFly once, deploy the EAR, run in the foreground.
# Usage: run-server.sh <wildfly-home> <countersign.ear>
set -euo pipefail
home=${1:?usage: run-server.sh <wildfly-home> <ear>}
ear=${2:?usage: run-server.sh <wildfly-home> <ear>}
here=$(cd "$(dirname "$0")" && pwd)

bash "$here/configure-server.sh" "$home"
cp "$ear" "$home/standalone/deployments/countersign.ear"

cat <<INFO
Countersign is starting on WildFly at $home
  portals   http://localhost:8080/admin  /secenrol  /seclosttoken  /secserver/api/health  /secrep/api/health
  RADIUS    UDP ${COUNTERSIGN_RADIUS_PORT:-1812} (accounting ${COUNTERSIGN_RADIUS_ACCT_PORT:-1813}); seeded client 127.0.0.1, secret: see README.md
  data      $home/standalone/data/countersign     logs  $home/standalone/log/server.log
  stop      Ctrl-C
INFO

# A fixed 1 GB heap, not WildFly's 64-512 MB: a RADIUS request allocates about 80 KB (H2 rows and pages, mostly), so at
# 2,000 requests/s a 512 MB heap collected its young generation every second or so, each pause of 15-30 ms delaying the
# requests behind it (bench/radius/README.md). An administrator's JBOSS_JAVA_SIZING wins.
export JBOSS_JAVA_SIZING="${JBOSS_JAVA_SIZING:--Xms1g -Xmx1g}"

exec "$home/bin/standalone.sh" \
  -Dcountersign.radius.auth-port="${COUNTERSIGN_RADIUS_PORT:-1812}" \
  -Dcountersign.radius.acct-port="${COUNTERSIGN_RADIUS_ACCT_PORT:-1813}" \
  -Dcountersign.seed.localhost-radius-secret="${COUNTERSIGN_LOCAL_SECRET:-countersign-local}" \
  "${@:3}"
