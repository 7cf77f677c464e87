# Helpers for the end-to-end scenarios (60-79) and the demo, sourced
# after lib.sh.  Adds, to lib.sh's topology, a content server in its own
# namespace behind the AP and real streams to and from the stations:
#
#   namespace srv            root namespace (AP)          namespace staK
#   10.78.0.2/24  --veth--  10.78.0.1/24  (routes)  wlan0  10.77.0.(10+K)
#   fd78::2/64              fd78::1/64                     fd77::(10+K)/64
#                           wlan0 10.77.0.1, fd77::1
#
# Background programs are started through the real ip(8), which execs
# them, so that bg_stop signals the program itself.
#
# Streams are wpv-stream (tests/vm/tools): fixed-rate, sequence-numbered
# UDP.  Station K's receiver writes /tmp/rx-K.bin and /tmp/rx-K.st; the
# server's sender to it /tmp/tx-K.bin.

. /wpv/tests/gate-lib.sh

STREAM=/wpv/extra/wpv-stream
PKIS=/wpv/extra/pki
PORT=5004

# server_ns: the server namespace, routed through the AP.
server_ns() {
	ip netns add srv || return 1
	ip link add veth-srv type veth peer name eth0 netns srv || return 1
	ip addr add 10.78.0.1/24 dev veth-srv
	ip -6 addr add fd78::1/64 dev veth-srv nodad
	ip link set veth-srv up
	ip netns exec srv /usr/sbin/ip link set lo up
	ip netns exec srv /usr/sbin/ip link set eth0 up
	ip netns exec srv /usr/sbin/ip addr add 10.78.0.2/24 dev eth0
	ip netns exec srv /usr/sbin/ip -6 addr add fd78::2/64 dev eth0 nodad
	ip netns exec srv /usr/sbin/ip route add default via 10.78.0.1
	ip netns exec srv /usr/sbin/ip -6 route add default via fd78::1
	echo 1 > /proc/sys/net/ipv4/ip_forward
	echo 1 > /proc/sys/net/ipv6/conf/all/forwarding
	ip -6 addr add fd77::1/64 dev wlan0 nodad
}

in_srv() { ip netns exec srv "$@"; }

sta_ip6() { echo "fd77::$((10 + $1))"; }

# sta_routes K: station K reaches the server (IPv4 and IPv6) via the AP.
sta_routes() {
	in_sta "$1" ip -6 addr add "$(sta_ip6 "$1")/64" dev "wlan$1" nodad
	in_sta "$1" ip route add default via 10.77.0.1
	in_sta "$1" ip -6 route add default via fd77::1
}

# pin_neigh K: a permanent neighbour entry for station K on the AP, so
# that the AP's own address resolution never gets in a stream's way
# while the gate holds or drops the station's frames.
pin_neigh() {
	local mac
	mac=$(sta_mac "$1")
	ip neigh replace "$(sta_ip "$1")" lladdr "$mac" dev wlan0 nud permanent
	ip -6 neigh replace "$(sta_ip6 "$1")" lladdr "$mac" dev wlan0 nud permanent
}

# recv_start K: station K's stream client.
recv_start() {
	rm -f "/tmp/rx-$1.bin" "/tmp/rx-$1.st"
	bg /usr/sbin/ip netns exec "sta$1" $STREAM recv -o "/tmp/rx-$1.bin" -S "/tmp/rx-$1.st" $PORT
	wait_for 5 test -s "/tmp/rx-$1.st"
}

# send_start K [-6] [SEND OPTIONS]: the server streams to station K.
send_start() {
	local k=$1 dst
	shift
	dst=$(sta_ip "$k")
	if [ "${1:-}" = -6 ]; then
		dst=$(sta_ip6 "$k")
		shift
	fi
	bg /usr/sbin/ip netns exec srv $STREAM send -o "/tmp/tx-$k.bin" "$@" "$dst" $PORT \
		> "/tmp/tx-$k.out"
	eval "WPV_SEND_$k=$!"
}

# send_stop K: the server stops streaming to station K.
send_stop() {
	local p
	eval "p=\${WPV_SEND_$1:-}"
	[ -n "$p" ] || return 0
	kill "$p" 2>/dev/null
	wait "$p" 2>/dev/null
	eval "WPV_SEND_$1="
}

# rx K FIELD: a figure from station K's receiver (packets, bytes, lost,
# reordered, last).
rx() {
	sed -n "s/.*\\<$2 \\([0-9]*\\).*/\\1/p" "/tmp/rx-$1.st" 2>/dev/null
}

# rx_grows K SECONDS: station K receives more within SECONDS.
rx_grows() {
	local before
	before=$(rx "$1" bytes)
	wait_for "$2" sh -c "[ \"\$(sed -n 's/.*bytes \\([0-9]*\\).*/\\1/p' /tmp/rx-$1.st)\" -gt $before ]"
}

# rx_flat K SECONDS: station K receives nothing for SECONDS.
rx_flat() {
	local before
	before=$(rx "$1" bytes)
	sleep "$2"
	[ "$(rx "$1" bytes)" -eq "$before" ]
}

