#!/usr/bin/env bash
# Password checks per second against OpenLDAP slapd with 10,000 users:
#   Countersign's LdapDirectory (search as service account + bind as user, pooled) at 1, 8 and 32 threads
#   (THREADS="..." to choose), with its CPU a check,
#   next to `ldapwhoami -x -D ... -w ...` run in a loop (one process and one bind each; 2,000 by default).
# Needs slapd and ldap-utils (Debian). Usage: bench/ldap/run.sh [checks [ldapwhoami-binds]]
set -euo pipefail
checks=${1:-40000}
whoami=${2:-2000}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mkdir -p "$work/db"
cat > "$work/slapd.conf" <<CONF
include /etc/ldap/schema/core.schema
include /etc/ldap/schema/cosine.schema
include /etc/ldap/schema/inetorgperson.schema
modulepath /usr/lib/ldap
moduleload back_mdb
pidfile $work/slapd.pid
loglevel none
database mdb
maxsize 1073741824
suffix "dc=example,dc=org"
rootdn "cn=admin,dc=example,dc=org"
rootpw adminpw
directory $work/db
index objectClass eq
index uid eq
access to attrs=userPassword by self write by anonymous auth by * none
access to * by * read
CONF
python3 - > "$work/users.ldif" <<'PY'
print("dn: dc=example,dc=org\nobjectClass: dcObject\nobjectClass: organization\no: Example\ndc: example\n")
print("dn: ou=people,dc=example,dc=org\nobjectClass: organizationalUnit\nou: people\n")
for i in range(10000):
    print(f"dn: uid=user{i:05d},ou=people,dc=example,dc=org\nobjectClass: inetOrgPerson\nuid: user{i:05d}\ncn: User {i}\nsn: {i}\nuserPassword: pass{i:05d}\n")
PY
slapadd -q -f "$work/slapd.conf" -l "$work/users.ldif"
slapd -f "$work/slapd.conf" -h "ldap://127.0.0.1:$port/"
trap 'kill $(cat "$work/slapd.pid") 2>/dev/null; rm -rf "$work"' EXIT
sleep 1

cd "$root"
./mvnw -q -B -pl ejb test-compile
cp=$(./mvnw -q -B -pl ejb dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
for threads in ${THREADS:-1 8 32}; do
  java -cp "ejb/target/test-classes:ejb/target/classes:$cp" org.countersign.directory.bench.LdapPasswordCheckBenchmark "$port" "$checks" "$threads"
done

start=$(date +%s.%N)
for i in $(seq 0 $((whoami - 1))); do
  n=$(printf %05d $((i % 10000)))
  ldapwhoami -x -H "ldap://127.0.0.1:$port" -D "uid=user$n,ou=people,dc=example,dc=org" -w "pass$n" >/dev/null
done
end=$(date +%s.%N)
echo "ldapwhoami loop: $whoami binds (one process each, bind only): $(echo "$whoami / ($end - $start)" | bc) binds/s"
