# SPDX-License-Identifier: GPL-2.0
#
# make             module and userspace tool
# make module      wapi_preview.ko against KDIR (Debian's packaged headers
#                  by default), W=1
# make userspace   userspace/wpv
# make unit        native unit tests (cmocka)
# make kunit       KUnit suites under User Mode Linux
# make vmtest      end-to-end scenarios in a QEMU guest
# make style       checkpatch --strict on the module
# make check       all of the above, one summary line at the end

KVER ?= $(shell scripts/kver)
KDIR ?= /usr/src/linux-headers-$(KVER)

CC ?= cc
PKGS := libnl-genl-3.0 libnl-3.0 openssl
USER_CFLAGS := -O2 -g -Wall -Wextra -Werror=implicit-function-declaration \
	-Iinclude/uapi -Ikernel $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
USER_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

# Plain C shared by the module and native builds.
PORTABLE_SRCS :=
WPV_SRCS := $(wildcard userspace/*.c)

.PHONY: all module userspace unit kunit vmtest style check clean

all: module userspace

module:
	$(MAKE) -C $(KDIR) M=$(CURDIR) W=1 modules

userspace: userspace/wpv

userspace/wpv: $(WPV_SRCS) $(PORTABLE_SRCS) $(wildcard userspace/*.h) \
		include/uapi/linux/wapi_preview.h
	$(CC) $(USER_CFLAGS) -o $@ $(WPV_SRCS) $(PORTABLE_SRCS) $(USER_LIBS)

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
	rm -f userspace/wpv
	rm -rf build
