# sanpi — the two commands are `make run` and `make test`; the rest are for developers.
BUILD ?= build
JOBS ?= $(shell nproc)
DB ?= sqlite:data/sanpi.db
LISTEN ?= 127.0.0.1:8080

.PHONY: run test build deps configure server web demo bench bench-sweep bench-ledger bench-progress fuzz format tidy clean

run: deps build demo
	@echo ""
	@echo "sanpi: http://$(LISTEN)  —  log in as admin / office / unit_zjj / leader1 / viewer / ent1, password Sanpi2026"
	@echo ""
	$(BUILD)/src/sanpi serve --db $(DB) --listen $(LISTEN) --web web/dist

test: deps build
	scripts/run-tests

build: server web

deps:
	scripts/install-deps

configure:
	@test -f $(BUILD)/build.ninja || cmake -S . -B $(BUILD) -G Ninja

server: configure
	ninja -C $(BUILD) -j $(JOBS)

web:
	cd web && npm run build

# The demo zone, once: a database that already has it is left as it is.
demo: server
	@$(BUILD)/src/sanpi demo --db $(DB) 2>/dev/null || echo "sanpi: $(DB) already holds the demo zone"

bench: deps
	bench/http-bench
	BUILD=build-release bench/sweep-bench

# The early-warning sweep over 100,000 projects (first, same day, next day), both backends.
bench-sweep: deps
	cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DSANPI_TESTS=OFF >/dev/null
	ninja -C build-release -j2 sanpi
	BUILD=build-release bench/sweep-bench

# The progress roll-up and forecast over 100,000 projects × 36 months of reports, both backends.
bench-progress: deps
	cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DSANPI_TESTS=OFF >/dev/null
	ninja -C build-release -j2 sanpi
	BUILD=build-release bench/progress-bench

# The 100,000-row ledger import (dry run, commit) and export on both backends, with peak memory.
bench-ledger: deps
	cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DSANPI_TESTS=OFF -DSANPI_BENCH=ON >/dev/null
	ninja -C build-release -j2 ledger_transfer
	BUILD=build-release bench/ledger-bench

fuzz:
	scripts/fuzz-xlsx 60

format:
	find src tests bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

tidy: configure
	find src -name '*.cpp' | xargs clang-tidy -p $(BUILD) --quiet

clean:
	rm -rf $(BUILD) build-release web/dist
