TESTS += test_transcript
test_transcript_SRCS := test_transcript.c $(TOP)/kernel/wpv_transcript.c
