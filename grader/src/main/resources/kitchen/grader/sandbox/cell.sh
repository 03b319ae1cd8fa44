#!/bin/sh
# Runs a command in a cell: called by the grader as root, inside new mount, PID, network, IPC and UTS
# namespaces (unshare); this shell is PID 1 there until it becomes the command. It builds a root of its
# own on a tmpfs holding only the system's programs and libraries (read-only), fresh /proc, /dev, /tmp,
# and the paths it is given, at the same place as outside; brings loopback up (the only network); then
# becomes the cook (an unprivileged user, no groups, no capabilities, no way back to privileges) and
# runs the command in the working folder. Nothing else of the machine's files exists in there: not the
# kit, not the instructor's home, not the grader's other work.
#
# Arguments: ROOT UID GID CWD [--ro PATH... | --rw PATH...]... -- COMMAND...
set -eu
root=$1 uid=$2 gid=$3 cwd=$4
shift 4

mount -t tmpfs -o mode=0755,size=16m kitchen-cell "$root"

# bind PATH ro|rw: PATH, file or folder, at the same place in the cell.
bind() {
  if [ -d "$1" ]; then
    mkdir -p "$root$1"
  else
    mkdir -p "$root$(dirname "$1")"
    [ -e "$root$1" ] || : > "$root$1"
  fi
  mount --bind "$1" "$root$1"
  if [ "$2" = ro ]; then
    mount -o remount,bind,ro,nosuid,nodev "$root$1"
  fi
}

for d in /usr /etc /bin /sbin /lib /lib32 /lib64 /libx32; do
  if [ -L "$d" ]; then
    ln -s "$(readlink "$d")" "$root$d"
  elif [ -d "$d" ]; then
    bind "$d" ro
  fi
done

mkdir -p "$root/proc" "$root/dev" "$root/tmp"
mount -t proc -o nosuid,nodev,noexec proc "$root/proc"
mount -t tmpfs -o mode=1777,nosuid,nodev,size=512m kitchen-tmp "$root/tmp"
mount -t tmpfs -o mode=0755,nosuid,size=1m kitchen-dev "$root/dev"
for node in null zero full random urandom; do
  : > "$root/dev/$node"
  mount --bind "/dev/$node" "$root/dev/$node"
done
mkdir -p "$root/dev/shm"
mount -t tmpfs -o mode=1777,nosuid,nodev,size=64m kitchen-shm "$root/dev/shm"
ln -s /proc/self/fd "$root/dev/fd"

mode=ro
while [ "$1" != -- ]; do
  case $1 in
    --ro) mode=ro ;;
    --rw) mode=rw ;;
    *) bind "$1" "$mode" ;;
  esac
  shift
done
shift

ip link set lo up
exec chroot "$root" setpriv --reuid="$uid" --regid="$gid" --clear-groups --no-new-privs \
  --inh-caps=-all --bounding-set=-all env -C "$cwd" "$@"
