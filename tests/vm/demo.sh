# The demo's story, told on the guest's console: an honest station and an
# impostor both preview a real-time stream, both are challenged, the
# honest one is verified and charged, the impostor is cut off.
# The kernel command line's wpv.pki=p256|wapi picks the certificates.
# timeout: 280

. /wpv/tests/e2e-lib.sh

PROFILE=$(sed -n 's/.*wpv\.pki=\([a-z0-9]*\).*/\1/p' /proc/cmdline)
PROFILE=${PROFILE:-p256}
PKI=$PKIS/$PROFILE
PREVIEW=300000
RATE=50
SIZE=1000

say() { echo; echo ">>> $*"; }
note() { echo "    $*"; }
show() { echo "    \$ $*"; "$@" 2>&1 | sed 's/^/    /'; }
kb() { echo $((${1:-0} / 1000)); }

name_of() { [ "$1" = 1 ] && echo honest || echo impostor; }

# line T: one line of live figures for both stations.
line() {
	local k out=
	snap
	for k in 1 2; do
		out="$out$(printf '%-8s %-11s %6s kB received' "$(name_of $k)" \
			"$(snap_field $k state)" "$(kb "$(rx $k bytes)")")"
		[ $k = 1 ] && out="$out   |   "
	done
	printf '  %3ss   %s\n' "$1" "$out"
}

# events: the state changes reported since the last call, in plain words.
EV_SEEN=0
events() {
	local n
	n=$(wc -l < /tmp/events.log)
	[ "$n" -gt "$EV_SEEN" ] || return 0
	sed -n "$((EV_SEEN + 1)),${n}p" /tmp/events.log |
		sed -n 's/^state wlan0 \([0-9a-f:]*\) \([a-z?]*\) -> \([a-z]*\) reason=\([a-z-]*\).*/\1 \2 \3 \4/p' |
		while read -r mac from to why; do
			who=impostor
			[ "$mac" = "$(sta_mac 1)" ] && who=honest
			[ "$why" = none ] && why= || why=" ($why)"
			echo "          --> $who: $from -> $to$why"
		done
	EV_SEEN=$n
}

# identity K: the identity the module records for station K.
identity() {
	wpv show wlan0 --json | sed 's/},{"ifname"/}\n{"ifname"/g' |
		grep "\"mac\":\"$(sta_mac "$1")\"" |
		sed -n 's/.*"identity":"\([^"]*\)".*/\1/p'
}

# live SECONDS UNTIL...: print a line a second for SECONDS, or until the
# command UNTIL succeeds (after at least one line).
T0=0
live() {
	local n=$1 t
	shift
	while [ "$n" -gt 0 ]; do
		t=$(cut -d. -f1 /proc/uptime)
		line $((t - T0))
		events
		[ $# -gt 0 ] && "$@" && return 0
		sleep 1
		n=$((n - 1))
	done
	[ $# -eq 0 ]
}

both_left_preview() {
	[ "$(st 1 state)" != preview ] && [ "$(st 2 state)" != preview ]
}

both_decided() {
	state_is 1 authorised && state_is 2 blocked
}

say "An access point (hostapd; WPA2-PSK stands in for WAPI-PSK) on a simulated"
note "radio, with a content server behind it in its own network namespace."
{ radios 2 && start_ap; } > /dev/null 2>&1 ||
	fail setup "the access point did not start"
server_ns > /dev/null 2>&1 || fail setup "the server namespace did not start"

say "Two stations join with the same shared key:"
note "honest   (station 1) holds a certificate from the operator's CA;"
note "impostor (station 2) knows the key too, but its certificate comes from"
note "         a CA of its own making, which the access point does not trust."
for k in 1 2; do
	{ start_sta $k && sta_routes $k; } > /dev/null 2>&1 ||
		fail setup "station $k did not associate"
done
cache_macs
for c in valid wrongca; do
	note "$(printf '%-8s' "$([ $c = valid ] && echo honest: || echo impostor:)")" \
		"$(openssl x509 -in "$PKI/sta-$c.pem" -noout -subject -issuer 2>/dev/null |
		   tr '\n' ' ')"
done
[ "$(openssl x509 -in "$PKI/sta-valid.pem" -noout -issuer)" = \
  "$(openssl x509 -in "$PKI/sta-wrongca.pem" -noout -issuer)" ] &&
	note "(the impostor's CA took the operator's CA's name, not its key)"

say "wapi_preview.ko is loaded and attached to the AP interface: each station"
note "gets a free preview of $(kb $PREVIEW) kB, is then challenged to sign a nonce with its"
note "certificate's key, and its stream is held (pause policy) until the verdict."
check module-loaded gate_setup preview_bytes=$PREVIEW policy=0 retry_ms=500 \
	verify_timeout_ms=20000 holddown_ms=300000
note "The verification agent trusts the operator's $PROFILE CA:"
check agent-registered agent_start "$PKI"
note "$(grep -o 'registered with.*' /tmp/agent.log)"
bg wpv events > /tmp/events.log
responder 1 "$PKI" valid
responder 2 "$PKI" wrongca

say "The server sends each station a real-time stream: $RATE packets/s of $SIZE bytes."
for k in 1 2; do
	recv_start $k
	send_start $k -r $RATE -s $SIZE
done
T0=$(cut -d. -f1 /proc/uptime)
live 60 both_left_preview
check honest-previewed test "$(rx 1 bytes)" -gt 100000
check impostor-previewed test "$(rx 2 bytes)" -gt 100000

say "Both used up their preview: the access point challenged them."
live 20 both_decided
check honest-verified state_is 1 authorised verified
check impostor-blocked state_is 2 blocked cert-untrusted
note "The agent's verdicts:"
sed -n 's/.*\(wlan0 [0-9a-f:]*: \(accepted\|rejected\).*\)/\1/p' /tmp/agent.log |
	sed 's/^/      /'
note "honest   = $(sta_mac 1), charged as \"$(identity 1)\""
note "impostor = $(sta_mac 2), cut off: $(st 2 reason)"
note "$(st 1 queued_frames) frames of the honest station's stream were held during the"
note "challenge and sent on, in order, when the verdict came."
check charging-session-open wait_for 5 grep -q '"identity":"CN=valid' /tmp/sessions.json
note "The agent opened a charging session:" \
	"$(sed -n 's/.*\("identity":"[^"]*"\).*\("session_id":"[^"]*"\).*/\1 \2/p' /tmp/sessions.json)"

say "The honest station's stream goes on; the impostor's has stopped."
b2=$(rx 2 bytes)
live 6
check honest-stream-goes-on rx_grows 1 5
check impostor-cut-off test "$(rx 2 bytes)" -eq "$b2"
note "impostor received $(rx 2 bytes) bytes before and after these 6 seconds;" \
	"the gate dropped $(st 2 dropped_frames) frames."

say "The station table (wpv show): bytes in preview, bytes after, verdict reason"
show wpv show wlan0
check honest-charged st_is 1 auth_tx_bytes -gt 0
check impostor-not-charged st_is 2 auth_tx_bytes -eq 0

say "Stopping the streams, the agent and the responders; unloading the module."
bg_stop
agent_stop
check module-unloads unload_module
check kernel-log-clean kernel_log_clean
say "Done."
