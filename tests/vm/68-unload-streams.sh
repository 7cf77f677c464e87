# The module unloads while streams run both ways over IPv4 and IPv6, with
# the real agent registered, an events listener joined and stations in
# every state (preview, challenged with frames held, authorised, blocked),
# three times over; no warning reaches the kernel log, and once the gate
# is gone every stream flows, the blocked station's too.
# timeout: 300

. /wpv/tests/e2e-lib.sh

PKI=$PKIS/p256
N=4

{ radios $N && start_ap && server_ns; } || fail setup "AP or server did not come up"
k=1
while [ $k -le $N ]; do
	{ start_sta $k && sta_routes $k; } || fail setup "station $k did not associate"
	k=$((k + 1))
done
cache_macs
k=1
while [ $k -le $N ]; do
	pin_neigh $k
	recv_start $k
	k=$((k + 1))
done
# Station 1 stays in preview (a slow stream), 2 is challenged and held
# (no answer), 3 is verified, 4 is refused.
send_start 1 -r 5 -s 200
send_start 2 -r 50 -s 1000
send_start 3 -6 -r 50 -s 1000
send_start 4 -r 50 -s 1000
up_start 3 -r 20 -s 500
bg /usr/sbin/ip netns exec sta4 ping -i 0.1 10.77.0.1 > /dev/null 2>&1

every_state() {
	snap
	[ "$(snap_field 1 state)" = preview ] &&
		[ "$(snap_field 2 state)" = challenged ] &&
		[ "$(snap_field 3 state)" = authorised ] &&
		[ "$(snap_field 4 state)" = blocked ]
}

cycle=1
while [ $cycle -le 3 ]; do
	log "cycle $cycle"
	check "cycle$cycle-gate-attached" gate_setup preview_bytes=60000 \
		policy=0 retry_ms=200 verify_timeout_ms=60000 holddown_ms=60000
	check "cycle$cycle-agent-registered" agent_start "$PKI"
	bg wpv events > /dev/null
	responder 3 "$PKI" valid
	responder 4 "$PKI" wrongca
	check "cycle$cycle-states" wait_for 60 every_state
	check "cycle$cycle-frames-held" wait_for 10 st_is 2 queued -gt 0
	wpv show wlan0
	check "cycle$cycle-unloads-under-traffic" unload_module
	check "cycle$cycle-kernel-log-clean" kernel_log_clean
	# The agent sees the family go and exits or keeps running; either way
	# it is stopped here, as are responders and the events listener.
	agent_stop
	responders_stop
	k=1
	while [ $k -le $N ]; do
		check "cycle$cycle-station$k-flows-without-gate" rx_grows $k 10
		k=$((k + 1))
	done
	check "cycle$cycle-upstream-flows-without-gate" rx_grows up 10
	cycle=$((cycle + 1))
done
bg_stop
