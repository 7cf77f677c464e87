# Helpers for the gate scenarios (40-49), sourced after lib.sh.

SYS=/sys/kernel/wapi_preview

# sta_field K KEY: a number or string from `wpv show --json` for station K.
sta_field() {
	local mac
	mac=$(sta_mac "$1")
	wpv show wlan0 --json | sed 's/},{"ifname"/}\n{"ifname"/g' |
		grep "\"mac\":\"$mac\"" | json_field "$2"
}

json_field() {
	tr '{,' '\n\n' | sed -n "s/^\"$1\":\"\{0,1\}\([^\"}]*\)\"\{0,1\}[]}]*\$/\1/p" |
		head -n 1
}

# field_is K KEY OP VALUE: test(1) on a field, for wait_for.
field_is() {
	[ "$(sta_field "$1" "$2")" "$3" "$4" ]
}

# sta_state_is STATE [REASON]: station 1 is in STATE (and REASON).
sta_state_is() {
	[ "$(sta_field 1 state)" = "$1" ] || return 1
	[ -z "${2:-}" ] || [ "$(sta_field 1 reason)" = "$2" ]
}

# gate_setup: module loaded, defaults written, gate attached to wlan0.
gate_setup() {
	load_module || return 1
	echo 0 > $SYS/jitter_pct
	echo 0 > $SYS/preview_ms
	for kv in "$@"; do
		echo "${kv#*=}" > "$SYS/${kv%%=*}" || return 1
	done
	wpv iface attach wlan0
}

# not CMD...: succeed if CMD fails (for check, which takes one command).
not() { ! "$@"; }

# bg CMD...: run CMD in the background, remembering its pid for bg_stop.
WPV_BG=
bg() {
	"$@" &
	WPV_BG="$WPV_BG $!"
}

bg_stop() {
	local p
	for p in $WPV_BG; do
		kill "$p" 2>/dev/null
	done
	for p in $WPV_BG; do
		wait "$p" 2>/dev/null
	done
	WPV_BG=
}
