TESTS += test_agent_conf
test_agent_conf_SRCS := test_agent_conf.c $(TOP)/userspace/agent_conf.c
