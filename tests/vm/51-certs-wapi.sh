# As 50-certs-p256.sh, with WAPI certificates (the 192-bit WAPI curve).
# timeout: 300

. /wpv/tests/certs-lib.sh
certs_run wapi
