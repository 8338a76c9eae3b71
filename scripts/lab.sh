#!/usr/bin/env bash
# The lab: real engines on a Debian machine, for development, demos and CI.
#   scripts/lab.sh up     install and start dockerd, libvirtd (+ virtlogd), build the busybox image
#   scripts/lab.sh demo   start sample containers (and tiny VMs) with varied limits and loads
#   scripts/lab.sh down   remove what `demo` made (engines keep running)
#   scripts/lab.sh stop-docker | stop-libvirt   stop one daemon (tests use these to prove reconnection)
#   scripts/lab.sh owns dockerd|libvirtd       exit 0 when the running daemon is one the lab started
# Idempotent: a daemon is started only when it does not answer; a stale pid file is cleared.
# A daemon the lab starts is marked as the lab's (its pid under $OWNED_DIR). Only marked daemons are
# ever stopped — by `stop-*` and so by the tests — so a developer's own dockerd or libvirtd is never touched.
set -euo pipefail

IMAGE=${NEIGHBORHOOD_IMAGE:-neighborhood/busybox:latest}
DEMO_LABEL=neighborhood.demo=1
LIBVIRT_URI=qemu:///system
IMAGES_DIR=/var/lib/libvirt/images
LOG_DIR=/var/log/neighborhood-lab
DOCKER=/usr/bin/docker
OWNED_DIR=/run/neighborhood-lab

need_root() { [ "$(id -u)" = 0 ] || { echo "lab.sh: run as root" >&2; exit 1; }; }
log() { echo "lab: $*"; }

wait_for() { # wait_for <seconds> <command...>
  local limit=$1; shift
  for _ in $(seq 1 $((limit * 4))); do "$@" >/dev/null 2>&1 && return 0; sleep 0.25; done
  return 1
}

mark_owned() { # mark_owned <daemon name> <pid>
  mkdir -p "$OWNED_DIR"
  echo "$2" >"$OWNED_DIR/$1.pid"
}

owned_pid() { # prints the pid of the running daemon the lab started, or fails
  local name=$1 pid
  pid=$(cat "$OWNED_DIR/$name.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$name" ] || return 1
  echo "$pid"
}

clear_stale_pid() { # a pid file whose process is gone stops the daemon from starting
  local f=$1
  if [ -f "$f" ] && ! kill -0 "$(cat "$f" 2>/dev/null)" 2>/dev/null; then rm -f "$f"; fi
}

