# Tòa soạn — ảnh chạy production (Node 22 LTS). Xem README "Chạy bằng container".
#   docker build --build-arg NEXT_SERVER_ACTIONS_ENCRYPTION_KEY="$(openssl rand -base64 32)" -t toa-soan .
# Cùng một ảnh cho mọi instance: cùng bản build, cùng khóa server action (đặt lại giá trị đó ở mọi instance khi chạy).

FROM node:22-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM deps AS build
ARG NEXT_SERVER_ACTIONS_ENCRYPTION_KEY
COPY . .
# Dev dependencies stay: the operator's commands run in this image too (npm run db:migrate, user:create, …, through tsx).
RUN npx next build

FROM node:22-bookworm-slim AS run
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/app/data
WORKDIR /app
# The server (scripts/serve.mjs) runs the build with the plain-ESM modules it loads beside it
# (scripts/, lib/*.mjs, server/cache/*.mjs), the migrations (drizzle/) and public/.
COPY --from=build --chown=node:node /app ./
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
VOLUME ["/app/data"]
# Ready: database reachable, migrations applied, Redis answering (GET /api/health/ready, 1 s per check).
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM drains the requests in flight (SHUTDOWN_GRACE_MS) and exits 0; keep docker's stop timeout above it.
STOPSIGNAL SIGTERM
CMD ["node", "scripts/serve.mjs"]
