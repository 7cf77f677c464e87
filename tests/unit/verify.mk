TESTS += test_verify
test_verify_SRCS := test_verify.c $(TOP)/userspace/verify.c \
	$(TOP)/userspace/sig.c $(TOP)/userspace/wai_resp.c \
	$(TOP)/kernel/wpv_transcript.c