# same_stream K: what station K received is byte for byte what was sent.
same_stream() {
	local a b
	a=$(sha256sum < "/tmp/tx-$1.bin")
	b=$(sha256sum < "/tmp/rx-$1.bin")
	log "station $1: sent $(wc -c < "/tmp/tx-$1.bin") bytes sha256 ${a%% *}"
	log "station $1: recv $(wc -c < "/tmp/rx-$1.bin") bytes sha256 ${b%% *}"
	[ -s "/tmp/tx-$1.bin" ] && [ "$a" = "$b" ]
}

# st K KEY: a field of station K from `wpv show --json`; st_is K KEY OP V.
st() { sta_field "$1" "$2"; }
st_is() { field_is "$@"; }

# state_is K STATE [REASON]
state_is() {
	[ "$(sta_field "$1" state)" = "$2" ] || return 1
	[ -z "${3:-}" ] || [ "$(sta_field "$1" reason)" = "$3" ]
}

# agent_start PKIDIR [CONF LINES...]: the real agent trusting PKIDIR's CA
# ("-": only the lines given).
agent_start() {
	local pki=$1 l
	shift
	{
		if [ "$pki" != - ]; then
			echo "ca_file = $pki/ca.pem"
			echo "crl_file = $pki/crl.pem"
		fi
		echo "sessions_file = /tmp/sessions.json"
		for l in "$@"; do
			echo "$l"
		done
	} > /tmp/agent.conf
	wpv agent -c /tmp/agent.conf -f > /tmp/agent.log 2>&1 &
	AGENT_PID=$!
	wait_for 10 grep -q "registered with" /tmp/agent.log
}

agent_stop() {
	[ -n "${AGENT_PID:-}" ] || return 0
	kill "$AGENT_PID" 2>/dev/null
	wait "$AGENT_PID" 2>/dev/null
	AGENT_PID=
}

# responder K PKIDIR CASE: station K answers challenges with CASE's key
# and certificate (CASE "nocert": key only).
responder() {
	local k=$1 pki=$2 c=$3 cert
	cert="-c $pki/sta-$c.pem"
	[ "$c" = nocert ] && cert=
	/usr/sbin/ip netns exec "sta$k" wpv station -i "wlan$k" \
		-k "$pki/sta-$c.key" $cert > "/tmp/station-$k.log" 2>&1 &
	eval "WPV_RESP_$k=$!"
}

# responder_stop K: station K no longer answers.
responder_stop() {
	local p
	eval "p=\${WPV_RESP_$1:-}"
	[ -n "$p" ] || return 0
	kill "$p" 2>/dev/null
	wait "$p" 2>/dev/null
	eval "WPV_RESP_$1="
}

# responders_stop: every station stops answering.
responders_stop() {
	local k=1
	while [ $k -le "$WPV_NSTA" ]; do
		responder_stop $k
		k=$((k + 1))
	done
}

# up_start K [SEND OPTIONS]: station K streams to the server, whose
# receiver (at SRV_IP, default 10.78.0.2) writes /tmp/rx-up.bin and
# /tmp/rx-up.st (rx up FIELD).
up_start() {
	local k=$1
	shift
	rm -f /tmp/rx-up.bin /tmp/rx-up.st
	bg /usr/sbin/ip netns exec srv $STREAM recv -o /tmp/rx-up.bin \
		-S /tmp/rx-up.st $((PORT + 2))
	wait_for 5 test -s /tmp/rx-up.st
	bg /usr/sbin/ip netns exec "sta$k" $STREAM send -o /tmp/tx-up.bin \
		"$@" "${SRV_IP:-10.78.0.2}" $((PORT + 2)) > /tmp/tx-up.out
}

# provision K PKIDIR CASE: the agent knows station K's public key.
provision() {
	mkdir -p /tmp/keys
	cp "$2/sta-$3.pub" "/tmp/keys/$(sta_mac "$1").pem"
}

# cache_macs: remember every station's address, so that sta_mac (and so
# every station field) no longer enters the station's namespace.
cache_macs() {
	local k=1
	while [ $k -le "$WPV_NSTA" ]; do
		eval "WPV_MAC_$k=\$(in_sta $k cat /sys/class/net/wlan$k/address)"
		k=$((k + 1))
	done
}
sta_mac() {
	local v
	eval "v=\${WPV_MAC_$1:-}"
	[ -n "$v" ] || v=$(in_sta "$1" cat "/sys/class/net/wlan$1/address")
	echo "$v"
}

# snap: one `wpv show --json` snapshot; snap_field K KEY reads from it.
snap() {
	wpv show wlan0 --json | sed 's/},{"ifname"/}\n{"ifname"/g' > /tmp/snap
}
snap_field() {
	grep "\"mac\":\"$(sta_mac "$1")\"" /tmp/snap | json_field "$2"
}

# preview_of K: bytes station K was forwarded in its preview, both ways
# (0 if it is not in the table); snap_preview K the same from the snap.
preview_of() {
	local tx rx
	tx=$(st "$1" preview_tx_bytes)
	rx=$(st "$1" preview_rx_bytes)
	echo $((${tx:-0} + ${rx:-0}))
}
snap_preview() {
	local tx rx
	tx=$(snap_field "$1" preview_tx_bytes)
	rx=$(snap_field "$1" preview_rx_bytes)
	echo $((${tx:-0} + ${rx:-0}))
}
