# The notifications the tests feed are built as the module sends them.
CFLAGS += -I$(TOP)/tests/charging $(shell pkg-config --cflags radcli)
TESTS += test_charge
test_charge_SRCS := test_charge.c $(TOP)/tests/charging/kernel_notes.c \
	$(TOP)/userspace/agent_charge.c $(TOP)/userspace/charge_decide.c \
	$(TOP)/userspace/sessions.c $(TOP)/userspace/agent_msg.c \
	$(TOP)/userspace/acct.c $(TOP)/userspace/acct_radius.c \
	$(TOP)/userspace/acct_record.c $(TOP)/userspace/charging_conf.c \
	$(TOP)/userspace/hooks.c $(TOP)/userspace/ocsp.c \
	$(TOP)/userspace/util.c
test_charge_LIBS := $(shell pkg-config --libs libnl-genl-3.0 radcli) -pthread
