#!/usr/bin/env bash
# Bounded soak of `waveopt serve` on 127.0.0.1 (docs/soak.md): builds the release binary if it
# is missing, then runs scripts/soak.py (Python 3 stdlib only). Exits non-zero on a failed check.
#
#   make soak                                   # 120 s, at most 20000 requests, 6 client threads
#   SOAK_SECONDS=30 SOAK_REQUESTS=500 make soak
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x target/release/waveopt ] || cargo build --release
exec python3 scripts/soak.py
