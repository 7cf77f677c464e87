# Deliberately hanging: the guest never finishes and must be stopped.
# timeout: 25
sleep 100000
