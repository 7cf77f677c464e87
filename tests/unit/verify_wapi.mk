TESTS += test_verify_wapi
test_verify_wapi_SRCS := test_verify_wapi.c $(TOP)/userspace/verify.c \
	$(TOP)/userspace/verify_wapi.c $(TOP)/userspace/sig.c \
	$(TOP)/userspace/resp_build.c $(TOP)/userspace/wai_resp.c \
	$(TOP)/userspace/wapi_pki.c $(TOP)/kernel/wpv_transcript.c \
	$(WAPI_LIB_SRCS)
