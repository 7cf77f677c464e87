# Deliberately failing: a check that fails inside the guest.
# timeout: 60
check always-false false
