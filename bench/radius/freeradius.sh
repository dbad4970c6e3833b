#!/usr/bin/env bash
# FreeRADIUS 3 with rlm_ldap, tuned as an operator would (8 fixed workers, only the benchmark site, no accounting,
# no logging), checking passwords by LDAP bind against a running slapd, then driven by RadiusLoad.java with the
# same load as Countersign. Needs Debian freeradius, freeradius-ldap.
# Usage: freeradius.sh LDAP_PORT USERS_FILE [SLAPD_PID]   (users file: login TAB password; the base DN is
# dc=example,dc=org). With SLAPD_PID, the CPU FreeRADIUS and slapd used a request in the closed run is printed too, as
# the benchmark prints Countersign's.
set -euo pipefail
ldap_port=$1 users=$2 slapd_pid=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
d=$work/raddb
radius_port=31912
cp -a /etc/freeradius/3.0 "$d"
mkdir -p "$d/run"
sed -i -e "s|^raddbdir = .*|raddbdir = $d|" -e "s|^run_dir = .*|run_dir = $d/run|" \
  -e "s|^max_requests = .*|max_requests = 1048576|" \
  -e "s|^\tstart_servers = .*|\tstart_servers = 8|" -e "s|^\tmax_servers = .*|\tmax_servers = 8|" \
  -e "s|^\tmin_spare_servers = .*|\tmin_spare_servers = 8|" -e "s|^\tmax_spare_servers = .*|\tmax_spare_servers = 8|" \
  "$d/radiusd.conf"
rm -f "$d"/sites-enabled/* "$d/mods-enabled/eap"
cat > "$d/clients.conf" <<CONF
client bench {
	ipaddr = 127.0.0.1
	secret = bench-secret-2f9c
	require_message_authenticator = yes
}
CONF
cat > "$d/mods-enabled/ldap" <<CONF
ldap {
	server = '127.0.0.1'
	port = $ldap_port
	identity = 'cn=admin,dc=example,dc=org'
	password = adminpw
	base_dn = 'dc=example,dc=org'
	user {
		base_dn = "ou=people,\${..base_dn}"
		filter = "(uid=%{%{Stripped-User-Name}:-%{User-Name}})"
		scope = 'one'
	}
	options {
		chase_referrals = no
		res_timeout = 10
		srv_timelimit = 3
		net_timeout = 1
	}
	pool {
		start = 8
		min = 8
		max = 8
		spare = 8
		uses = 0
		lifetime = 0
		idle_timeout = 60
	}
}
CONF
cat > "$d/sites-enabled/bench" <<CONF
server bench {
listen {
	type = auth
	ipaddr = 127.0.0.1
	port = $radius_port
}
authorize {
	ldap
	update control {
		&Auth-Type := ldap
	}
}
authenticate {
	Auth-Type LDAP {
		ldap
	}
}
post-auth {
}
}
CONF
chown -R freerad:freerad "$work" 2>/dev/null || true
freeradius -f -d "$d" > "$work/freeradius.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
sleep 2
kill -0 $pid || { cat "$work/freeradius.log"; exit 1; }
echo "FreeRADIUS $(freeradius -v | head -1 | sed 's/.*Version //;s/,.*//') rlm_ldap, password by LDAP bind only:"
# CPU time of a process so far, in clock ticks (user + system, from /proc)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
fr0=$(ticks $pid); ld0=${slapd_pid:+$(ticks $slapd_pid)}
closed=$(java "$here/RadiusLoad.java" 127.0.0.1 $radius_port bench-secret-2f9c "$users" closed 64 20 3)
fr1=$(ticks $pid); ld1=${slapd_pid:+$(ticks $slapd_pid)}
echo "$closed" | sed 's/^/  max    /'
sent=$(echo "$closed" | sed -n 's/.* sent=\([0-9]*\) .*/\1/p')
hz=$(getconf CLK_TCK)
awk -v f=$((fr1 - fr0)) -v l="${ld1:+$((ld1 - ld0))}" -v n="$sent" -v hz="$hz" 'BEGIN {
  line = sprintf("FreeRADIUS CPU %.3f ms a request", f * 1000 / hz / n)
  if (l != "") line = line sprintf("; slapd %.3f ms a request", l * 1000 / hz / n)
  print "  max    " line }'
java "$here/RadiusLoad.java" 127.0.0.1 $radius_port bench-secret-2f9c "$users" open 2000 20 3 | sed 's/^/  2000\/s /'
