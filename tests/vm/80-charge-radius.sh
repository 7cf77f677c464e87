# Charging with the real module, agent and responder: a verified station
# gets a RADIUS session (Start, Interim-Updates, Stop) at a FreeRADIUS in
# the guest, with the right attributes and the module's own byte counts;
# the JSON-lines log has the same records; `wpv show` shows the session;
# the hooks run with the right environment, hook_blocked cutting off the
# station's stream.  Stops by reset, leave and block.
# timeout: 300

. /wpv/tests/gate-lib.sh
. /wpv/tests/charge-lib.sh

radios 1 && start_ap && start_sta 1 || fail setup "AP or station did not come up"
[ -r $PKI/ca.pem ] || fail setup "$PKI missing (make -C tests/vm/tools)"
check gate-attached gate_setup preview_bytes=4000 retry_ms=500 \
	verify_timeout_ms=20000 policy=0 holddown_ms=0 acct_interval_ms=2000
MAC=$(sta_mac 1)
check no-ipv6 no_ipv6
BSSID=$(cat /sys/class/net/wlan0/address)
radius_config
check radius-started radius_start
hook_script
agent_conf "hook_verified = /tmp/hook.sh" "hook_blocked = /tmp/hook.sh" \
	"hook_stopped = /tmp/hook.sh"
check agent-started agent_start

# ---- a session stopped by reset: attributes and exact figures ----------
answer_as valid
check verified wait_for 20 sta_state_is authorised verified
# Without acct_interim_interval the agent left the module's interval (it
# writes it, when configured, right after registering).
check agent-keeps-module-interval test "$(cat $SYS/acct_interval_ms)" = 2000
ID=$(sta_str identity)
check start-recorded wait_for 15 count_ge 1 Start
SID1=$(detail_sids Start | head -n 1)
log "identity '$ID' session $SID1"
START=$(detail_records Start "$SID1")
check start-attributes has_attrs "$START" \
	"User-Name = \"$ID\"" \
	"Calling-Station-Id = \"$(radius_mac "$MAC")\"" \
	"Called-Station-Id = \"$(radius_mac "$BSSID"):$WPV_SSID\"" \
	"NAS-Port-Type = Wireless-802.11" \
	"NAS-Identifier = \"wpv-vm-ap\"" \
	"Acct-Authentic = Local"
check session-id-format rec_grep "$SID1" '^[0-9A-Fa-f]{16}$'

ping -c 30 -i 0.1 -s 600 "$(sta_ip 1)" > /dev/null
check interims-recorded wait_for 15 count_ge 1 Interim-Update $SID1

# wpv show: the station's session, in JSON and in the table.
check show-json-session-id test "$(sta_field 1 session_id)" = "$SID1"
check show-json-charged-identity test "$(sta_str charged_identity)" = "$ID"
check show-text-session sh -c "wpv show wlan0 | grep -qF 'session $SID1 identity $ID time '"
check show-text-charged sh -c "wpv show wlan0 | grep -qE 'session $SID1 .* charged [1-9][0-9]* octets'"

# Traffic stopped, the next Interim-Update carries the module's counters
# exactly, and so does the Stop the reset makes.
interim_is_quiet() {
	record_matches "$(last_record Interim-Update "$SID1")" "$COUNTERS"
}
check counters-quiet quiet_counters
log "module counters (tx rx txf rxf): $COUNTERS"
check interim-matches-module wait_for 15 interim_is_quiet
check interim-attributes has_attrs "$(last_record Interim-Update "$SID1")" \
	"User-Name = \"$ID\"" \
	"Calling-Station-Id = \"$(radius_mac "$MAC")\"" \
	"Called-Station-Id = \"$(radius_mac "$BSSID"):$WPV_SSID\""
check interim-session-time rec_grep "$(last_record Interim-Update "$SID1")" \
	'^Acct-Session-Time = [0-9]+$'
check show-octets-match-module test "$(sta_field 1 octets)" = \
	"$(( $(echo $COUNTERS | cut -d' ' -f1) + $(echo $COUNTERS | cut -d' ' -f2) ))"
wpv sta reset wlan0 "$MAC"
check stop-reset-recorded wait_for 15 count_ge 1 Stop $SID1
STOP=$(detail_records Stop "$SID1")
check stop-reset-once test "$(detail_count Stop "$SID1")" = 1
check stop-reset-attributes has_attrs "$STOP" "User-Name = \"$ID\"" \
	"Calling-Station-Id = \"$(radius_mac "$MAC")\"" \
	"Acct-Terminate-Cause = Admin-Reset"
