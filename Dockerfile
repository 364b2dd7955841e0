# llmleak in a container, for CI systems other than GitHub Actions:
#   docker build -t llmleak .
#   docker run --rm -v "$PWD:/src" -w /src llmleak scan .
# The build stage needs a C compiler (tree-sitter is built with cgo); the
# runtime stage only the C library the binary links.
FROM golang:1.22-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=1 go build -trimpath -ldflags "-s -w" -o /out/llmleak ./cmd/llmleak && /out/llmleak version

FROM debian:bookworm-slim
COPY --from=build /out/llmleak /usr/local/bin/llmleak
RUN useradd --system --uid 10001 llmleak
USER llmleak
ENTRYPOINT ["llmleak"]
CMD ["--help"]
