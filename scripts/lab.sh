#!/usr/bin/env bash
# The lab: real engines on a Debian machine, for development, demos and CI.
#   scripts/lab.sh up     install and start dockerd, libvirtd (+ virtlogd), build the busybox image
#   scripts/lab.sh demo   start sample containers (and tiny VMs) with varied limits and loads
#   scripts/lab.sh down   remove what `demo` made (engines keep running)
#   scripts/lab.sh stop-docker | stop-libvirt   stop one daemon (tests use these to prove reconnection)
#   scripts/lab.sh owns dockerd|libvirtd       exit 0 when the running daemon is one the lab started
#   scripts/lab.sh remote-up     more engines on this machine, as if elsewhere (after `up`): a second dockerd
#                                (own socket and netns), Docker over TLS and plain TCP on loopback, a dockerd
#                                in its own UTS namespace (another hostname), sshd on loopback, Podman's service
#                                with a pod; writes what the tests need to $REMOTE_JSON
#   scripts/lab.sh remote-down   stops what remote-up started (its data and keys stay for the next remote-up)
#   scripts/lab.sh stop-far | start-far   the far machine (its dockerd and TCP front) goes away / comes back
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

owned_pid() { # owned_pid <name> [process name]: prints the pid of the running process the lab started, or fails
  local name=$1 comm=${2:-$1} pid
  pid=$(cat "$OWNED_DIR/$name.pid" 2>/dev/null) || return 1
  [ -n "$pid" ] && [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = "$comm" ] || return 1
  echo "$pid"
}

clear_stale_pid() { # a pid file whose process is gone stops the daemon from starting
  local f=$1
  if [ -f "$f" ] && ! kill -0 "$(cat "$f" 2>/dev/null)" 2>/dev/null; then rm -f "$f"; fi
}

