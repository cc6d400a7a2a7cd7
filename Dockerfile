# One image for every app; the compose file and Kubernetes manifests choose the entry point.
# Targets the current Node LTS (the dev machine runs Node 20; the code runs on both).
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY scripts/copy-assets.js scripts/copy-assets.js
COPY apps apps
COPY libs libs
COPY tools tools
RUN npm run build && npm prune --omit=dev

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production HOST=0.0.0.0
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/dist dist
USER node
# Each service sets its own command, e.g. ["node", "dist/apps/ingest/src/main.js"].
CMD ["node", "dist/tools/provision.js"]
