# Helpers for the charging scenarios (80-89): the real agent doing RADIUS
# accounting to a FreeRADIUS on 127.0.0.1 in the guest, OCSP against
# `openssl ocsp`, hooks.  Sourced after gate-lib.sh.

PKI=/wpv/extra/pki
RAD=/tmp/raddb
RADIUS_PORT=1813
RADIUS_SECRET=wpv-vm-secret
OCSP_PORT=8888
AGENT_CONF=/tmp/agent.conf
AGENT_LOG=/tmp/agent.log
ACCT_LOG=/tmp/acct.jsonl
SPOOL=/tmp/spool
HOOKS_LOG=/tmp/hooks.log
RADIUS_PID=
OCSP_PID=
AGENT_PID=

# radius_config: a FreeRADIUS that writes every accounting request it is
# sent to $RAD/detail, one record per paragraph.
radius_config() {
	mkdir -p $RAD
	cat > $RAD/radiusd.conf <<EOF
prefix = /usr
localstatedir = $RAD
logdir = $RAD
raddbdir = $RAD
radacctdir = $RAD
confdir = $RAD
run_dir = $RAD
db_dir = $RAD
libdir = /usr/lib/freeradius
pidfile = $RAD/radiusd.pid
name = freeradius
max_request_time = 30
cleanup_delay = 5
max_requests = 1024
hostname_lookups = no
log {
	destination = files
	file = $RAD/radius.log
}
security {
	allow_core_dumps = no
	max_attributes = 200
	reject_delay = 0
	status_server = no
}
thread pool {
	start_servers = 1
	max_servers = 2
	min_spare_servers = 1
	max_spare_servers = 1
	max_requests_per_server = 0
}
client loopback {
	ipaddr = 127.0.0.1
	secret = $RADIUS_SECRET
}
modules {
	detail {
		filename = $RAD/detail
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
	: > $RAD/dictionary
	printf '%s\n' "$RADIUS_SECRET" > /tmp/radius.secret
	chmod 600 /tmp/radius.secret
}

radius_start() {
	: > $RAD/stdout
	freeradius -f -d $RAD -l stdout >> $RAD/stdout 2>&1 &
	RADIUS_PID=$!
	wait_for 60 grep -q 'Ready to process requests' $RAD/stdout && return 0
	tail -30 $RAD/stdout
	return 1
}

radius_stop() {
	[ -n "$RADIUS_PID" ] || return 0
	kill "$RADIUS_PID" 2>/dev/null
	wait "$RADIUS_PID" 2>/dev/null
	RADIUS_PID=
}

# detail_records STATUS [SID]: the server's records with that
# Acct-Status-Type (and session), attributes one per line, records
# separated by a line "--".
detail_records() {
	[ -r $RAD/detail ] || return 0
	awk -v st="$1" -v sid="${2:-}" '
		function out() {
			if (rec ~ "\nAcct-Status-Type = " st "\n" &&
			    (sid == "" || rec ~ "\nAcct-Session-Id = \"" sid "\"\n"))
				printf "%s--\n", rec
			rec = "\n"
		}
		BEGIN { rec = "\n" }
		/^$/ { out(); next }
		{ sub(/^\t/, ""); rec = rec $0 "\n" }
		END { out() }
	' $RAD/detail
}

# detail_count STATUS [SID]
detail_count() { detail_records "$@" | grep -c '^--$'; }

# detail_sids STATUS: the session ids of those records, in order.
detail_sids() {
	detail_records "$1" | sed -n 's/^Acct-Session-Id = "\(.*\)"$/\1/p'
}

# attr NAME: an attribute's value from one record on stdin, quotes removed.
attr() { sed -n "s/^$1 = \"\{0,1\}\([^\"]*\)\"\{0,1\}\$/\1/p" | head -n 1; }

# has_attrs RECORD "Attr = value" ...: every line is in the record.
has_attrs() {
	local rec=$1 a
	shift
	[ -n "$rec" ] || { log "no record"; return 1; }
	for a in "$@"; do
		if ! printf '%s\n' "$rec" | grep -qxF "$a"; then
			log "record lacks '$a':"
			printf '%s\n' "$rec"
			return 1
		fi
	done
}

# octets64 RECORD Input|Output: the 64-bit count from Octets and Gigawords.
octets64() {
	local lo hi
	lo=$(printf '%s\n' "$1" | attr "Acct-$2-Octets")
	hi=$(printf '%s\n' "$1" | attr "Acct-$2-Gigawords")
	echo $(( ${hi:-0} * 4294967296 + ${lo:-0} ))
}

# radius_mac MAC: aa:bb:... as RADIUS carries it, AA-BB-...
radius_mac() { echo "$1" | tr 'a-f:' 'A-F-'; }

# agent_conf LINE...: the agent's configuration, the test PKI, charging
# to the local FreeRADIUS (none if NO_RADIUS is set), the JSON-lines
# log, plus LINEs.
agent_conf() {
	{
		echo "ca_file = $PKI/ca.pem"
		echo "crl_file = $PKI/crl.pem"
		echo "log_level = debug"
		if [ -z "${NO_RADIUS:-}" ]; then
			echo "radius_server = 127.0.0.1"
			echo "radius_acct_port = $RADIUS_PORT"
			echo "radius_secret_file = /tmp/radius.secret"
		fi
		echo "radius_timeout = 1"
		echo "radius_retries = 1"
		echo "acct_retry_max = 2"
		echo "acct_log = $ACCT_LOG"
		echo "acct_spool_dir = $SPOOL"
		echo "radius_dictionary = /etc/radcli/dictionary"
		echo "nas_identifier = wpv-vm-ap"
		for l in "$@"; do
			echo "$l"
		done
	} > $AGENT_CONF
}

agent_start() {
	wpv agent -c $AGENT_CONF -f >> $AGENT_LOG 2>&1 &
	AGENT_PID=$!
	wait_for 20 test -e /run/wpv/sessions.json
}

agent_stop() {
	[ -n "$AGENT_PID" ] || return 0
	kill "$AGENT_PID" 2>/dev/null
	wait "$AGENT_PID" 2>/dev/null
	AGENT_PID=
}

# responder K NAME: station K's responder with certificate DIR/sta-NAME
# (DIR: $RESP_PKI, default $PKI), in the background.
RESP_PID=
responder() {
	local d=${RESP_PKI:-$PKI}
	responder_stop
	# Not through in_sta: $! must be the responder itself.
	/usr/sbin/ip netns exec "sta$1" wpv station -i "wlan$1" \
		-k "$d/sta-$2.key" -c "$d/sta-$2.pem" \
		> "/tmp/station-$2.log" 2>&1 &
	RESP_PID=$!
}

responder_stop() {
	[ -n "$RESP_PID" ] || return 0
	kill "$RESP_PID" 2>/dev/null
	wait "$RESP_PID" 2>/dev/null
	RESP_PID=
}

# answer_as NAME: a new preview for station 1 answered with NAME's
# certificate, and traffic to end the preview.
answer_as() {
	responder 1 "$1"
	wpv sta reset wlan0 "$MAC"
	sleep 0.5
	ping -c 8 -i 0.1 -s 1000 -W 2 "$(sta_ip 1)" > /tmp/ping.txt
}

# auth_counters: "tx rx txf rxf" of station 1's authorised traffic.
auth_counters() {
	local j
	j=$(wpv show wlan0 --json | sed 's/},{"ifname"/}\n{"ifname"/g' |
		grep "\"mac\":\"$MAC\"")
	echo "$(echo "$j" | json_field auth_tx_bytes)" \
		"$(echo "$j" | json_field auth_rx_bytes)" \
		"$(echo "$j" | json_field auth_tx_frames)" \
		"$(echo "$j" | json_field auth_rx_frames)"
}

# no_ipv6: no IPv6 on the AP's and station 1's radios, whose router
# solicitations (sent at growing intervals, forever) would move the
# counters while figures are compared exactly.
no_ipv6() {
	echo 1 > /proc/sys/net/ipv6/conf/wlan0/disable_ipv6 &&
		in_sta 1 sh -c 'echo 1 > /proc/sys/net/ipv6/conf/wlan1/disable_ipv6'
}

# quiet_counters: station 1's counters once they stop moving (two reads
# a second apart agree), in $COUNTERS.
quiet_counters() {
	local a b tries=20
	a=$(auth_counters)
	while [ $tries -gt 0 ]; do
		sleep 1
		b=$(auth_counters)
		if [ "$a" = "$b" ]; then
			COUNTERS=$b
			return 0
		fi
		a=$b
		tries=$((tries - 1))
	done
	return 1
}

# record_matches RECORD "tx rx txf rxf": its figures are those counts
# (tx is Output, to the station; rx is Input, from it).
record_matches() {
	local tx rx txf rxf
	set -- "$1" $2
	tx=$(octets64 "$1" Output)
	rx=$(octets64 "$1" Input)
	txf=$(printf '%s\n' "$1" | attr Acct-Output-Packets)
	rxf=$(printf '%s\n' "$1" | attr Acct-Input-Packets)
	[ "$tx $rx $txf $rxf" = "$2 $3 $4 $5" ] && return 0
	log "record has $tx $rx $txf $rxf, module $2 $3 $4 $5"
	return 1
}

# jsonl EVENT SID: the JSON-lines log's records of that event and session.
jsonl() { grep "\"event\":\"$1\"" $ACCT_LOG | grep "\"session_id\":\"$2\""; }

# hook_script: hooks append "EVENT STATION INTERFACE BSSID REASON SID
# IDENTITY" to $HOOKS_LOG; hook_blocked also ends the station's stream
# (/tmp/stream-STATION.pid) as an operator's cut-off would.
hook_script() {
	cat > /tmp/hook.sh <<'EOF'
#!/bin/sh
echo "$EVENT $STATION $INTERFACE ${BSSID:--} $REASON ${SESSION_ID:--} $IDENTITY" >> /tmp/hooks.log
if [ "$EVENT" = blocked ] && [ -f "/tmp/stream-$STATION.pid" ]; then
	kill "$(cat "/tmp/stream-$STATION.pid")"
	echo "stream of $STATION cut" >> /tmp/hooks.log
fi
EOF
	chmod 755 /tmp/hook.sh
	: > $HOOKS_LOG
}

# ocsp_pki: /tmp/pki, a copy of the test PKI with more stations:
# ocsprevoked, revoked in the CA's database (which the OCSP responder
# serves) but not in crl.pem; fresh1 and fresh2, good ones.
ocsp_pki() {
	rm -rf /tmp/pki
	cp -a $PKI /tmp/pki
	(
		cd /tmp/pki || exit 1
		for c in ocsprevoked fresh1 fresh2; do
			openssl genpkey -algorithm EC \
				-pkeyopt ec_paramgen_curve:P-256 \
				-out "sta-$c.key" 2>/dev/null || exit 1
			openssl req -new -key "sta-$c.key" \
				-subj "/O=wapi-preview test/CN=$c" \
				-out "sta-$c.csr" || exit 1
			openssl ca -batch -notext -config ca.cnf \
				-extensions station -in "sta-$c.csr" \
				-out "sta-$c.pem" 2>/dev/null || exit 1
		done
		openssl ca -config ca.cnf -revoke sta-ocsprevoked.pem \
			-crl_reason keyCompromise 2>/dev/null
	)
}

ocsp_start() {
	: > /tmp/ocsp.log
	(cd /tmp/pki && exec openssl ocsp -index ca.db/index.txt \
		-port $OCSP_PORT -rsigner ca.pem -rkey ca.key -CA ca.pem \
		-ignore_err -nmin 5) >> /tmp/ocsp.log 2>&1 &
	OCSP_PID=$!
	wait_for 30 grep -q 'waiting for OCSP client' /tmp/ocsp.log
}

ocsp_stop() {
	[ -n "$OCSP_PID" ] || return 0
	kill "$OCSP_PID" 2>/dev/null
	wait "$OCSP_PID" 2>/dev/null
	OCSP_PID=
}

charge_cleanup() {
	responder_stop
	agent_stop
	radius_stop
	ocsp_stop
}

# count_ge N STATUS [SID]: at least N such records at the server.
count_ge() {
	local n=$1
	shift
	[ "$(detail_count "$@")" -ge "$n" ]
}

# last_record STATUS [SID]: the last such record.
last_record() {
	detail_records "$@" | awk '/^--$/ { last = cur; cur = ""; next }
		{ cur = cur $0 "\n" } END { printf "%s", last }'
}

# rec_grep RECORD ERE: a line of the record matches.
rec_grep() { printf '%s\n' "$1" | grep -qE "$2"; }

# jstr KEY: a string member from JSON on stdin, commas and all (json_field
# stops at a comma, and identities have them).
jstr() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" | head -n 1; }

# sta_str KEY: jstr of station 1's object in `wpv show --json`.
sta_str() {
	wpv show wlan0 --json | sed 's/},{"ifname"/}\n{"ifname"/g' |
		grep "\"mac\":\"$MAC\"" | jstr "$1"
}
