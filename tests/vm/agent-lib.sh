# Helpers for the scenarios with the real agent and station responder
# (50-59), sourced after lib.sh.  The agent runs in the foreground with its
# log (stderr) in /tmp/agent.log.

. /wpv/tests/gate-lib.sh

AGENT_LOG=/tmp/agent.log
AGENT_PID=

# sta_is K STATE [REASON]: station K is in STATE (and REASON) in wpv show.
sta_is() {
	[ "$(sta_field "$1" state)" = "$2" ] || return 1
	[ -z "${3:-}" ] || [ "$(sta_field "$1" reason)" = "$3" ]
}

# sta_gone K: the module no longer lists station K.
sta_gone() {
	local mac
	mac=$(sta_mac "$1")
	wpv show wlan0 --json >/tmp/show.json || return 1
	! grep -q "\"mac\":\"$mac\"" /tmp/show.json
}

# agent_conf PKI: an agent.conf trusting PKI's CA and CRL.
agent_conf() {
	cat > /tmp/agent.conf <<EOF2
ca_file = $1/ca.pem
crl_file = $1/crl.pem
log_level = debug
EOF2
}

# agent_start: the agent on /tmp/agent.conf, registered (log appended).
agent_start() {
	local n
	n=$(grep -c "registered with" $AGENT_LOG 2>/dev/null)
	wpv agent -c /tmp/agent.conf -f >> $AGENT_LOG 2>&1 &
	AGENT_PID=$!
	wait_for 15 agent_registered $((n + 1))
}

agent_registered() {
	[ "$(grep -c "registered with" $AGENT_LOG)" -ge "$1" ]
}

agent_stop() {
	[ -n "$AGENT_PID" ] || return 0
	kill "$AGENT_PID" 2>/dev/null
	wait "$AGENT_PID" 2>/dev/null
	AGENT_PID=
}

# agent_said K PATTERN: a line of the agent's log names station K and
# matches PATTERN (grep -E) after the MAC address.
agent_said() {
	grep -E -q "$(sta_mac "$1"):? .*$2" $AGENT_LOG
}

# agent_verdict K accepted|rejected REASON: the agent's verdict line.
agent_verdict() {
	agent_said "$1" "$2, identity \".*\", reason $3 "
}

# responder K KEY CERT [OPTIONS]: `wpv station` in station K's namespace.
responder() {
	local k=$1 key=$2 cert=$3
	shift 3
	bg /usr/sbin/ip netns exec "sta$k" wpv station -i "wlan$k" -k "$key" \
		-c "$cert" "$@" > "/tmp/station-$k.log" 2>&1
}

# preview_end K: station K known to the module, a new preview for station K, then 8 kB of pings to use it
# up (in the background; the replies go to /tmp/ping-K.txt).
preview_end() {
	# The module learns a station from its first frame.
	ping -c 1 -W 5 "$(sta_ip "$1")" > /dev/null
	wpv sta reset wlan0 "$(sta_mac "$1")" || return 1
	ping -c 8 -i 0.1 -s 1000 -W 20 "$(sta_ip "$1")" > "/tmp/ping-$1.txt" &
}

# held_released K: all of station K's held pings were answered.
held_released() {
	wait_for 30 grep -q "8 packets transmitted, 8 packets received" \
		"/tmp/ping-$1.txt"
}

uptime_log() { log "$(cut -d' ' -f1 /proc/uptime) s: $*"; }
