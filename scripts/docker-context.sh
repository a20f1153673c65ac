#!/usr/bin/env bash
# The image's build, without a Docker daemon: copies exactly what the Dockerfile's build stage
# COPYs (less what .dockerignore drops at the top level) into a temporary directory and
# compiles the binary there with `cargo check --release --locked`, so that a file the build
# needs but the Dockerfile misses fails `make test`.
#
# It shares this checkout's target/ (CARGO_TARGET_DIR), so the dependencies are compiled once
# and only the copied crate is checked again: a few seconds warm, not a cold build.
# Understands the Dockerfile forms used here: `COPY SRC... DEST` with DEST relative to WORKDIR,
# up to the second FROM (the runtime stage).
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$PWD"
context="$(mktemp -d "${TMPDIR:-/tmp}/waveopt-docker-context.XXXXXX")"
trap 'rm -rf "$context"' EXIT

stage=0
while read -r instruction rest; do
    case "${instruction^^}" in
        FROM) stage=$((stage + 1)); [ "$stage" -gt 1 ] && break ;;
        COPY)
            read -r -a args <<<"$rest"
            sources=()
            for arg in "${args[@]}"; do
                case "$arg" in --*) ;; *) sources+=("$arg") ;; esac
            done
            dest="${sources[-1]}"
            unset 'sources[-1]'
            dest="${dest#./}"
            for source in "${sources[@]}"; do
                if [ ! -e "$repo/$source" ]; then
                    echo "docker-context: COPY $source: no such file in the repository" >&2
                    exit 1
                fi
                if [[ "$dest" == */ || -z "$dest" ]]; then
                    target="$context/$dest$(basename "$source")"
                else
                    target="$context/$dest"
                fi
                mkdir -p "$(dirname "$target")"
                cp -R "$repo/$source" "$target"
            done
            ;;
    esac
done < <(sed -e 's/#.*//' Dockerfile)

# .dockerignore: top-level patterns remove from the context (negations are not needed here).
if [ -f .dockerignore ]; then
    while read -r pattern; do
        case "$pattern" in ''|'#'*|'!'*) continue ;; esac
        (cd "$context" && shopt -s nullglob dotglob && for hit in $pattern; do rm -rf "$hit"; done)
    done < .dockerignore
fi

echo "docker-context: checking the image's build context ($(cd "$context" && ls | tr '\n' ' '))"
CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}" \
    cargo check --release --locked --bin waveopt --manifest-path "$context/Cargo.toml" --quiet
echo "docker-context: the Dockerfile's COPY set compiles"
