TESTS += test_agent_pool
test_agent_pool_SRCS := test_agent_pool.c $(TOP)/userspace/agent_pool.c \
	$(TOP)/userspace/verify.c $(TOP)/userspace/sig.c \
	$(TOP)/userspace/wai_resp.c $(TOP)/kernel/wpv_transcript.c
test_agent_pool_LIBS := -pthread
