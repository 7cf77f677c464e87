# libnl only for the station message type show_fmt.c prints.
CFLAGS += $(shell pkg-config --cflags libnl-genl-3.0)
TESTS += test_show
test_show_SRCS := test_show.c $(TOP)/userspace/show_fmt.c \
	$(TOP)/userspace/gate_fmt.c $(TOP)/userspace/sessions.c
test_show_LIBS := $(shell pkg-config --libs libnl-genl-3.0)
