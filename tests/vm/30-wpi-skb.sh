# The exported WPI sk_buff API, called from another module as a driver
# would: round trips of every frame shape, skbs short of room, cloned and
# non-linear skbs, and the rejections (bad MIC, replay, wrong parity,
# short frame).  The test module logs one line per check.
# timeout: 90

check module-loads load_module
check test-module-loads insmod /wpv/extra/wpv_wpi_skb_test.ko
dmesg | sed -n 's/.*wpi_skb_test: \(PASS\|FAIL\) \(.*\)/\1 \2/p' > /tmp/wpi.txt
while read -r res name rest; do
	if [ "$res" = PASS ]; then
		pass "$name"
	else
		fail "$name" "error ${rest:-?}"
	fi
done < /tmp/wpi.txt
check all-checks-ran sh -c 'dmesg | grep -q "wpi_skb_test: DONE 0 failed"'
check expected-count test "$(wc -l < /tmp/wpi.txt)" -ge 13
check test-module-unloads rmmod wpv_wpi_skb_test
check module-unloads unload_module
