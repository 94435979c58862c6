#!/usr/bin/env bash
# A CPython that pyenv does not have here (3.14), from Debian's newer suite in a chroot.
#
#   bash .ci/lib/debian-python.sh ensure              # make (or reuse) the chroot, print its path
#   bash .ci/lib/debian-python.sh run DIR CMD [ARG…]  # run CMD inside, with DIR mounted at /src
#
# The chroot is a minbase debootstrap of Debian unstable with python3.X and python3.X-venv
# from Debian's archive (apt as this machine configures it). It is cached under
# $ZOOMSIG_CI_CACHE (default /var/cache/zoomsig-ci) and rebuilt only when missing, so the
# first run on a fresh machine costs about 5 minutes and later runs nothing. Needs root
# (debootstrap, chroot, mount); the mounts live in a private mount namespace (unshare) and
# vanish with it, so nothing is left mounted on the host.
set -euo pipefail

version=${ZOOMSIG_DEBIAN_PYTHON:-3.14}
suite=${ZOOMSIG_DEBIAN_SUITE:-sid}
mirror=${ZOOMSIG_DEBIAN_MIRROR:-http://deb.debian.org/debian}
cache=${ZOOMSIG_CI_CACHE:-/var/cache/zoomsig-ci}
root="$cache/debian-$suite-python$version"

ensure() {
  if [ -f "$root/.zoomsig-ready" ]; then
    echo "$root"
    return
  fi
  mkdir -p "$cache"
  if ! command -v debootstrap >/dev/null 2>&1; then
    echo "installing debootstrap" >&2
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >&2
  fi
  local partial="$root.partial"
  rm -rf "$partial"
  echo "debootstrap $suite into $partial (once; cached afterwards)" >&2
  debootstrap --variant=minbase --include=ca-certificates "$suite" "$partial" "$mirror" >&2
  cp /etc/resolv.conf "$partial/etc/resolv.conf"
  # This machine's apt points at a fixed snapshot of the archive, whose Release files
  # are past their Valid-Until date; debootstrap does not check that, apt does.
  echo 'Acquire::Check-Valid-Until "false";' >"$partial/etc/apt/apt.conf.d/99zoomsig-ci"
  chroot "$partial" sh -c "apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --no-install-recommends python$version python$version-venv" >&2
  chroot "$partial" "python$version" --version >&2
  touch "$partial/.zoomsig-ready"
  mv "$partial" "$root"
  echo "$root"
}

run() {
  local src=$1
  shift
  ensure >/dev/null
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  mkdir -p "$root/src" "$root/opt" "$root/host-ca"
  # pip inside uses this machine's pip configuration, certificate bundle and local
  # package directories (/opt), exactly as pip outside does.
  [ -f /etc/pip.conf ] && cp /etc/pip.conf "$root/etc/pip.conf"
  cp "${PIP_CERT:-/etc/ssl/certs/ca-certificates.crt}" "$root/host-ca/ca.crt"
  local quoted
  quoted=$(printf '%q ' "$@")
  unshare --mount --propagation private bash -euo pipefail -c "
    mount -t proc proc '$root/proc'
    mount --rbind /dev '$root/dev'
    mount --bind /opt '$root/opt'
    mount --bind '$src' '$root/src'
    chroot '$root' env -i PATH=/usr/local/bin:/usr/bin:/bin HOME=/root LANG=C.UTF-8 \
      CI='${CI:-}' PYTHONHASHSEED=0 PIP_CERT=/host-ca/ca.crt PIP_DISABLE_PIP_VERSION_CHECK=1 \
      PIP_NO_INPUT=1 PIP_DEFAULT_TIMEOUT=180 ${PIP_FIND_LINKS:+PIP_FIND_LINKS=$PIP_FIND_LINKS} \
      bash -euo pipefail -c 'cd /src && exec \"\$@\"' bash $quoted"
}

case ${1:-} in
  ensure) ensure ;;
  run) shift; run "$@" ;;
  *) echo "usage: $0 ensure | run DIR CMD [ARG...]" >&2; exit 2 ;;
esac
