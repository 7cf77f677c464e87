TESTS += test_sms4
test_sms4_SRCS := test_sms4.c wpi_vectors.c sm4_ref.c $(TOP)/kernel/sms4.c