check stop-reset-matches-module record_matches "$STOP" "$COUNTERS"
check stop-has-session-time rec_grep "$STOP" '^Acct-Session-Time = [0-9]+$'
check stop-has-event-timestamp rec_grep "$STOP" '^Event-Timestamp = '
check show-no-session-after-stop test "$(sta_field 1 session)" = null

# The JSON-lines log has the same records as the server.
check jsonl-start test "$(jsonl start "$SID1" | wc -l)" = 1
check jsonl-interims test "$(jsonl interim "$SID1" | wc -l)" = \
	"$(detail_count Interim-Update "$SID1")"
check jsonl-interim-trigger test \
	"$(jsonl interim "$SID1" | head -n 1 | json_field trigger)" = interval
J=$(jsonl stop "$SID1")
check jsonl-stop-figures test \
	"$(echo "$J" | json_field tx_bytes) $(echo "$J" | json_field rx_bytes) $(echo "$J" | json_field tx_frames) $(echo "$J" | json_field rx_frames)" = "$COUNTERS"
check jsonl-stop-cause test "$(echo "$J" | json_field cause)/$(echo "$J" | json_field terminate_cause)" = admin/6
check jsonl-identity test "$(echo "$J" | jstr identity)" = "$ID"
check jsonl-station test "$(echo "$J" | json_field station)" = "$(radius_mac "$MAC")"

# ---- a session stopped by leave -----------------------------------------
answer_as valid
check reverified wait_for 20 sta_state_is authorised verified
check leave-start-recorded wait_for 15 count_ge 2 Start
SID2=$(detail_sids Start | sed -n 2p)
check session-ids-unique test -n "$SID2" -a "$SID2" != "$SID1"
sta_disconnect 1
check stop-leave-recorded wait_for 15 count_ge 1 Stop $SID2
check stop-leave-cause has_attrs "$(detail_records Stop "$SID2")" \
	"Acct-Terminate-Cause = User-Request"
check jsonl-leave-cause test "$(jsonl stop "$SID2" | json_field cause)" = leave
check reconnected sta_reconnect 1

# ---- a session stopped by block: hook_blocked cuts the stream -----------
answer_as valid
check verified-again wait_for 20 sta_state_is authorised verified
check block-start-recorded wait_for 15 count_ge 3 Start
SID3=$(detail_sids Start | sed -n 3p)
ping -i 0.3 "$(sta_ip 1)" > /tmp/stream.txt 2>&1 &
STREAM=$!
echo $STREAM > "/tmp/stream-$MAC.pid"
check stream-flows wait_for 10 grep -q 'bytes from' /tmp/stream.txt
wpv sta block wlan0 "$MAC"
check blocked-by-admin wait_for 10 sta_state_is blocked admin
check stop-block-recorded wait_for 15 count_ge 1 Stop "$SID3"
check stop-block-cause has_attrs "$(detail_records Stop "$SID3")" \
	"Acct-Terminate-Cause = Admin-Reset"
check hook-blocked-cut-stream wait_for 10 not kill -0 $STREAM
kill $STREAM 2>/dev/null
wait $STREAM 2>/dev/null
check hook-blocked-logged grep -qx "stream of $MAC cut" $HOOKS_LOG

# The hooks' environment: one verified, one stopped per session.
cat $HOOKS_LOG
check hook-verified-env grep -qxF "verified $MAC wlan0 $BSSID verified $SID1 $ID" $HOOKS_LOG
check hook-stopped-env-reset grep -qxF "stopped $MAC wlan0 $BSSID none $SID1 $ID" $HOOKS_LOG
check hook-stopped-env-leave grep -qxF "stopped $MAC wlan0 $BSSID none $SID2 $ID" $HOOKS_LOG
check hook-stopped-env-block grep -qxF "stopped $MAC wlan0 $BSSID admin $SID3 $ID" $HOOKS_LOG
check hook-blocked-env grep -qxF "blocked $MAC wlan0 $BSSID admin $SID3 $ID" $HOOKS_LOG
check hook-verified-count test "$(grep -c '^verified ' $HOOKS_LOG)" = 3

charge_cleanup
tail -30 $AGENT_LOG
check module-unloads unload_module
