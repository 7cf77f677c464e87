# Helpers for the scenarios that run inside the test guest.
#
# Topology (one hwsim medium, every radio hears every other):
#
#   root namespace                       namespace staK (K = 1..N)
#   +------------------------+           +------------------------+
#   | hostapd on wlan0       |  802.11   | wpa_supplicant on      |
#   | 10.77.0.1/24           |<--------->| wlanK, 10.77.0.(10+K)  |
#   | wapi_preview attached  |  hwsim    |                        |
#   +------------------------+           +------------------------+
#
# Results go to fd 3 (the host reads it), one line per check:
#   PASS: name        FAIL: name: why
# Everything else goes to the console log.

# Busybox runs its own applets before PATH; the real iproute2 is needed
# for namespaces.
ip() { /usr/sbin/ip "$@"; }

WPV_SSID=wpv-test
WPV_PSK=preview-shared-key
WPV_FAILED=0
WPV_NSTA=0

log() { echo "### $*"; }

pass() {
	echo "PASS: $1" >&3
	echo "PASS: $1"
}

fail() {
	echo "FAIL: $1: $2" >&3
	echo "FAIL: $1: $2"
	WPV_FAILED=$((WPV_FAILED + 1))
}

# check NAME CMD...: pass if CMD succeeds.
check() {
	local name=$1
	shift
	if "$@"; then
		pass "$name"
	else
		fail "$name" "command failed: $*"
	fi
}

# wait_for SECONDS CMD...: poll CMD every 0.2 s until it succeeds.
wait_for() {
	local tries=$(($1 * 5))
	shift
	while [ $tries -gt 0 ]; do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.2
		tries=$((tries - 1))
	done
	return 1
}

# in_sta K CMD...: run CMD in station K's namespace.
in_sta() {
	local k=$1
	shift
	ip netns exec "sta$k" "$@"
}

sta_ip() { echo "10.77.0.$((10 + $1))"; }

sta_mac() { in_sta "$1" cat "/sys/class/net/wlan$1/address"; }

# radios N: load mac80211_hwsim with the AP radio and N station radios.
radios() {
	WPV_NSTA=$1
	modprobe mac80211_hwsim radios=$(($1 + 1)) || return 1
	wait_for 5 test -e /sys/class/net/wlan$1
}

# start_ap [EXTRA_HOSTAPD_LINES]: WPA2-PSK access point on wlan0.
start_ap() {
	cat > /tmp/hostapd.conf <<EOF
interface=wlan0
driver=nl80211
ssid=$WPV_SSID
hw_mode=g
channel=1
wmm_enabled=1
ieee80211n=1
wpa=2
wpa_key_mgmt=WPA-PSK
rsn_pairwise=CCMP
wpa_passphrase=$WPV_PSK
ctrl_interface=/run/hostapd
${1:-}
EOF
	hostapd -B -P /run/hostapd.pid -f /tmp/hostapd.log /tmp/hostapd.conf ||
		return 1
	wait_for 15 sh -c 'hostapd_cli -p /run/hostapd status | grep -q state=ENABLED' ||
		return 1
	ip addr add 10.77.0.1/24 dev wlan0
	ip link set wlan0 up
}

# phy_of IFACE: the wiphy name behind a network interface.
phy_of() { basename "$(readlink "/sys/class/net/$1/phy80211")"; }

# start_sta K [PSK]: station K in namespace staK, associated and addressed.
start_sta() {
	local k=$1 psk=${2:-$WPV_PSK} phy
	phy=$(phy_of "wlan$k")
	ip netns add "sta$k" || return 1
	iw phy "$phy" set netns name "sta$k" || return 1
	in_sta "$k" ip link set lo up
	cat > "/tmp/sta$k.conf" <<EOF
ctrl_interface=/run/wpa_sta$k
network={
	ssid="$WPV_SSID"
	psk="$psk"
	key_mgmt=WPA-PSK
	proto=RSN
	scan_freq=2412
}
EOF
	in_sta "$k" wpa_supplicant -B -i "wlan$k" -c "/tmp/sta$k.conf" \
		-P "/run/wpa_sta$k.pid" -f "/tmp/sta$k.log" || return 1
	sta_wait_assoc "$k" || return 1
	in_sta "$k" ip addr add "$(sta_ip "$k")/24" dev "wlan$k"
}

sta_wait_assoc() {
	wait_for 30 sh -c "/usr/sbin/ip netns exec sta$1 wpa_cli -p /run/wpa_sta$1 -i wlan$1 status | grep -q wpa_state=COMPLETED"
}

sta_disconnect() { in_sta "$1" wpa_cli -p "/run/wpa_sta$1" -i "wlan$1" disconnect >/dev/null; }

sta_reconnect() {
	in_sta "$1" wpa_cli -p "/run/wpa_sta$1" -i "wlan$1" reconnect >/dev/null
	sta_wait_assoc "$1"
}

# ping_sta K [COUNT]: AP pings station K; ping_ap K: station K pings the AP.
ping_sta() { ping -c "${2:-3}" -W 2 "$(sta_ip "$1")" >/dev/null; }
ping_ap() { in_sta "$1" ping -c "${2:-3}" -W 2 10.77.0.1 >/dev/null; }

load_module() {
	insmod /wpv/wapi_preview.ko "$@"
}

unload_module() {
	rmmod wapi_preview
}

# kernel_log_clean: no warning, bug or oops in the kernel log.
kernel_log_clean() {
	! dmesg | grep -E -q 'WARNING:|BUG:|Oops|general protection|refcount_t:|UBSAN|KASAN|kernel BUG|RCU stall|Call Trace'
}

# Called after every scenario.
wpv_finish() {
	if ! kernel_log_clean; then
		fail kernel-log "warnings in the guest kernel log"
		dmesg | grep -E -A 20 'WARNING:|BUG:|Oops|Call Trace' | head -60
	fi
	if [ "$WPV_FAILED" -gt 0 ]; then
		log "hostapd log"
		tail -30 /tmp/hostapd.log 2>/dev/null
		log "kernel log"
		dmesg | tail -40
	fi
}
