# waveopt HTTP service image: multi-stage (build with cargo, run on debian slim), non-root.
#   docker build -t waveopt:0.1.0 .
#   docker run --rm -p 8080:8080 -e WAVEOPT_API_KEYS=change-me waveopt:0.1.0
FROM rust:1-bookworm AS build
# HiGHS is built from source by highs-sys: it needs cmake, clang and libclang.
RUN apt-get update \
 && apt-get install -y --no-install-recommends cmake clang libclang-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
# Exactly what `cargo build` reads: the manifest and lock, the code, and what the code compiles
# in (datasets/ for the sample and preset waves, web/ for the planner page, assets/fonts/ for
# the report charts) or Cargo.toml declares (benches/). `make test` builds this set in a
# temporary directory (scripts/docker-context.sh), so the image cannot drift from the code.
COPY Cargo.toml Cargo.lock ./
COPY src ./src
COPY datasets ./datasets
COPY web ./web
COPY assets ./assets
COPY benches ./benches
RUN cargo build --release --locked --bin waveopt \
 && strip target/release/waveopt

FROM debian:bookworm-slim
# HiGHS is C++: the binary needs libstdc++ and libgcc_s, nothing else.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libstdc++6 ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin waveopt
COPY --from=build /src/target/release/waveopt /usr/local/bin/waveopt
USER 10001:10001
# In a container the service must listen on every interface; the default is 127.0.0.1.
ENV WAVEOPT_BIND=0.0.0.0 \
    WAVEOPT_PORT=8080 \
    WAVEOPT_LOG_FORMAT=json
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/waveopt"]
CMD ["serve"]
