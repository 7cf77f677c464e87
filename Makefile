# SPDX-License-Identifier: GPL-2.0
#
# make             module and userspace tool
# make module      wapi_preview.ko against KDIR (Debian's packaged headers
#                  by default), W=1
# make userspace   userspace/wpv and userspace/wpv-wapi-pki
# make unit        native unit tests (cmocka)
# make kunit       KUnit suites under User Mode Linux
# make vmtest      end-to-end scenarios in a QEMU guest
# make style       checkpatch --strict on the module
# make check       all of the above, one summary line at the end

KVER ?= $(shell scripts/kver)
KDIR ?= /usr/src/linux-headers-$(KVER)

CC ?= cc
PKGS := libnl-genl-3.0 libnl-3.0 openssl radcli
USER_CFLAGS := -O2 -g -pthread -Wall -Wextra -Werror=implicit-function-declaration \
	-Iinclude/uapi -Ikernel $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
USER_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null) -pthread

# Plain C shared by the module and native builds.
PORTABLE_SRCS := kernel/wpv_transcript.c
# The WAPI PKI tool is a program of its own: its issuing code and main()
# stay out of wpv, the WAPI certificate library goes into both.
PKI_SRCS := userspace/wapi_mkcert.c userspace/wapi_pki.c
PKI_LIB_SRCS := userspace/wapi_ec.c userspace/wapi_key.c \
	userspace/wapi_cert.c userspace/wapi_der.c
WPV_SRCS := $(filter-out $(PKI_SRCS),$(wildcard userspace/*.c))

.PHONY: all module userspace unit kunit vmtest style check clean

all: module userspace

module:
	$(MAKE) -C $(KDIR) M=$(CURDIR) W=1 modules

userspace: userspace/wpv userspace/wpv-wapi-pki

userspace/wpv: $(WPV_SRCS) $(PORTABLE_SRCS) $(wildcard userspace/*.h) \
		include/uapi/linux/wapi_preview.h
	$(CC) $(USER_CFLAGS) -o $@ $(WPV_SRCS) $(PORTABLE_SRCS) $(USER_LIBS)

userspace/wpv-wapi-pki: $(PKI_SRCS) $(PKI_LIB_SRCS) \
		$(wildcard userspace/wapi_*.h) include/uapi/linux/wapi_preview.h
	$(CC) $(USER_CFLAGS) -o $@ $(PKI_SRCS) $(PKI_LIB_SRCS) \
		$(shell pkg-config --libs openssl 2>/dev/null)

unit:
	$(MAKE) -C tests/unit run

kunit:
	scripts/kunit.sh

vmtest: module userspace
	scripts/vm/run-scenarios.sh

style:
	scripts/style.sh

check:
	scripts/test.sh

clean:
	$(MAKE) -C $(KDIR) M=$(CURDIR) clean 2>/dev/null || true
	$(MAKE) -C tests/unit clean
	rm -f userspace/wpv userspace/wpv-wapi-pki
	rm -rf build

# WPI cipher throughput next to OpenSSL's SM4 (not part of check).
.PHONY: bench
bench:
	$(MAKE) -C scripts/bench run
