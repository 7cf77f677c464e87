TESTS += test_wpi
test_wpi_SRCS := test_wpi.c wpi_vectors.c sm4_ref.c $(TOP)/kernel/sms4.c \
	$(TOP)/kernel/wpi.c
