# Setup, build and run on a fresh Debian 12 machine:
#   make run    install what is missing, build, run the main job
#   make test   install what is missing, build, run every test
# Also: make build (tools in build/bin), make bench [QUICK=1], make fuzz [FUZZ_SECONDS=45],
# make install PREFIX=DIR, make clean.

BUILD_DIR ?= build
BUILD_TYPE ?= Release
PREFIX ?= /usr/local
CMAKE_FLAGS ?=
JOBS ?= $(shell nproc 2>/dev/null || echo 2)

.PHONY: all deps configure build run test bench fuzz install clean

all: build

deps:
	@scripts/install-deps.sh

$(BUILD_DIR)/build.ninja: | deps
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)

configure: deps $(BUILD_DIR)/build.ninja

build: configure
	cmake --build $(BUILD_DIR) -j $(JOBS)

run: build
	scripts/run-main.sh $(BUILD_DIR)

test: build
	cd $(BUILD_DIR) && ctest --output-on-failure -j $(JOBS)

bench: build
	$(BUILD_DIR)/bin/bench_tensor_ops $(if $(QUICK),--quick) --csv $(BUILD_DIR)/bench_tensor_ops.csv
	$(BUILD_DIR)/bin/bench_model_overhead $(if $(QUICK),--quick) --csv $(BUILD_DIR)/bench_model_overhead.csv
	$(BUILD_DIR)/bin/bench_j2 $(if $(QUICK),--quick) --csv $(BUILD_DIR)/bench_j2.csv

# The parser fuzz target, run for FUZZ_SECONDS (default 45).
FUZZ_SECONDS ?= 45
fuzz: build
	@scripts/install-deps.sh fuzz
	cmake -S . -B $(BUILD_DIR) -DNEML2_FUZZ=ON -DNEML2_FUZZ_SECONDS=$(FUZZ_SECONDS)
	cmake --build $(BUILD_DIR) --target fuzz_hit_build
	cd $(BUILD_DIR) && ctest --output-on-failure -L fuzz

install: build
	cmake --install $(BUILD_DIR) --prefix $(PREFIX)

clean:
	rm -rf $(BUILD_DIR)
