# The byte and time thresholds, each drawn per station with 50% jitter,
# over eight stations at once: every preview ends within
# [value * (100 - jitter) / 100, value] (bytes: plus less than one frame;
# time: plus the timer's latency), and the stations do not all end alike.
# timeout: 300

. /wpv/tests/e2e-lib.sh

N=8
V=60000
T=4000
J=50
FRAME=$((1000 + 8 + 20 + 14))
LATE=400	# ms a timer may fire late on a slow guest

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
	k=$((k + 1))
done
# Continue, so that the streams go on after the previews end.
check gate-attached gate_setup preview_bytes=$V jitter_pct=$J policy=1 \
	retry_ms=5000 verify_timeout_ms=600000 holddown_ms=0

all_challenged() {
	local k=1
	snap
	while [ $k -le $N ]; do
		[ "$(snap_field $k state)" = challenged ] || return 1
		k=$((k + 1))
	done
}

log "byte threshold $V, jitter $J%"
k=1
while [ $k -le $N ]; do
	recv_start $k
	send_start $k -r 20 -s 1000
	k=$((k + 1))
done
check bytes-all-challenged wait_for 120 all_challenged
snap
lo=$((V * (100 - J) / 100))
min=
max=
k=1
while [ $k -le $N ]; do
	pv=$(snap_preview $k)
	log "station $k: preview ended after $pv bytes"
	check "bytes-station$k-within-bounds" \
		test "$pv" -ge $lo -a "$pv" -lt $((V + FRAME))
	[ -z "$min" ] || [ "$pv" -lt "$min" ] && min=$pv
	[ -z "$max" ] || [ "$pv" -gt "$max" ] && max=$pv
	k=$((k + 1))
done
log "previews ended between $min and $max bytes (bounds $lo - $((V + FRAME)))"
check bytes-not-all-alike test $((max - min)) -gt $((2 * FRAME))

log "time threshold $T ms, jitter $J%"
check set-time wpv set wlan0 preview_bytes=0 preview_ms=$T
# Forgotten stations come back with their next frame, with a new preview.
k=1
while [ $k -le $N ]; do
	wpv sta del wlan0 "$(sta_mac $k)"
	k=$((k + 1))
done
check time-all-challenged wait_for 60 all_challenged
snap
lo=$((T * (100 - J) / 100))
min=
max=
k=1
while [ $k -le $N ]; do
	a=$(snap_field $k age_ms)
	b=$(snap_field $k state_age_ms)
	d=$((${a:-0} - ${b:-0}))
	log "station $k: preview ended after $d ms"
	# The clock ticks in jiffies: 10 ms either way.
	check "time-station$k-within-bounds" \
		test "$d" -ge $((lo - 10)) -a "$d" -le $((T + LATE))
	[ -z "$min" ] || [ "$d" -lt "$min" ] && min=$d
	[ -z "$max" ] || [ "$d" -gt "$max" ] && max=$d
	k=$((k + 1))
done
log "previews ended between $min and $max ms (bounds $lo - $T)"
# Timer latency alone spreads them by up to a few hundred ms.
check time-not-all-alike test $((max - min)) -gt 500

bg_stop
check module-unloads unload_module
