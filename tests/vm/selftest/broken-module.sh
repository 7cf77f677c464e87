# Deliberately broken: a truncated module must fail to load, and the
# harness must report it.
# timeout: 60
head -c 4096 /wpv/wapi_preview.ko > /tmp/broken.ko
check module-loads insmod /tmp/broken.ko
