TESTS += test_charging
test_charging_SRCS := test_charging.c $(TOP)/userspace/charging_conf.c \
	$(TOP)/userspace/acct_record.c $(TOP)/userspace/ocsp.c \
	$(TOP)/userspace/hooks.c
test_charging_LIBS := -pthread
