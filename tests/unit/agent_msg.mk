# libnl for the agent's message tests; harmless for the others.
CFLAGS += $(shell pkg-config --cflags libnl-genl-3.0)
TESTS += test_agent_msg
test_agent_msg_SRCS := test_agent_msg.c $(TOP)/userspace/agent_msg.c \
	$(TOP)/userspace/agent_pool.c $(TOP)/userspace/verify.c \
	$(TOP)/userspace/sig.c $(TOP)/userspace/wai_resp.c \
	$(TOP)/kernel/wpv_transcript.c
test_agent_msg_LIBS := $(shell pkg-config --libs libnl-genl-3.0) -pthread
