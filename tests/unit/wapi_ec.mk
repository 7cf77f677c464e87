TESTS += test_wapi_ec
test_wapi_ec_SRCS := test_wapi_ec.c $(TOP)/userspace/wapi_ec.c \
	$(TOP)/userspace/wapi_key.c $(TOP)/userspace/wapi_cert.c \
	$(TOP)/userspace/wapi_der.c $(TOP)/userspace/wapi_pki.c
