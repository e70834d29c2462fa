# Shared set-up for .ci/demo and .ci/test: Debian packages, a venv, the project installed in it.
# Idempotent: packages already present are not fetched again.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing Debian packages: ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  fi
}

# Qt's runtime libraries on a bare Debian 12 (stack-notes.md §2) and a CJK font for Chinese.
QT_RUNTIME=(libegl1 libgl1 libfontconfig1 libfreetype6 libglib2.0-0 libdbus-1-3 libxkbcommon0
  libxkbcommon-x11-0 libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
  libxcb-randr0 libxcb-render-util0 libxcb-shape0 libxcb-sync1 libxcb-xfixes0 libxcb-xkb1
  libcups2 fonts-noto-cjk fontconfig)

# The CUPS scheduler and clients for the spooler tests; cups-pdf for a driver queue by hand.
CUPS_PACKAGES=(cups cups-daemon cups-client cups-bsd printer-driver-cups-pdf)

PYTHON="${PYTHON:-python3}"
make_venv() {
  if [ ! -x .venv/bin/python ]; then
    "$PYTHON" -m venv .venv || { apt_install python3-venv; "$PYTHON" -m venv .venv; }
  fi
  .venv/bin/python -m pip install -q --upgrade pip
  .venv/bin/python -m pip install -q -e ".$1"
}