install_packages() {
  local pkgs=(docker.io busybox-static libvirt-daemon libvirt-daemon-driver-qemu libvirt-clients libvirt-dev
    qemu-system-x86 qemu-utils chromium xvfb valgrind pkg-config iproute2 procps)
  local missing=()
  for p in "${pkgs[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

start_dockerd() {
  if $DOCKER info >/dev/null 2>&1; then log "dockerd already answers"; return; fi
  clear_stale_pid /var/run/docker.pid
  clear_stale_pid /run/docker/containerd/containerd.pid
  log "starting dockerd"
  setsid nohup /usr/sbin/dockerd >"$LOG_DIR/dockerd.log" 2>&1 </dev/null &
  wait_for 60 $DOCKER info || { tail -20 "$LOG_DIR/dockerd.log" >&2; echo "dockerd did not start" >&2; exit 1; }
  mark_owned dockerd "$(cat /var/run/docker.pid)"
}

prepare_libvirt() {
  mkdir -p /var/log/libvirt /var/run/libvirt /var/lib/libvirt/qemu "$IMAGES_DIR"
  getent group kvm >/dev/null || groupadd -r kvm
  getent group libvirt >/dev/null || groupadd -r libvirt
  getent group libvirt-qemu >/dev/null || groupadd -r libvirt-qemu
  getent passwd libvirt-qemu >/dev/null || useradd -r -g libvirt-qemu -G kvm -d /var/lib/libvirt -s /usr/sbin/nologin libvirt-qemu
  # No SELinux/AppArmor labelling in this sandbox; QEMU runs as root so it can read our images.
  local conf=/etc/libvirt/qemu.conf
  grep -qs '^security_driver = "none"' "$conf" || echo 'security_driver = "none"' >>"$conf"
  grep -qs '^user = "root"' "$conf" || echo 'user = "root"' >>"$conf"
  grep -qs '^group = "root"' "$conf" || echo 'group = "root"' >>"$conf"
}

start_libvirtd() {
  prepare_libvirt
  if ! pgrep -x virtlogd >/dev/null; then
    clear_stale_pid /var/run/virtlogd.pid
    virtlogd -d
  fi
  if virsh -c "$LIBVIRT_URI" version >/dev/null 2>&1; then log "libvirtd already answers"; return; fi
  clear_stale_pid /var/run/libvirtd.pid
  log "starting libvirtd"
  libvirtd -d
  wait_for 60 virsh -c "$LIBVIRT_URI" version || { echo "libvirtd did not start" >&2; exit 1; }
  mark_owned libvirtd "$(cat /var/run/libvirtd.pid)"
}

build_image() {
  if $DOCKER image inspect "$IMAGE" >/dev/null 2>&1; then log "image $IMAGE present"; return; fi
  log "building $IMAGE from Debian's static busybox"
  local root; root=$(mktemp -d)
  mkdir -p "$root/bin" "$root/tmp" "$root/proc" "$root/sys" "$root/dev" "$root/etc"
  cp /bin/busybox "$root/bin/busybox"
  for applet in $(/bin/busybox --list); do [ -e "$root/bin/$applet" ] || ln -s busybox "$root/bin/$applet"; done
  echo 'root:x:0:0:root:/:/bin/sh' >"$root/etc/passwd"
  tar -C "$root" -c . | $DOCKER import -c 'ENV PATH=/bin' -c 'CMD ["/bin/sh"]' - "$IMAGE" >/dev/null
  rm -rf "$root"
}

demo_container() { # demo_container <name> <docker run flags...> -- <command...>
  local name=$1; shift
  if $DOCKER inspect "$name" >/dev/null 2>&1; then
    # Left over from an earlier demo (or stopped with dockerd): bring it back rather than duplicate it.
    [ "$($DOCKER inspect -f '{{.State.Status}}' "$name")" = exited ] && [ "$name" != nbh-demo-done ] && $DOCKER start "$name" >/dev/null
    return 0
  fi
  local flags=()
  while [ "$1" != -- ]; do flags+=("$1"); shift; done; shift
  $DOCKER run -d --name "$name" --label "$DEMO_LABEL" "${flags[@]}" "$IMAGE" "$@" >/dev/null
}

demo_vm() { # demo_vm <name> <vcpus> <MiB>
  local name=$1 vcpus=$2 mib=$3 disk="$IMAGES_DIR/$1.qcow2"
  if virsh -c "$LIBVIRT_URI" dominfo "$name" >/dev/null 2>&1; then
    virsh -c "$LIBVIRT_URI" start "$name" >/dev/null 2>&1 || true
    return
  fi
  [ -f "$disk" ] || qemu-img create -q -f qcow2 "$disk" 64M
  local xml; xml=$(mktemp)
  cat >"$xml" <<XML
<domain type='qemu'>
  <name>$name</name>
  <description>Neighborhood lab demo VM</description>
  <memory unit='MiB'>$mib</memory>
  <vcpu>$vcpus</vcpu>
  <os><type arch='x86_64' machine='pc'>hvm</type><boot dev='hd'/></os>
  <features><acpi/></features>
  <devices>
    <emulator>/usr/bin/qemu-system-x86_64</emulator>
    <disk type='file' device='disk'>
      <driver name='qemu' type='qcow2'/>
      <source file='$disk'/>
      <target dev='vda' bus='virtio'/>
    </disk>
    <interface type='user'><mac address='52:54:00:00:aa:0$vcpus'/><model type='virtio'/></interface>
    <graphics type='vnc' autoport='yes' listen='127.0.0.1'/>
    <memballoon model='virtio'/>
  </devices>
</domain>
XML
  virsh -c "$LIBVIRT_URI" define "$xml" >/dev/null
  rm -f "$xml"
  virsh -c "$LIBVIRT_URI" start "$name" >/dev/null
}

cmd_up() {
  need_root
  mkdir -p "$LOG_DIR"
  install_packages
  start_dockerd
  start_libvirtd
  build_image
  log "up: docker $($DOCKER version -f '{{.Server.Version}}'), libvirt $(virsh -c "$LIBVIRT_URI" version --daemon | awk '/daemon/ {print $NF}')"
}

cmd_demo() {
  cmd_up
  demo_container nbh-demo-web --memory 64m --cpus 0.5 -p 127.0.0.1:18080:8080 -- httpd -f -p 8080
  demo_container nbh-demo-burner --memory 32m --cpus 0.25 -- sh -c 'while :; do :; done'
  demo_container nbh-demo-cache --memory 256m -- sh -c 'dd if=/dev/zero of=/tmp/fill bs=1M count=40 2>/dev/null; sleep 1000000'
  demo_container nbh-demo-worker --cpus 1 -- sh -c 'while :; do dd if=/dev/zero of=/dev/null bs=1M count=20 2>/dev/null; sleep 2; done'
  demo_container nbh-demo-idle -- sleep 1000000
  demo_container nbh-demo-paused --memory 16m -- sleep 1000000
  [ "$($DOCKER inspect -f '{{.State.Paused}}' nbh-demo-paused)" = true ] || $DOCKER pause nbh-demo-paused >/dev/null
  demo_container nbh-demo-done -- true
  demo_vm nbh-demo-small 1 128
  demo_vm nbh-demo-large 2 256
  log "demo: $($DOCKER ps -aq --filter label=$DEMO_LABEL | wc -l) containers, $(virsh -c "$LIBVIRT_URI" list --all --name | grep -c '^nbh-demo-') VMs"
}

cmd_down() {
  need_root
  if $DOCKER info >/dev/null 2>&1; then
    local ids; ids=$($DOCKER ps -aq --filter "label=$DEMO_LABEL")
    [ -z "$ids" ] || $DOCKER rm -f $ids >/dev/null
  fi
  if virsh -c "$LIBVIRT_URI" version >/dev/null 2>&1; then
    for vm in $(virsh -c "$LIBVIRT_URI" list --all --name | grep '^nbh-demo-' || true); do
      virsh -c "$LIBVIRT_URI" destroy "$vm" >/dev/null 2>&1 || true
      virsh -c "$LIBVIRT_URI" undefine "$vm" --snapshots-metadata --remove-all-storage >/dev/null 2>&1 ||
        virsh -c "$LIBVIRT_URI" undefine "$vm" --snapshots-metadata >/dev/null
      rm -f "$IMAGES_DIR/$vm.qcow2"
    done
  fi
  log "down: demo containers and VMs removed"
}

stop_daemon() { # stop_daemon <process name>: TERM, wait, then KILL — only a daemon the lab started
  local name=$1 pid
  if ! pid=$(owned_pid "$name"); then
    if pgrep -x "$name" >/dev/null; then
      echo "lab.sh: the running $name was not started by the lab; refusing to stop it" >&2
      exit 3
    fi
    log "$name is not running"
    return 0
  fi
  kill -TERM "$pid"
  for _ in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -0 "$pid" 2>/dev/null && kill -KILL "$pid"
  rm -f "$OWNED_DIR/$name.pid"
  log "$name stopped"
}

case "${1:-}" in
  stop-docker) need_root; stop_daemon dockerd ;;
  stop-libvirt) need_root; stop_daemon libvirtd ;;
  owns)
    case "${2:-}" in dockerd | libvirtd) ;; *) echo "usage: $0 owns dockerd|libvirtd" >&2; exit 2 ;; esac
    owned_pid "$2" >/dev/null ;;
  up) cmd_up ;;
  demo) cmd_demo ;;
  down) cmd_down ;;
  *) echo "usage: $0 up|demo|down|stop-docker|stop-libvirt|owns <daemon>" >&2; exit 2 ;;
esac
