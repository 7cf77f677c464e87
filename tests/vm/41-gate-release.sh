# Under the pause policy a challenged station's downstream is held; a
# manual accept releases it complete and in order.  Nobody but root may
# change anything over netlink.  Tunables over netlink are range-checked.
# The module unloads under traffic, with frames queued and timers running.
# timeout: 300

. /wpv/tests/gate-lib.sh

COUNT=80

radios 1 && start_ap && start_sta 1 || fail setup "AP or station did not come up"
check gate-attached gate_setup preview_bytes=20000 retry_ms=1000 \
	verify_timeout_ms=60000 policy=0 queue_frames=256
MAC=$(sta_mac 1)

bg /usr/sbin/ip netns exec sta1 tcpdump -Z root -i wlan1 -n -l \
	'icmp[icmptype] = icmp-echo' > /tmp/echo.txt 2>/tmp/tcpdump.err
sleep 2

log "a numbered stream to the station, paused at the end of the preview"
bg sh -c "ping -c $COUNT -i 0.1 -s 500 $(sta_ip 1) > /tmp/ping.txt"
check preview-ends wait_for 60 sta_state_is challenged
check stream-held wait_for 20 field_is 1 queued -ge 20
held=$(sta_field 1 queued)
seen=$(grep -c 'echo request' /tmp/echo.txt)
sleep 1
check held-frames-not-delivered test "$(grep -c 'echo request' /tmp/echo.txt)" -eq "$seen"
log "$held frames held, $seen echo requests delivered so far"

check manual-accept wpv sta authorise wlan0 "$MAC"
check authorised sta_state_is authorised admin
check queue-empty-after-accept wait_for 5 field_is 1 queued -eq 0
wait_for 30 sh -c 'grep -q "packets received" /tmp/ping.txt'
bg_stop

sed -n 's/.*echo request.* seq \([0-9]*\),.*/\1/p' /tmp/echo.txt > /tmp/seqs
seq 0 $((COUNT - 1)) > /tmp/want
check stream-complete-and-in-order cmp -s /tmp/seqs /tmp/want
# Under pause the station's own frames are dropped while it is
# challenged, so some answers are lost; the downstream must be whole.
received=$(sed -n 's/.* \([0-9]*\) packets received.*/\1/p' /tmp/ping.txt)
log "ping: $received of $COUNT answered, $(sta_field 1 dropped_frames) frames dropped"
check queued-counted test "$(sta_field 1 queued_frames)" -ge "$held"
check traffic-after-accept ping_sta 1

log "unprivileged users"
# The real setpriv: busybox's applet lacks --reuid.
NOBODY="/usr/bin/setpriv --reuid=65534 --regid=65534 --clear-groups"
WPV=$(command -v wpv)
# refused CMD...: as nobody, CMD fails because the kernel says EPERM.
refused() {
	$NOBODY "$WPV" "$@" > /tmp/nobody.out 2>&1
	local rc=$?
	cat /tmp/nobody.out
	[ $rc -ne 0 ] && grep -q "Operation not permitted" /tmp/nobody.out
}

check nobody-may-read $NOBODY "$WPV" show wlan0
check nobody-cannot-block refused sta block wlan0 "$MAC"
check nobody-cannot-reset refused sta reset wlan0 "$MAC"
check nobody-cannot-delete refused sta del wlan0 "$MAC"
check nobody-cannot-authorise refused sta authorise wlan0 "$MAC"
check nobody-cannot-set refused set wlan0 policy=drop
check nobody-cannot-detach refused iface detach wlan0
check nobody-cannot-write-sysfs not $NOBODY sh -c "echo 1 > $SYS/preview_bytes"
check unchanged-after-nobody sta_state_is authorised admin

log "per-interface tunables"
check set-valid wpv set wlan0 policy=continue retry_ms=200 preview_bytes=30000
check set-jitter-out-of-range not wpv set wlan0 jitter_pct=101
check set-retry-below-range not wpv set wlan0 retry_ms=5
check set-unknown-key not wpv set wlan0 colour=blue
check set-policy-by-number wpv set wlan0 policy=0 preview_bytes=20000

log "unload under traffic, with a station challenged and frames held"
check reset wpv sta reset wlan0 "$MAC"
bg ping -i 0.02 -s 1000 "$(sta_ip 1)" > /dev/null
bg /usr/sbin/ip netns exec sta1 ping -i 0.05 10.77.0.1 > /dev/null
bg wpv events > /dev/null
wait_for 60 sta_state_is challenged
check frames-held-before-unload wait_for 10 field_is 1 queued -gt 0
check module-unloads-under-traffic unload_module
bg_stop
check traffic-after-unload ping_sta 1