install_packages() {
  local pkgs=(docker.io busybox-static libvirt-daemon libvirt-daemon-driver-qemu libvirt-clients libvirt-dev
    qemu-system-x86 qemu-utils chromium xvfb valgrind pkg-config iproute2 procps
    socat openssl openssh-server openssh-client podman curl)
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

# ───────────────────────── remote-up: more engines, as if on other machines ─────────────────────────
# Everything listens on loopback or sits in namespaces made here. Runtime files (sockets, pids, the JSON
# the tests read) live under $REMOTE_RUN; data roots, certificates and keys under $REMOTE_DATA, so a
# second remote-up reuses them.
REMOTE_RUN=$OWNED_DIR/remote
REMOTE_DATA=/var/lib/neighborhood-lab
REMOTE_JSON=$REMOTE_RUN/remote.json
TLS_DIR=$REMOTE_DATA/tls
SSH_DIR=$REMOTE_DATA/ssh
DOCKER2_SOCK=$REMOTE_RUN/docker2.sock
FAR_SOCK=$REMOTE_RUN/far.sock
FAR_HOSTNAME=nbh-lab-far
PODMAN_SOCK=$REMOTE_RUN/podman.sock
TLS_PORT=${NEIGHBORHOOD_LAB_TLS_PORT:-23760}
FAR_PORT=${NEIGHBORHOOD_LAB_FAR_PORT:-23750}
SSH_PORT=${NEIGHBORHOOD_LAB_SSH_PORT:-22220}
# The lab's own Podman storage, state and events, apart from any Podman of the machine's user.
PODMAN=(podman --root "$REMOTE_DATA/podman" --runroot "$REMOTE_RUN/podman-run" --tmpdir "$REMOTE_RUN/podman-tmp"
  --cgroup-manager cgroupfs --events-backend file)
PODMAN_POD=nbh-lab-pod

answers_on() { $DOCKER -H "unix://$1" version >/dev/null 2>&1; } # answers_on <socket>

# A dockerd beside the main one: its own socket, data root, exec root and pid file, in a new network
# namespace (its bridge and iptables stay there; `ip netns exec` would remount /sys and hide the cgroups).
# `far` also gets its own UTS namespace, so it names another machine.
start_extra_dockerd() { # start_extra_dockerd <name> <socket> <hostname or ''>
  local name=$1 sock=$2 host=$3 pidfile=$REMOTE_RUN/$1-dockerd.pid
  if answers_on "$sock"; then log "$name dockerd already answers"; return; fi
  clear_stale_pid "$pidfile"
  mkdir -p "$REMOTE_DATA/$name" "$REMOTE_RUN/$name-exec"
  local flags=(--host "unix://$sock" --data-root "$REMOTE_DATA/$name" --exec-root "$REMOTE_RUN/$name-exec"
    --pidfile "$pidfile")
  local ns=(--net)
  local cmd='exec "$@"'
  if [ -n "$host" ]; then ns+=(--uts); cmd="hostname $host && exec \"\$@\""; fi
  log "starting $name dockerd at $sock${host:+ (hostname $host)}"
  setsid nohup unshare "${ns[@]}" --fork sh -c "$cmd" sh /usr/sbin/dockerd "${flags[@]}" \
    >"$LOG_DIR/$name-dockerd.log" 2>&1 </dev/null &
  wait_for 60 answers_on "$sock" || { tail -20 "$LOG_DIR/$name-dockerd.log" >&2; echo "$name dockerd did not start" >&2; exit 1; }
  mark_owned "$name-dockerd" "$(cat "$pidfile")"
}

# The lab image, moved over with save | load (no registry), and one running container to see.
seed_extra_dockerd() { # seed_extra_dockerd <name> <socket>
  local d=($DOCKER -H "unix://$2")
  "${d[@]}" image inspect "$IMAGE" >/dev/null 2>&1 || $DOCKER save "$IMAGE" | "${d[@]}" load >/dev/null
  local c=nbh-lab-$1-sleeper
  if ! "${d[@]}" inspect "$c" >/dev/null 2>&1; then
    "${d[@]}" run -d --name "$c" --label neighborhood.lab=remote --memory 32m "$IMAGE" sleep 1000000 >/dev/null
  elif [ "$("${d[@]}" inspect -f '{{.State.Running}}' "$c")" != true ]; then
    "${d[@]}" start "$c" >/dev/null
  fi
}

# A CA, a server certificate for 127.0.0.1/localhost, a client certificate; and for the failure tests a
# second unrelated CA with a client certificate of its own, and a key that belongs to no certificate here.
make_tls() {
  [ -f "$TLS_DIR/done" ] && return
  log "making TLS certificates in $TLS_DIR"
  rm -rf "$TLS_DIR"; mkdir -p "$TLS_DIR"; chmod 700 "$TLS_DIR"
  local t=$TLS_DIR days=3650
  cd "$t"
  openssl req -x509 -newkey rsa:2048 -nodes -days $days -subj /CN=nbh-lab-ca -keyout ca-key.pem -out ca.pem 2>/dev/null
  openssl req -x509 -newkey rsa:2048 -nodes -days $days -subj /CN=nbh-lab-other-ca -keyout other-ca-key.pem -out other-ca.pem 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth\n' >server.ext
  printf 'extendedKeyUsage=clientAuth\n' >client.ext
  sign() { # sign <name> <CN> <ca> <ext>
    openssl req -newkey rsa:2048 -nodes -subj "/CN=$2" -keyout "$1-key.pem" -out "$1.csr" 2>/dev/null
    openssl x509 -req -days $days -in "$1.csr" -CA "$3.pem" -CAkey "$3-key.pem" -CAcreateserial -extfile "$4" -out "$1.pem" 2>/dev/null
    rm -f "$1.csr"
  }
  sign server 127.0.0.1 ca server.ext
  sign client nbh-lab-client ca client.ext
  sign other-client nbh-lab-other-client other-ca client.ext
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out stray-key.pem 2>/dev/null
  chmod 600 ./*-key.pem
  cd - >/dev/null
  touch "$TLS_DIR/done"
}

# socat in front of a unix socket: the far daemons live in other network namespaces, so their own tcp
# listeners would not be on this loopback. Own session, so remote-down ends its per-connection children too.
start_socat() { # start_socat <name> <port> <socket> [tls]
  local name=$1 port=$2 sock=$3 listen
  if owned_pid "$name" socat >/dev/null; then log "$name already listens on 127.0.0.1:$port"; return; fi
  if [ "${4:-}" = tls ]; then
    listen="OPENSSL-LISTEN:$port,bind=127.0.0.1,reuseaddr,fork,cert=$TLS_DIR/server.pem,key=$TLS_DIR/server-key.pem,cafile=$TLS_DIR/ca.pem,verify=1"
  else
    listen="TCP-LISTEN:$port,bind=127.0.0.1,reuseaddr,fork"
  fi
  log "starting $name: 127.0.0.1:$port -> $sock${4:+ (TLS, client certificates checked)}"
  setsid socat "$listen" "UNIX-CONNECT:$sock" >"$LOG_DIR/$name.log" 2>&1 </dev/null &
  local pid=$!
  mark_owned "$name" "$pid"
  wait_for 10 bash -c "exec 3<>/dev/tcp/127.0.0.1/$port" || { cat "$LOG_DIR/$name.log" >&2; echo "$name did not listen" >&2; exit 1; }
}

# sshd on a loopback port with its own config and host key; key-only auth with a key the lab makes.
# Its sessions talk to the second dockerd (DOCKER_HOST set by sshd), so what ssh:// shows is small and known.
start_sshd() {
  mkdir -p "$SSH_DIR" /run/sshd; chmod 700 "$SSH_DIR"
  local s=$SSH_DIR
  [ -f "$s/host_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C nbh-lab-host -f "$s/host_ed25519"
  [ -f "$s/other_host_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C nbh-lab-other-host -f "$s/other_host_ed25519"
  [ -f "$s/id_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C nbh-lab-client -f "$s/id_ed25519"
  [ -f "$s/wrong_ed25519" ] || ssh-keygen -q -t ed25519 -N '' -C nbh-lab-wrong -f "$s/wrong_ed25519"
  cp "$s/id_ed25519.pub" "$s/authorized_keys"; chmod 600 "$s/authorized_keys"
  echo "[127.0.0.1]:$SSH_PORT $(cut -d' ' -f1,2 "$s/host_ed25519.pub")" >"$s/known_hosts"
  echo "[127.0.0.1]:$SSH_PORT $(cut -d' ' -f1,2 "$s/other_host_ed25519.pub")" >"$s/changed_known_hosts"
  : >"$s/empty_known_hosts"
  cat >"$s/sshd_config" <<CONF
Port $SSH_PORT
ListenAddress 127.0.0.1
HostKey $s/host_ed25519
PidFile $REMOTE_RUN/sshd.pid
AuthorizedKeysFile $s/authorized_keys
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
X11Forwarding no
AllowTcpForwarding no
MaxStartups 64:30:128
MaxSessions 64
SetEnv DOCKER_HOST=unix://$DOCKER2_SOCK
CONF
  if owned_pid sshd >/dev/null; then log "sshd already listens on 127.0.0.1:$SSH_PORT"; return; fi
  clear_stale_pid "$REMOTE_RUN/sshd.pid"
  /usr/sbin/sshd -t -f "$s/sshd_config"
  log "starting sshd on 127.0.0.1:$SSH_PORT"
  /usr/sbin/sshd -f "$s/sshd_config" -E "$LOG_DIR/sshd.log"
  wait_for 10 test -s "$REMOTE_RUN/sshd.pid" || { cat "$LOG_DIR/sshd.log" >&2; echo "sshd did not start" >&2; exit 1; }
  mark_owned sshd "$(cat "$REMOTE_RUN/sshd.pid")"
}

# Podman's Docker-compatible service on a lab socket, with the lab image and a pod of created containers
# (Podman cannot start containers on this machine: it lacks CAP_SYS_RESOURCE).
start_podman() {
  mkdir -p "$REMOTE_DATA/podman" "$REMOTE_RUN/podman-run" "$REMOTE_RUN/podman-tmp"
  if ! owned_pid podman >/dev/null; then
    rm -f "$PODMAN_SOCK"
    log "starting Podman's service at $PODMAN_SOCK"
    setsid nohup "${PODMAN[@]}" system service --time=0 "unix://$PODMAN_SOCK" >"$LOG_DIR/podman.log" 2>&1 </dev/null &
    mark_owned podman "$!"
  else
    log "Podman's service already answers"
  fi
  wait_for 30 curl -sf --unix-socket "$PODMAN_SOCK" http://d/_ping || { cat "$LOG_DIR/podman.log" >&2; echo "Podman's service did not start" >&2; exit 1; }
  "${PODMAN[@]}" image exists "$IMAGE" || $DOCKER save "$IMAGE" | "${PODMAN[@]}" load -q >/dev/null
  "${PODMAN[@]}" pod exists "$PODMAN_POD" || "${PODMAN[@]}" pod create --infra=false --name "$PODMAN_POD" >/dev/null
  for c in nbh-lab-pod-web nbh-lab-pod-worker; do
    "${PODMAN[@]}" container exists "$c" ||
      "${PODMAN[@]}" create --pod "$PODMAN_POD" --name "$c" --network none --label neighborhood.lab=remote "$IMAGE" sleep 1000000 >/dev/null
  done
  "${PODMAN[@]}" container exists nbh-lab-podman-alone ||
    "${PODMAN[@]}" create --name nbh-lab-podman-alone --network none --label neighborhood.lab=remote "$IMAGE" sleep 1000000 >/dev/null
}

write_remote_json() {
  local tmp=$REMOTE_JSON.tmp
  cat >"$tmp" <<JSON
{
  "image": "$IMAGE",
  "docker2": { "url": "unix://$DOCKER2_SOCK", "container": "nbh-lab-docker2-sleeper" },
  "far": { "socket": "$FAR_SOCK", "url": "tcp://127.0.0.1:$FAR_PORT", "hostname": "$FAR_HOSTNAME", "container": "nbh-lab-far-sleeper" },
  "tls": {
    "url": "tcp://127.0.0.1:$TLS_PORT",
    "ca": "$TLS_DIR/ca.pem", "cert": "$TLS_DIR/client.pem", "key": "$TLS_DIR/client-key.pem",
    "otherCa": "$TLS_DIR/other-ca.pem", "otherCert": "$TLS_DIR/other-client.pem", "otherKey": "$TLS_DIR/other-client-key.pem",
    "strayKey": "$TLS_DIR/stray-key.pem", "container": "nbh-lab-docker2-sleeper"
  },
  "ssh": {
    "url": "ssh://root@127.0.0.1:$SSH_PORT", "port": $SSH_PORT,
    "identityFile": "$SSH_DIR/id_ed25519", "wrongIdentityFile": "$SSH_DIR/wrong_ed25519",
    "knownHostsFile": "$SSH_DIR/known_hosts", "emptyKnownHostsFile": "$SSH_DIR/empty_known_hosts",
    "changedKnownHostsFile": "$SSH_DIR/changed_known_hosts", "container": "nbh-lab-docker2-sleeper"
  },
  "podman": { "url": "unix://$PODMAN_SOCK", "pod": "$PODMAN_POD", "podContainers": ["nbh-lab-pod-web", "nbh-lab-pod-worker"], "container": "nbh-lab-podman-alone" }
}
JSON
  mv "$tmp" "$REMOTE_JSON"
}

cmd_remote_up() {
  need_root
  mkdir -p "$LOG_DIR" "$REMOTE_RUN" "$REMOTE_DATA"
  install_packages
  $DOCKER image inspect "$IMAGE" >/dev/null 2>&1 || { echo "lab.sh: run 'scripts/lab.sh up' first (no $IMAGE)" >&2; exit 1; }
  start_extra_dockerd docker2 "$DOCKER2_SOCK" ''
  start_extra_dockerd far "$FAR_SOCK" "$FAR_HOSTNAME"
  seed_extra_dockerd docker2 "$DOCKER2_SOCK"
  seed_extra_dockerd far "$FAR_SOCK"
  make_tls
  start_socat docker2-tls "$TLS_PORT" "$DOCKER2_SOCK" tls
  start_socat far-tcp "$FAR_PORT" "$FAR_SOCK"
  start_sshd
  start_podman
  write_remote_json
  log "remote-up: docker2 at unix://$DOCKER2_SOCK, TLS at tcp://127.0.0.1:$TLS_PORT, $FAR_HOSTNAME at tcp://127.0.0.1:$FAR_PORT, ssh://root@127.0.0.1:$SSH_PORT, podman at unix://$PODMAN_SOCK ($REMOTE_JSON)"
}

stop_owned() { # stop_owned <name> <process name> [group]: TERM (the whole process group with `group`), wait, KILL
  local pid
  pid=$(owned_pid "$1" "$2") || { rm -f "$OWNED_DIR/$1.pid"; return 0; }
  local target=$pid
  [ "${3:-}" = group ] && target=-$pid
  kill -TERM -- "$target" 2>/dev/null || true
  for _ in $(seq 1 80); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
  kill -0 "$pid" 2>/dev/null && kill -KILL -- "$target" 2>/dev/null
  rm -f "$OWNED_DIR/$1.pid"
  log "$1 stopped"
}

cmd_remote_down() {
  need_root
  rm -f "$REMOTE_JSON"
  stop_owned docker2-tls socat group
  stop_owned far-tcp socat group
  stop_owned sshd sshd
  stop_owned podman podman
  # Their containers would hold each daemon's shutdown for 10 s (sleep ignores SIGTERM as pid 1).
  local sock ids
  for sock in "$DOCKER2_SOCK" "$FAR_SOCK"; do
    answers_on "$sock" || continue
    ids=$($DOCKER -H "unix://$sock" ps -q)
    [ -z "$ids" ] || $DOCKER -H "unix://$sock" kill $ids >/dev/null 2>&1 || true
  done
  stop_owned docker2-dockerd dockerd
  stop_owned far-dockerd dockerd
  log "remote-down: the lab's remote engines are stopped"
}

# The "far" machine going away and coming back (the test of an unreachable street): its dockerd and the
# TCP front that reaches it. Only what remote-up started is touched; another dockerd on that socket is refused.
cmd_stop_far() {
  need_root
  if ! owned_pid far-dockerd dockerd >/dev/null && answers_on "$FAR_SOCK"; then
    echo "lab.sh: the dockerd at $FAR_SOCK was not started by the lab; refusing to stop it" >&2
    exit 3
  fi
  stop_owned far-tcp socat group
  # Its container would hold the daemon's shutdown for 10 s (sleep ignores SIGTERM as pid 1).
  local ids
  if answers_on "$FAR_SOCK"; then
    ids=$($DOCKER -H "unix://$FAR_SOCK" ps -q)
    [ -z "$ids" ] || $DOCKER -H "unix://$FAR_SOCK" kill $ids >/dev/null 2>&1 || true
  fi
  stop_owned far-dockerd dockerd
}

cmd_start_far() {
  need_root
  # The daemons started here must not inherit the caller's descriptors: a test runner's lock file (flock)
  # would otherwise stay held for as long as the daemons live.
  local fd
  for fd in /proc/$$/fd/*; do
    fd=${fd##*/}
    [ "$fd" -gt 2 ] 2>/dev/null && eval "exec $fd>&-" 2>/dev/null
  done
  mkdir -p "$LOG_DIR" "$REMOTE_RUN" "$REMOTE_DATA"
  start_extra_dockerd far "$FAR_SOCK" "$FAR_HOSTNAME"
  seed_extra_dockerd far "$FAR_SOCK"
  start_socat far-tcp "$FAR_PORT" "$FAR_SOCK"
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
  remote-up) cmd_remote_up ;;
  remote-down) cmd_remote_down ;;
  stop-far) cmd_stop_far ;;
  start-far) cmd_start_far ;;
  *) echo "usage: $0 up|demo|down|remote-up|remote-down|stop-far|start-far|stop-docker|stop-libvirt|owns <daemon>" >&2; exit 2 ;;
esac
