# ghl-bridge from this repository. The first stage builds and packs the packages; the second
# installs the tarballs with production dependencies only, as a user installs them from npm.
# Every command here also runs in CI, in `npm run test:packages` (scripts/packagedSmoke.mjs):
# `npm ci`, `npm pack` of the three packages, `npm install --omit=dev --ignore-scripts` of the tarballs into a
# fresh project, then `ghl-bridge migrate`, `ghl-bridge start --no-worker` and `ghl-bridge worker`.
#
#   docker build -t ghl-bridge .
#   docker compose up            (compose.yaml: PostgreSQL, migrations, the API, two workers)

FROM node:22-bookworm-slim AS pack
WORKDIR /src
COPY . .
RUN npm ci --no-audit --no-fund \
  && mkdir /tarballs \
  && npm pack --pack-destination /tarballs \
    --workspace packages/client --workspace packages/emulator --workspace packages/server

FROM node:22-bookworm-slim
ENV NODE_ENV=production \
    GHL_BRIDGE_DATA_DIR=/var/lib/ghl-bridge \
    PATH=/opt/ghl-bridge/node_modules/.bin:$PATH
WORKDIR /opt/ghl-bridge
COPY --from=pack /tarballs /tmp/tarballs
RUN echo '{ "name": "ghl-bridge-deployment", "private": true }' > package.json \
  && npm install --omit=dev --ignore-scripts --no-audit --no-fund /tmp/tarballs/*.tgz \
  && rm -rf /tmp/tarballs /root/.npm \
  && mkdir -p "$GHL_BRIDGE_DATA_DIR" && chown node:node "$GHL_BRIDGE_DATA_DIR"
USER node
# The embedded database and its keys, when no DATABASE_URL is set (compose.yaml sets one).
VOLUME /var/lib/ghl-bridge
EXPOSE 3000
ENTRYPOINT ["ghl-bridge"]
CMD ["start", "--host", "0.0.0.0", "--port", "3000"]
