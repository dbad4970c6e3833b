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

# A fixed 2 GB heap in 4 MB regions, not WildFly's 64-512 MB: a RADIUS request allocates about 70 KB (H2 rows and pages,
# mostly), and each young collection pauses the requests for 10-30 ms, however long the heap lasted before it (the
# survivors are the same few MB). At 2,000 requests/s a 512 MB heap was collected every second or so, 1 GB every 4.4 s,
# 2 GB every 8 s: half the pauses of 1 GB. After a burst H2 allocates dozens of buffers over 512 KB (humongous objects in
# 1 MB regions); with 1 GB in 1 MB regions they started three extra collections in 0.3 s, with 2 GB in 4 MB regions
# none (bench/radius/README.md, 2026-12-07). An administrator's JBOSS_JAVA_SIZING wins.
export JBOSS_JAVA_SIZING="${JBOSS_JAVA_SIZING:--Xms2g -Xmx2g -XX:G1HeapRegionSize=4m}"

exec "$home/bin/standalone.sh" \
  -Dcountersign.radius.auth-port="${COUNTERSIGN_RADIUS_PORT:-1812}" \
  -Dcountersign.radius.acct-port="${COUNTERSIGN_RADIUS_ACCT_PORT:-1813}" \
  -Dcountersign.seed.localhost-radius-secret="${COUNTERSIGN_LOCAL_SECRET:-countersign-local}" \
  -Dcountersign.h2.cache-kb="${COUNTERSIGN_H2_CACHE_KB:-4096}" \
  -Dcountersign.h2.write-delay-ms="${COUNTERSIGN_H2_WRITE_DELAY_MS:-500}" \
  "${@:3}"
