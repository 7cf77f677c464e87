TESTS += test_wai_resp
test_wai_resp_SRCS := test_wai_resp.c $(TOP)/userspace/wai_resp.c
