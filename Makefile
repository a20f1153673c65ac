# waveopt — two commands set everything up on a fresh machine:
#   make run    installs what is missing, builds, and plans the bundled sample wave
#   make test   runs every test (the CI gate)
SHELL := /bin/bash
CARGO ?= cargo
BIN := target/release/waveopt
SAMPLE := datasets/sample/wave.json

.PHONY: run test deps build lint fmt bench bench-criterion orlib-large test-long clean-out help fuzz audit

help:
	@echo "make run | test | test-redis | test-long | lint | bench | bench-criterion | orlib-large | fuzz | e2e"

deps:
	@bash scripts/install-deps.sh

build: deps
	$(CARGO) build --release

run: build
	@mkdir -p out
	$(BIN) plan $(SAMPLE) --out out/sample.plan.json --check
	@echo "plan written to out/sample.plan.json"

test: deps
	$(CARGO) build --release --all-targets
	$(CARGO) test --release --all-targets
	$(CARGO) test --release --doc
	@bash scripts/audit.sh
	@bash scripts/docker-context.sh

# Plan jobs on the Redis store (docs/http.md): installs redis-server if missing; each test
# starts its own server on a free 127.0.0.1 port, and two `waveopt serve` replicas share one.
.PHONY: test-redis
test-redis: deps
	@bash scripts/install-redis.sh
	$(CARGO) test --release --test service_jobs_redis -- --ignored

# Supply chain: cargo-deny licenses, bans, sources (offline; installs cargo-deny if missing).
audit:
	@bash scripts/audit.sh

# Bounded fuzzing, FUZZ_SECONDS per target (default 60); see docs/reliability.md.
fuzz: deps
	@bash scripts/fuzz.sh

lint: deps
	$(CARGO) fmt --check
	$(CARGO) clippy --all-targets -- -D warnings

# Long suites live outside `make test`.
bench: build
	$(BIN) bench --presets s,m --repeat 1

bench-criterion: deps
	$(CARGO) bench

orlib-large: deps
	$(CARGO) test --release --test orlib_optima -- --ignored --nocapture

# More time never hurts: the M preset at 10, 30 and 300 s (about six minutes).
test-long: deps
	$(CARGO) test --release --test more_time -- --ignored --nocapture

# HTTP service (docs/http.md). `serve` listens on 127.0.0.1:8080; the two suites below start
# their own server on 127.0.0.1 and live outside `make test`.
.PHONY: serve loadtest schemathesis
serve: build
	$(BIN) serve

loadtest: build
	@bash scripts/loadtest.sh

schemathesis: build
	@bash scripts/schemathesis.sh

# Planner page in a real browser (docs/planner.md): installs chromium and playwright-core if
# missing, starts the release binary on 127.0.0.1, screenshots in target/e2e/.
.PHONY: e2e
e2e: build
	@bash scripts/e2e.sh

# Bounded soak of the HTTP service (docs/soak.md): valid, invalid, malformed, oversized and
# wrong-type requests plus client hang-ups against a server on a free 127.0.0.1 port; checks
# no 5xx on valid input, well-formed bodies and flat RSS. SOAK_SECONDS (120), SOAK_REQUESTS.
.PHONY: soak
soak: build
	@bash scripts/soak.sh
