# The time threshold, the continue and drop policies, accounting by
# interval and by byte quantum, and the station table bound.
# timeout: 300

. /wpv/tests/gate-lib.sh

no_ipv6() { echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6; }

radios 2 && start_ap && start_sta 1 && start_sta 2 ||
	fail setup "AP or stations did not come up"
# Only the traffic the scenario makes, so the stations appear when told.
no_ipv6
in_sta 1 sh -c 'echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6'
in_sta 2 sh -c 'echo 1 > /proc/sys/net/ipv6/conf/all/disable_ipv6'
ping_sta 1 1 && ping_sta 2 1

check gate-attached gate_setup preview_bytes=0 preview_ms=3000 \
	verify_timeout_ms=60000 retry_ms=1000 policy=1 acct_interval_ms=1000 \
	acct_quantum=20000 max_stations=1
MAC1=$(sta_mac 1)
bg wpv events > /tmp/events.log

log "the table holds one station"
check first-station-admitted ping_sta 1 2
check second-station-refused not ping_sta 2 2
check refusal-logged sh -c 'dmesg | grep -q "station table full"'
check one-station-listed test "$(wpv show wlan0 | grep -c '^wlan0 ')" -eq 1
check raise-bound wpv set wlan0 max_stations=4
check second-station-admitted ping_sta 2

log "the preview ends on time"
check time-threshold-challenges wait_for 10 field_is 1 state = challenged
# One snapshot for both ages; the clock ticks in jiffies (up to 10 ms).
wpv show wlan0 --json | sed 's/},{"ifname"/}\n{"ifname"/g' |
	grep "\"mac\":\"$MAC1\"" > /tmp/sta1.json
age=$(json_field age_ms < /tmp/sta1.json)
state_age=$(json_field state_age_ms < /tmp/sta1.json)
log "station 1 seen $age ms ago, challenged $state_age ms ago"
check challenged-after-preview-time test $((age - state_age)) -ge 2990
check continue-forwards-down ping_sta 1
check continue-forwards-up ping_ap 1
check set-drop wpv set wlan0 policy=drop
check drop-drops-down not ping_sta 1
check drop-drops-up not ping_ap 1

log "accounting once authorised"
check authorise wpv sta authorise wlan0 "$MAC1"
check traffic-after-authorise ping_sta 1
check acct-interval wait_for 5 grep -q "^acct wlan0 $MAC1 interval" /tmp/events.log
ping -c 20 -i 0.05 -s 1000 "$(sta_ip 1)" > /dev/null
check acct-quantum wait_for 5 grep -q "^acct wlan0 $MAC1 quantum" /tmp/events.log
check auth-bytes-counted field_is 1 auth_tx_bytes -ge 20000
check event-authorised grep -q "$MAC1 challenged -> authorised reason=admin" /tmp/events.log

check module-unloads unload_module
bg_stop
