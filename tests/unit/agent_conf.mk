TESTS += test_agent_conf
test_agent_conf_SRCS := test_agent_conf.c $(TOP)/userspace/agent_conf.c \
	$(TOP)/userspace/verify.c $(TOP)/userspace/sig.c \
	$(TOP)/userspace/wai_resp.c $(TOP)/kernel/wpv_transcript.c
