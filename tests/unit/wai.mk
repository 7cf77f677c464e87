TESTS += test_wai
test_wai_SRCS := test_wai.c $(TOP)/kernel/wai.c
