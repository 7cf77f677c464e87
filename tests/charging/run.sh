#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Charging, OCSP and hooks against real servers on loopback:
#
#   charging_driver --RADIUS--> freeradius (test config, "detail" file)
#                   --HTTP----> openssl ocsp (index.txt, delegated signer)
#                   --fork----> /bin/sh hooks
#
# The driver (charging_driver.c) links the userspace modules and takes one
# command per line; it runs as a coprocess so the servers can be stopped
# and started between its steps.  When it can, the script re-runs itself in
# a private network namespace, so nothing listens outside it and ports
# cannot clash.  Every server is killed on exit, pass or fail.
#
# Prints one "PASS: name" or "FAIL: name: why" line per case.  Must run as
# root (FreeRADIUS and the namespace).  KEEP=1 keeps the work directory.
set -u

TOP=$(cd "$(dirname "$0")/../.." && pwd)

if [ -z "${WPV_NETNS:-}" ] && unshare -n true 2>/dev/null; then
	WPV_NETNS=1 exec unshare -n "$0" "$@"
fi
[ -n "${WPV_NETNS:-}" ] && ip link set lo up

T=$(mktemp -d /tmp/wpv-charging.XXXXXX)
RADIUS_PID=
OCSP_PID=
FAILED=0

cleanup() {
	[ -n "${DRV_PID:-}" ] && kill "$DRV_PID" 2>/dev/null
	[ -n "$RADIUS_PID" ] && kill "$RADIUS_PID" 2>/dev/null
	[ -n "$OCSP_PID" ] && kill "$OCSP_PID" 2>/dev/null
	wait 2>/dev/null
	if [ -n "${KEEP:-}" ]; then
		echo "kept $T" >&2
	else
		rm -rf "$T"
	fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM

pass() { echo "PASS: $1"; }
fail() { echo "FAIL: $1: $2"; FAILED=1; }

# A free port: random, and not bound for UDP or TCP on this host or netns.
free_port() {
	local p
	while :; do
		p=$((20000 + RANDOM % 40000))
		ss -Hlnu "sport = :$p" | grep -q . && continue
		ss -Hlnt "sport = :$p" | grep -q . && continue
		echo "$p"
		return
	done
}

build_driver() {
	cc -O1 -g -pthread -Wall -Wextra -Werror ${DRIVER_CFLAGS:-} \
		-I"$TOP/include/uapi" -I"$TOP/userspace" \
		-o "$T/charging_driver" "$TOP/tests/charging/charging_driver.c" \
		"$TOP/userspace/acct.c" "$TOP/userspace/acct_record.c" \
		"$TOP/userspace/acct_radius.c" "$TOP/userspace/charging_conf.c" \
		"$TOP/userspace/ocsp.c" "$TOP/userspace/hooks.c" \
		$(pkg-config --cflags --libs radcli openssl) 2>"$T/build.log"
}

# ---- the driver as a coprocess --------------------------------------------

drv_start() {
	coproc DRV { exec "$T/charging_driver" 2>>"$T/driver.log"; }
	DRV_PID=$DRV_PID
}

# Send one command; its answer lands in $REPLY.
drv() {
	echo "$*" >&"${DRV[1]}"
	if ! read -r -t 60 REPLY <&"${DRV[0]}"; then
		REPLY="error no answer"
	fi
}

drv_quit() {
	echo quit >&"${DRV[1]}"
	wait "$DRV_PID" 2>/dev/null
	DRV_PID=
}

# ---- FreeRADIUS -------------------------------------------------------------

radius_config() {
	local d=$T/raddb

	mkdir -p "$d"
	: >"$d/dictionary"
	cat >"$d/radiusd.conf" <<-EOF
	prefix = /usr
	localstatedir = $d
	logdir = $d
	raddbdir = $d
	radacctdir = $d
	confdir = $d
	run_dir = $d
	db_dir = $d
	libdir = /usr/lib/freeradius
	pidfile = $d/radiusd.pid
	name = freeradius
	max_request_time = 30
	cleanup_delay = 5
	max_requests = 1024
	hostname_lookups = no
	log {
		destination = files
		file = $d/radius.log
	}
	security {
		allow_core_dumps = no
		max_attributes = 200
		reject_delay = 0
		status_server = no
	}
	thread pool {
		start_servers = 1
		max_servers = 4
		min_spare_servers = 1
		max_spare_servers = 2
		max_requests_per_server = 0
	}
	client loopback {
		ipaddr = 127.0.0.1
		secret = $RADIUS_SECRET
	}
	modules {
		detail {
			filename = $d/detail
			permissions = 0600
			header = "%t"
		}
	}
	server default {
		listen {
			type = acct
			ipaddr = 127.0.0.1
			port = $RADIUS_PORT
		}
		accounting {
			detail
		}
	}
	EOF
}

radius_start() {
	local i

	freeradius -f -d "$T/raddb" -l stdout >>"$T/raddb/stdout" 2>&1 &
	RADIUS_PID=$!
	for i in $(seq 50); do
		grep -q 'Ready to process requests' "$T/raddb/stdout" \
			2>/dev/null && return 0
		kill -0 "$RADIUS_PID" 2>/dev/null || break
		sleep 0.1
	done
	return 1
}

radius_stop() {
	kill "$RADIUS_PID" 2>/dev/null
	wait "$RADIUS_PID" 2>/dev/null
	RADIUS_PID=
	: >"$T/raddb/stdout"
}

# The detail file's record with this status and session id, one
# attribute per line, leading tab removed.
detail_record() {
	awk -v st="$1" -v sid="$2" '
		/^$/ { if (rec ~ "Acct-Status-Type = " st "\n" &&
			   rec ~ "Acct-Session-Id = \"" sid "\"") print rec;
		       rec = ""; next }
		{ sub(/^\t/, ""); rec = rec $0 "\n" }
		END { if (rec ~ "Acct-Status-Type = " st "\n" &&
			  rec ~ "Acct-Session-Id = \"" sid "\"") print rec }
	' "$T/raddb/detail" 2>/dev/null
}

# check_attrs NAME STATUS SID "Attr = value" ...: the record has them all.
check_attrs() {
	local name=$1 st=$2 sid=$3 rec a
	shift 3

	rec=$(detail_record "$st" "$sid")
	if [ -z "$rec" ]; then
		fail "$name" "no $st record for session $sid at the server"
		return
	fi
	for a in "$@"; do
		if ! grep -qxF "$a" <<<"$rec"; then
			fail "$name" "$st record lacks '$a'"
			return
		fi
	done
	pass "$name"
}

# ---- accounting ---------------------------------------------------------------

acct_conf() {
	cat >"$T/acct.conf" <<-EOF
	# charging keys under test
	radius_server = 127.0.0.1
	radius_acct_port = $RADIUS_PORT
	radius_secret_file = $T/radius.secret
	radius_timeout = 1
	radius_retries = 1
	acct_retry_max = 2
	acct_log = $T/acct.jsonl
	acct_spool_dir = $T/var/spool/acct
	nas_identifier = wpv-test-ap
	EOF
}

spool_count() {
	find "$T/var/spool/acct" -name '*.acct' | wc -l
}

test_acct_online() {
	local sid

	drv_start
	drv conf "$T/acct.conf"
	[ "$REPLY" = ok ] || { fail acct_open "conf: $REPLY"; return; }
	drv open
	[ "$REPLY" = ok ] || { fail acct_open "$REPLY"; return; }
	if [ "$(stat -c %a "$T/var/spool/acct")" = 700 ]; then
		pass acct_open_creates_private_spool
	else
		fail acct_open_creates_private_spool \
			"mode $(stat -c %a "$T/var/spool/acct")"
	fi

	drv start a wlan0 02:00:00:00:01:00 PreviewNet 02:00:00:00:02:01 \
		alice@example.test
	sid=${REPLY#ok }
	[ "$sid" != "$REPLY" ] || { fail acct_start "$REPLY"; return; }
	# 5e9 and 6e9 bytes: one gigaword each plus the remainder
	drv update a 5000000000 6000000000 4000000 5000000 quantum
	drv stop a 4294967296 12884901890 4000001 5000001 blocked
	drv flush 8000
	if [ "$REPLY" = ok ]; then
		pass acct_delivered
	else
		fail acct_delivered "$REPLY"
	fi
	drv_quit

	check_attrs acct_radius_start Start "$sid" \
		'User-Name = "alice@example.test"' \
		'Calling-Station-Id = "02-00-00-00-02-01"' \
		'Called-Station-Id = "02-00-00-00-01-00:PreviewNet"' \
		'NAS-Port-Type = Wireless-802.11' \
		'NAS-Identifier = "wpv-test-ap"'
	check_attrs acct_radius_interim_gigawords Interim-Update "$sid" \
		'User-Name = "alice@example.test"' \
		'Acct-Input-Octets = 1705032704' \
		'Acct-Input-Gigawords = 1' \
		'Acct-Output-Octets = 705032704' \
		'Acct-Output-Gigawords = 1' \
		'Acct-Input-Packets = 5000000' \
		'Acct-Output-Packets = 4000000'
	check_attrs acct_radius_stop_cause Stop "$sid" \
		'Acct-Input-Octets = 2' \
		'Acct-Input-Gigawords = 3' \
		'Acct-Output-Octets = 0' \
		'Acct-Output-Gigawords = 1' \
		'Acct-Terminate-Cause = User-Error'
	if grep -q 'Acct-Session-Time = ' <<<"$(detail_record Stop "$sid")" &&
	   grep -q 'Event-Timestamp = ' <<<"$(detail_record Stop "$sid")"; then
		pass acct_radius_times
	else
		fail acct_radius_times "Stop lacks Acct-Session-Time or Event-Timestamp"
	fi
	check_json "$sid"
}

# Each JSON line parses and the three records carry the right figures.
check_json() {
	local out

	out=$(python3 - "$T/acct.jsonl" "$1" <<-'EOF' 2>&1
	import json, sys
	recs = [json.loads(l) for l in open(sys.argv[1])]
	mine = [r for r in recs if r["session_id"] == sys.argv[2]]
	assert [r["event"] for r in mine] == ["start", "interim", "stop"], mine
	s, i, t = mine
	assert s["identity"] == "alice@example.test" and s["ssid"] == "PreviewNet"
	assert s["station"] == "02-00-00-00-02-01", s
	assert s["bssid"] == "02-00-00-00-01-00" and s["interface"] == "wlan0"
	assert i["tx_bytes"] == 5000000000 and i["rx_bytes"] == 6000000000, i
	assert i["trigger"] == "quantum", i
	assert t["rx_bytes"] == 12884901890 and t["tx_frames"] == 4000001, t
	assert t["cause"] == "blocked" and t["terminate_cause"] == 17, t
	assert s["seq"] < i["seq"] < t["seq"]
	for r in mine:
	    assert r["time"].endswith("Z") and r["session_time"] >= 0
	EOF
	)
	if [ -z "$out" ]; then
		pass acct_json_log
	else
		fail acct_json_log "$(tail -n1 <<<"$out")"
	fi
}

test_acct_outage() {
	local sid

	radius_stop
	drv_start
	drv conf "$T/acct.conf"
	drv open
	drv start b wlan0 02:00:00:00:01:00 PreviewNet 02:00:00:00:02:02 bob
	sid=${REPLY#ok }
	drv update b 1000 2000 10 20 interval
	drv stop b 1500 2500 15 25 leave
	local t0=$SECONDS
	drv pending
	if [ "$REPLY" = "ok 3" ] && [ "$(spool_count)" = 3 ] &&
	   [ $((SECONDS - t0)) -lt 2 ]; then
		pass acct_spooled_when_server_down
	else
		fail acct_spooled_when_server_down \
			"pending '$REPLY', $(spool_count) spool files"
	fi
	# Let the sender try and fail before the server comes back.
	drv flush 3000
	if [ "$REPLY" = "error pending 3" ] &&
	   grep -q 'RADIUS server 127.0.0.1: .*3 records spooled, retrying' \
		"$T/driver.log"; then
		pass acct_outage_logged
	else
		fail acct_outage_logged "flush '$REPLY', or no warning logged"
	fi
	radius_start || { fail acct_outage "FreeRADIUS did not restart"; return; }
	drv flush 15000
	if [ "$REPLY" = ok ] && [ "$(spool_count)" = 0 ] &&
	   [ -n "$(detail_record Start "$sid")" ] &&
	   [ -n "$(detail_record Interim-Update "$sid")" ] &&
	   [ -n "$(detail_record Stop "$sid")" ]; then
		pass acct_delivered_after_outage
	else
		fail acct_delivered_after_outage "flush '$REPLY', $(spool_count) left"
	fi
	# The server learns how long the records waited.
	local delay
	delay=$(detail_record Start "$sid" | sed -n 's/^Acct-Delay-Time = //p')
	if [ -n "$delay" ] && [ "$delay" -ge 2 ]; then
		pass acct_delay_time_counts_outage
	else
		fail acct_delay_time_counts_outage "Acct-Delay-Time '$delay'"
	fi
	drv_quit
	if grep -q 'acct: 127.0.0.1 reachable again, 3 records delivered' \
		"$T/driver.log"; then
		pass acct_recovery_logged
	else
		fail acct_recovery_logged "no notice in the log"
	fi
}

test_acct_restart() {
	local sid n

	radius_stop
	drv_start
	drv conf "$T/acct.conf"
	drv open
	drv start c wlan1 02:00:00:00:01:00 - 02:00:00:00:02:03 carol
	sid=${REPLY#ok }
	drv update c 7 8 1 1 interval
	drv stop c 9 10 2 2 admin
	drv close
	drv_quit
	n=$(spool_count)

	# A new process, server still down: the spool is picked up.
	drv_start
	drv conf "$T/acct.conf"
	drv open
	drv pending
	drv_quit
	if [ "$n" = 3 ] && [ "$REPLY" = "ok 3" ]; then
		pass acct_spool_survives_restart
	else
		fail acct_spool_survives_restart "$n files, then '$REPLY'"
	fi

	radius_start || { fail acct_restart "FreeRADIUS did not restart"; return; }
	drv_start
	drv conf "$T/acct.conf"
	drv open
	drv flush 15000
	drv_quit
	check_attrs acct_delivered_after_restart Stop "$sid" \
		'Acct-Terminate-Cause = Admin-Reset' \
		'Called-Station-Id = "02-00-00-00-01-00"' \
		'User-Name = "carol"'
	# Order kept: the Start reached the server before the Stop.
	if awk -v sid="$sid" '
		$0 ~ "Acct-Status-Type = " { st = $3 }
		$0 ~ "Acct-Session-Id = \"" sid "\"" { seen = seen st " " }
		END { exit seen != "Start Interim-Update Stop " }
	' "$T/raddb/detail"; then
		pass acct_spool_order
	else
		fail acct_spool_order "records arrived out of order"
	fi
}

test_conf_errors() {
	cat >"$T/bad.conf" <<-EOF
	radius_acct_port = 70000
	ocsp_policy = sometimes
	no_such_key = 1
	acct_log = relative/path
	just words
	hook_timeout = 5
	EOF
	drv_start
	drv conf "$T/bad.conf"
	local got=$REPLY all=$REPLY
	while [ "${got#error}" = "$got" ]; do
		drv_read_more
		got=$REPLY
		all="$all|$REPLY"
	done
	drv_quit
	case "$all" in
	*"bad.conf:1: radius_acct_port: 70000 is out of range"*"bad.conf:2: ocsp_policy"*"bad.conf:3: unknown key 'no_such_key'"*"bad.conf:4: acct_log"*"bad.conf:5: expected 'key = value'"*"error Invalid argument")
		pass conf_bad_lines_refused ;;
	*)
		fail conf_bad_lines_refused "got: $all" ;;
	esac
}

drv_read_more() {
	read -r -t 10 REPLY <&"${DRV[0]}" || REPLY="error no answer"
}

# ---- OCSP -------------------------------------------------------------------

pki() {
	local d=$T/pki n exp rev

	mkdir -p "$d"
	openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
		-nodes -keyout "$d/ca.key" -subj /CN=wpv-test-ca -days 2 \
		-addext basicConstraints=critical,CA:TRUE \
		-addext keyUsage=critical,keyCertSign,cRLSign \
		-out "$d/ca.pem" 2>/dev/null || return 1
	printf 'extendedKeyUsage=critical,OCSPSigning\nkeyUsage=critical,digitalSignature\n' \
		>"$d/ocsp.ext"
	openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
		-keyout "$d/ocsp.key" -subj /CN=wpv-test-ocsp \
		-out "$d/ocsp.csr" 2>/dev/null || return 1
	openssl x509 -req -in "$d/ocsp.csr" -CA "$d/ca.pem" \
		-CAkey "$d/ca.key" -set_serial 0x0F01 -days 2 \
		-extfile "$d/ocsp.ext" -out "$d/ocsp.pem" 2>/dev/null || return 1
	# A signer no CA vouches for.
	openssl req -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
		-nodes -keyout "$d/rogue.key" -subj /CN=wpv-test-rogue -days 2 \
		-out "$d/rogue.pem" 2>/dev/null || return 1
	for n in 1001 1002 1003 1004; do
		openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 \
			-nodes -keyout "$d/sta$n.key" -subj "/CN=sta$n" \
			-out "$d/sta$n.csr" 2>/dev/null || return 1
		openssl x509 -req -in "$d/sta$n.csr" -CA "$d/ca.pem" \
			-CAkey "$d/ca.key" -set_serial "0x$n" -days 2 \
			-out "$d/sta$n.pem" 2>/dev/null || return 1
	done
	exp=$(date -u -d '+2 days' +%y%m%d%H%M%SZ)
	rev=$(date -u -d '-1 hour' +%y%m%d%H%M%SZ)
	{
		printf 'V\t%s\t\t1001\tunknown\t/CN=sta1001\n' "$exp"
		printf 'R\t%s\t%s,keyCompromise\t1002\tunknown\t/CN=sta1002\n' \
			"$exp" "$rev"
		printf 'V\t%s\t\t1003\tunknown\t/CN=sta1003\n' "$exp"
		printf 'V\t%s\t\t1004\tunknown\t/CN=sta1004\n' "$exp"
	} >"$d/index.txt"
}

# ocsp_start SIGNER [ARGS]: run the responder, its signing certificate and
# key named by SIGNER (ocsp or rogue); ARGS default to a nextUpdate five
# minutes ahead.
ocsp_start() {
	local d=$T/pki i signer=$1

	shift
	[ $# -gt 0 ] || set -- -nmin 5
	: >"$T/ocsp.log"
	openssl ocsp -index "$d/index.txt" -port "$OCSP_PORT" \
		-rsigner "$d/$signer.pem" -rkey "$d/$signer.key" \
		-CA "$d/ca.pem" -ignore_err "$@" >>"$T/ocsp.log" 2>&1 &
	OCSP_PID=$!
	for i in $(seq 50); do
		grep -q 'waiting for OCSP client' "$T/ocsp.log" && return 0
		sleep 0.1
	done
	return 1
}

ocsp_stop() {
	kill "$OCSP_PID" 2>/dev/null
	wait "$OCSP_PID" 2>/dev/null
	OCSP_PID=
}

ocsp_requests() {
	grep -c 'Received request' "$T/ocsp.log"
}

# ocsp_conf POLICY [MAX_AGE]
ocsp_conf() {
	cat >"$T/ocsp-$1${2:-}.conf" <<-EOF
	ocsp_url = http://127.0.0.1:$OCSP_PORT/
	ocsp_ca_file = $T/pki/ca.pem
	ocsp_timeout = 2
	ocsp_policy = $1
	ocsp_max_age = ${2:-3600}
	EOF
}

# expect NAME REPLY: the last driver answer is exactly REPLY.
expect() {
	if [ "$REPLY" = "$2" ]; then
		pass "$1"
	else
		fail "$1" "got '$REPLY', want '$2'"
	fi
}

test_ocsp() {
	local p=$T/pki n before

	pki || { fail ocsp_pki "openssl could not make the test PKI"; return; }
	ocsp_conf fail-closed
	ocsp_conf fail-open
	ocsp_start ocsp || { fail ocsp_responder "did not start"; return; }

	drv_start
	drv conf "$T/ocsp-fail-closed.conf"
	# WPV_REASON_CERT_REVOKED is 9, WPV_REASON_STATUS_UNKNOWN 15
	drv ocsp "$p/sta1001.pem" "$p/ca.pem"
	expect ocsp_good "ok good pass 0 fresh"
	drv ocsp "$p/sta1002.pem" "$p/ca.pem"
	expect ocsp_revoked "ok revoked fail 9 fresh"

	before=$(ocsp_requests)
	drv ocsp "$p/sta1001.pem" "$p/ca.pem"
	n=$(ocsp_requests)
	if [ "$REPLY" = "ok good pass 0 cached" ] && [ "$n" = "$before" ]; then
		pass ocsp_cached_no_request
	else
		fail ocsp_cached_no_request "'$REPLY', requests $before -> $n"
	fi

	ocsp_stop
	drv ocsp "$p/sta1002.pem" "$p/ca.pem"
	expect ocsp_cached_while_responder_down "ok revoked fail 9 cached"
	drv ocsp "$p/sta1003.pem" "$p/ca.pem"
	expect ocsp_down_fail_closed_refuses "ok unavailable fail 15 fresh"
	drv_quit
	if grep -q 'certificate 1003 is unavailable; policy fail-closed: refusing' \
		"$T/driver.log"; then
		pass ocsp_fail_closed_logged
	else
		fail ocsp_fail_closed_logged "no log line"
	fi

	drv_start
	drv conf "$T/ocsp-fail-open.conf"
	drv ocsp "$p/sta1003.pem" "$p/ca.pem"
	expect ocsp_down_fail_open_passes "ok unavailable pass 0 fresh"
	drv_quit
	if grep -q 'certificate 1003 is unavailable; policy fail-open: accepting' \
		"$T/driver.log"; then
		pass ocsp_fail_open_logged
	else
		fail ocsp_fail_open_logged "no log line"
	fi

	# A response signed by someone the CA never delegated to is no answer.
	ocsp_start rogue || { fail ocsp_rogue "responder did not start"; return; }
	drv_start
	drv conf "$T/ocsp-fail-closed.conf"
	drv ocsp "$p/sta1004.pem" "$p/ca.pem"
	expect ocsp_rogue_signer_refused "ok unavailable fail 15 fresh"
	drv_quit
	ocsp_stop

	# Without nextUpdate an answer lives ocsp_max_age seconds, or not at all.
	ocsp_conf fail-closed 0
	ocsp_conf fail-closed 600
	ocsp_start ocsp -rmd sha256 || { fail ocsp_max_age "no responder"; return; }
	drv_start
	drv conf "$T/ocsp-fail-closed0.conf"
	drv ocsp "$p/sta1001.pem" "$p/ca.pem"
	drv ocsp "$p/sta1001.pem" "$p/ca.pem"
	expect ocsp_no_next_update_max_age_0_asks_again "ok good pass 0 fresh"
	drv_quit
	drv_start
	drv conf "$T/ocsp-fail-closed600.conf"
	drv ocsp "$p/sta1001.pem" "$p/ca.pem"
	drv ocsp "$p/sta1001.pem" "$p/ca.pem"
	expect ocsp_no_next_update_max_age_caches "ok good pass 0 cached"
	drv_quit
	ocsp_stop
}

# ---- hooks --------------------------------------------------------------------

test_hooks() {
	local t0 took

	cat >"$T/hooks.conf" <<-EOF
	hook_verified = env > "$T/hook-verified.env"; if [ -e /proc/\$\$/fd/3 ]; then echo leaked; else echo none; fi > "$T/hook.fds"
	hook_blocked = env > "$T/hook-blocked.env"; echo "blocked \$STATION"
	hook_stopped = echo started; sleep 60; touch "$T/hook-survived"
	hook_timeout = 1
	EOF
	drv_start
	drv conf "$T/hooks.conf"
	drv hook verified 02:00:00:00:02:01 wlan0 02:00:00:00:01:00 \
		alice@example.test 1 0123456789ABCDEF
	drv hook blocked 02:00:00:00:02:04 wlan0 02:00:00:00:01:00 - 9 -
	drv hookwait 5000
	check_env hook_env_verified "$T/hook-verified.env" \
		EVENT=verified STATION=02:00:00:00:02:01 INTERFACE=wlan0 \
		BSSID=02:00:00:00:01:00 IDENTITY=alice@example.test \
		REASON=verified REASON_CODE=1 SESSION_ID=0123456789ABCDEF
	check_env hook_env_blocked "$T/hook-blocked.env" \
		EVENT=blocked STATION=02:00:00:00:02:04 REASON=cert-revoked \
		REASON_CODE=9 IDENTITY=
	# The driver's descriptor 3 has no close-on-exec flag.
	if [ "$(cat "$T/hook.fds" 2>/dev/null)" = none ]; then
		pass hook_gets_no_agent_descriptors
	else
		fail hook_gets_no_agent_descriptors "descriptor 3 inherited"
	fi
	if grep -q '^SESSION_ID=' "$T/hook-blocked.env" 2>/dev/null; then
		fail hook_env_unknown_left_out "SESSION_ID set without a session"
	else
		pass hook_env_unknown_left_out
	fi
	if grep -q 'hook blocked\[[0-9]*\]: blocked 02:00:00:00:02:04' \
		"$T/driver.log"; then
		pass hook_output_logged
	else
		fail hook_output_logged "hook output not in the log"
	fi

	t0=$(date +%s%N)
	drv hook stopped 02:00:00:00:02:01 wlan0 02:00:00:00:01:00 \
		alice@example.test 2 -
	took=$((($(date +%s%N) - t0) / 1000000))
	if [ "$REPLY" = ok ] && [ "$took" -lt 500 ]; then
		pass hook_does_not_block_caller
	else
		fail hook_does_not_block_caller "'$REPLY' after ${took} ms"
	fi
	drv hookwait 6000
	if [ "$REPLY" = ok ] && [ ! -e "$T/hook-survived" ] &&
	   ! pgrep -f "touch $T/hook-survived" >/dev/null &&
	   grep -q 'hook stopped\[[0-9]*\] still running after 1s, terminating' \
		"$T/driver.log" &&
	   grep -q 'hook stopped\[[0-9]*\]: started' "$T/driver.log"; then
		pass hook_hung_killed_after_timeout
	else
		fail hook_hung_killed_after_timeout "hookwait '$REPLY'"
	fi
	drv_quit

	# A hook that leaves a process behind holding its output open.
	cat >"$T/hooks-bg.conf" <<-EOF
	hook_verified = sleep 30 & echo \$! >> "$T/bg.pid"; echo bg-started
	hook_timeout = 20
	EOF
	drv_start
	drv conf "$T/hooks-bg.conf"
	drv hook verified 02:00:00:00:02:01 wlan0 02:00:00:00:01:00 a 1 -
	drv hookwait 3000
	local first=$REPLY
	drv hook verified 02:00:00:00:02:01 wlan0 02:00:00:00:01:00 a 1 -
	drv hookwait 3000
	drv_quit
	[ -s "$T/bg.pid" ] && kill $(cat "$T/bg.pid") 2>/dev/null
	if [ "$first" = ok ] && [ "$REPLY" = ok ] &&
	   grep -q 'hook verified\[[0-9]*\]: bg-started' "$T/driver.log"; then
		pass hook_background_child_does_not_wedge
	else
		fail hook_background_child_does_not_wedge "hookwait '$first' '$REPLY'"
	fi
}

check_env() {
	local name=$1 file=$2 v
	shift 2

	[ -f "$file" ] || { fail "$name" "hook did not run"; return; }
	for v in "$@"; do
		grep -qxF "$v" "$file" || { fail "$name" "no '$v'"; return; }
	done
	pass "$name"
}

# ---- main ---------------------------------------------------------------------

if [ "$(id -u)" != 0 ]; then
	echo "FAIL: charging_setup: must run as root"
	exit 1
fi
if ! build_driver; then
	echo "FAIL: charging_build: $(head -n3 "$T/build.log" | tr '\n' ' ')"
	exit 1
fi

RADIUS_PORT=$(free_port)
OCSP_PORT=$(free_port)
RADIUS_SECRET=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
(umask 077 && echo "$RADIUS_SECRET" >"$T/radius.secret")
radius_config
acct_conf
if radius_start; then
	test_acct_online
	test_acct_outage
	test_acct_restart
else
	fail radius_start "FreeRADIUS did not start: $(tail -n2 "$T/raddb/radius.log" 2>/dev/null)"
fi
radius_stop
test_conf_errors
test_ocsp
test_hooks
exit $FAILED
