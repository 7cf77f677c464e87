# The real agent and responder with P-256 certificates: an honest station
# verified and its held stream released; wrong key, expired, not yet
# valid, revoked, unknown CA, wrong key usage and a replayed answer
# blocked, each with its reason in the agent's log and in wpv show.
# timeout: 300

. /wpv/tests/certs-lib.sh
certs_run p256
