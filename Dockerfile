# The ChapterDesk sync server as a container image: built JavaScript (out/cli), production
# dependencies only, run as an unprivileged user. See "Run the server for real" in the README.
#
#   docker build -t chapterdesk-server .
#   docker run -d --name chapterdesk-server -p 127.0.0.1:8787:8787 \
#     -e DATABASE_URL=postgres://chapterdesk:PASSWORD@db.internal:5432/chapterdesk \
#     -e CHAPTERDESK_ADMIN_TOKEN=... chapterdesk-server --trust-proxy 172.17.0.1
#
# Without DATABASE_URL the server keeps an embedded PGlite database in the /data volume.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# No desktop shell in the image: the Electron binary is never downloaded.
ENV ELECTRON_SKIP_BINARY_DOWNLOAD=1
# better-sqlite3 comes prebuilt for Node; these build it where no prebuilt binary exists.
RUN apt-get update -qq && apt-get install -y -qq --no-install-recommends python3 make g++ >/dev/null \
  && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
COPY scripts ./scripts
RUN npm ci --no-audit --no-fund
COPY tsconfig.base.json tsconfig.json tsconfig.node.json ./
COPY src ./src
COPY bin ./bin
RUN node scripts/build-node.mjs && npm prune --omit=dev --no-audit --no-fund

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production \
    XDG_DATA_HOME=/data \
    XDG_STATE_HOME=/data/state
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/bin ./bin
COPY --from=build /app/out/cli ./out/cli
RUN mkdir -p /data && chown node:node /data && chmod 0700 /data
USER node
VOLUME /data
EXPOSE 8787
# Ready: the database answers and has this build's schema (GET /readyz; /livez for liveness).
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:8787/readyz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "bin/chapterdesk.js", "server", "--host", "0.0.0.0", "--port", "8787"]
