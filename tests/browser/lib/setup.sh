# Sourced by run.sh and selftest.sh (expects HERE = tests/browser): makes sure
# Node.js, the locked npm packages, Debian's chromium and Java are there,
# installing what is missing (system packages only when running as root).
# Exports CHROMIUM_PATH.

apt_updated=0
apt_install() {
  # apt_install PACKAGE...: install Debian packages (root only).
  if [ "$(id -u)" != 0 ]; then
    echo "error: $* missing and not running as root; install with: sudo apt-get install -y $*" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  if [ "$apt_updated" = 0 ]; then
    echo "[setup] apt-get update"
    apt-get update -qq
    apt_updated=1
  fi
  echo "[setup] apt-get install -y $*"
  apt-get -o DPkg::Lock::Timeout=300 install -y -qq "$@" >/dev/null
}

# Node.js (>= 20.19) and npm.
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "[setup] node/npm not found"
  apt_install nodejs npm
fi
if ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "error: Node.js >= 20.19 is needed, found $(node --version)" >&2
  exit 2
fi

# npm packages, exactly as locked. Scripts are off (.npmrc): vnu-jar's
# postinstall would try to download a Java runtime.
need_ci=0
if [ ! -f "$HERE/node_modules/.package-lock.json" ] \
   || [ ! -f "$HERE/node_modules/vnu-jar/build/dist/vnu.jar" ] \
   || [ ! -f "$HERE/node_modules/axe-core/axe.min.js" ] \
   || [ ! -d "$HERE/node_modules/playwright-core" ] \
   || [ ! -d "$HERE/node_modules/htmlparser2" ] \
   || [ "$HERE/package-lock.json" -nt "$HERE/node_modules/.package-lock.json" ]; then
  need_ci=1
fi
if [ "$need_ci" = 1 ]; then
  echo "[setup] npm ci in $HERE"
  (cd "$HERE" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error)
fi

# Chromium from Debian (never a browser download by a test tool).
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM_PATH" ]; then
  echo "[setup] $CHROMIUM_PATH not found"
  apt_install chromium
fi
export CHROMIUM_PATH

# Java for the Nu HTML Checker.
if ! command -v java >/dev/null 2>&1; then
  echo "[setup] java not found"
  apt_install default-jre-headless
fi

echo "[setup] node $(node --version), $("$CHROMIUM_PATH" --version 2>/dev/null | head -n1), $(java -version 2>&1 | head -n1)"
