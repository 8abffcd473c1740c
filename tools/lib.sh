# tools/lib.sh: shell functions shared by tools/demo, tools/check and
# tools/bench.  Sourced, never run.  POSIX sh plus `local`.
#
# Everything here works inside the source tree and a private var/ directory:
# nothing touches /etc, the machine's MariaDB or its nginx.

# The Debian packages a developer, CI and the demo need.
GKBM_PACKAGES="build-essential autoconf automake pkg-config libfcgi-dev
	libfcgi-bin libmariadb-dev libxml2-dev libxslt1-dev libssl-dev
	libjpeg-dev libjpeg-turbo-progs libqrencode-dev mariadb-server mariadb-client
	nginx-light perl libxml-libxml-perl libdbi-perl libdbd-mariadb-perl
	xsltproc libxml2-utils wrk curl ca-certificates rsync
	libcairo2-dev libpango1.0-dev libfontconfig-dev fonts-noto-cjk libxlsxwriter-dev libzip-dev
	poppler-utils libspreadsheet-parsexlsx-perl zbar-tools"
# tools/check's sanitizer pass: clang and its runtimes (ASan, UBSan,
# libFuzzer) for the fuzz targets of t/fuzz/.
GKBM_PACKAGES="$GKBM_PACKAGES clang libclang-rt-14-dev"

gkbm_say() { printf '%s: %s\n' "${GKBM_PROG:-gkbm}" "$*" >&2; }
gkbm_die() { gkbm_say "$*"; exit 1; }

# gkbm_need_packages [pkg...]: install what is missing (all of
# GKBM_PACKAGES when no argument), quietly and only if needed.
gkbm_need_packages() {
	local p missing
	missing=
	[ $# -gt 0 ] || set -- $GKBM_PACKAGES
	for p in "$@"; do
		case $(dpkg-query -W -f='${Status}' "$p" 2>/dev/null) in
		"install ok installed") ;;
		*) missing="$missing $p" ;;
		esac
	done
	[ -n "$missing" ] || return 0
	[ "$(id -u)" = 0 ] || gkbm_die "missing packages:$missing (run as root or install them)"
	gkbm_say "installing:$missing"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q >/dev/null || gkbm_die "apt-get update failed"
	apt-get install -y -q --no-install-recommends $missing </dev/null >/dev/null ||
	    gkbm_die "apt-get install failed:$missing"
}

# What the browser tests (t/browser) need besides GKBM_PACKAGES: Debian's
# Chromium (driven by playwright-core at /usr/bin/chromium; never a
# downloaded browser) with its Chinese resources (file inputs, messages)
# and CJK fonts for screenshots as a person sees them, Java for the Nu
# HTML checker, Node.js and npm for playwright-core and axe-core.
GKBM_BROWSER_PACKAGES="chromium chromium-l10n fonts-noto-cjk"

# gkbm_need_browser TOP: install what the browser tests need, then `npm
# ci` in TOP/t/browser (the versions of its package-lock.json; no install
# scripts: vnu-jar's would fetch a Java) unless node_modules is current.
gkbm_need_browser() {
	local dir extra
	dir=$1/t/browser
	extra=
	command -v java >/dev/null 2>&1 || extra="$extra default-jre-headless"
	# Node.js may be there outside dpkg (a machine's own build).
	command -v node >/dev/null 2>&1 || extra="$extra nodejs"
	command -v npm >/dev/null 2>&1 || extra="$extra npm"
	# shellcheck disable=SC2086
	gkbm_need_packages $GKBM_BROWSER_PACKAGES $extra || return 1
	[ -f "$dir/package-lock.json" ] || return 0
	if [ -f "$dir/node_modules/.package-lock.json" ] &&
	    [ ! "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
		return 0
	fi
	gkbm_say "npm ci in t/browser"
	(cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund \
	    >npm-ci.log 2>&1) || { tail -n 30 "$dir/npm-ci.log" >&2; return 1; }
	rm -f "$dir/npm-ci.log"
}

# gkbm_build TOP [configure args...]: bootstrap if needed, configure if
# needed, make -j2.  Runs in TOP (the source tree, built in place).
gkbm_build() {
	local top
	top=$1; shift
	(
		cd "$top" || exit 1
		if [ ! -x configure ] || [ configure.ac -nt configure ] ||
		    [ Makefile.am -nt Makefile.in ]; then
			gkbm_say "autoreconf -fi"
			autoreconf -fi >/dev/null 2>autoreconf.log ||
			    { cat autoreconf.log >&2; exit 1; }
			rm -f autoreconf.log
		fi
		if [ ! -f Makefile ] || [ ! -f config.status ] ||
		    [ configure -nt config.status ]; then
			gkbm_say "./configure $*"
			./configure -q "$@" >/dev/null || exit 1
		fi
		gkbm_say "make -j2"
		make -j2 >make.log 2>&1 || { tail -n 60 make.log >&2; exit 1; }
	)
}

# gkbm_hex N: N random bytes as 2N lower-case hex digits.
gkbm_hex() {
	od -An -v -tx1 -N"$1" /dev/urandom | tr -d ' \n'
}

# gkbm_password: a random password for a database account.
gkbm_password() {
	gkbm_hex 18
}

# gkbm_write_secrets FILE: a new secrets file (0600) unless FILE exists.
gkbm_write_secrets() {
	[ -s "$1" ] && return 0
	(
		umask 077
		cat >"$1.tmp" <<EOF
# gkbm secrets: generated $(date -u '+%Y-%m-%d %H:%M:%S') UTC; keep 0600.
db_password = $(gkbm_password)
db_admin_password = $(gkbm_password)
key_id = 1
data_key = $(gkbm_hex 32)
mac_key = $(gkbm_hex 32)
csrf_key = $(gkbm_hex 32)
EOF
		mv "$1.tmp" "$1"
	)
}

# gkbm_conf_get FILE KEY: the value of KEY in a key = value file.
gkbm_conf_get() {
	sed -n "s/^[[:space:]]*$2[[:space:]]*=[[:space:]]*//p" "$1" | tail -n 1
}

# gkbm_pid_alive PIDFILE: true if the process recorded there runs.
gkbm_pid_alive() {
	local pid
	[ -s "$1" ] || return 1
	pid=$(cat "$1" 2>/dev/null)
	[ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# gkbm_pid_stop PIDFILE [SECONDS]: SIGTERM the recorded process, wait for
# it (SIGKILL after SECONDS, default 20), remove the pid file.
gkbm_pid_stop() {
	local pid n max
	max=${2:-20}
	if gkbm_pid_alive "$1"; then
		pid=$(cat "$1")
		kill -TERM "$pid" 2>/dev/null
		n=0
		while kill -0 "$pid" 2>/dev/null; do
			n=$((n + 1))
			if [ $n -gt $((max * 10)) ]; then
				gkbm_say "pid $pid did not stop: SIGKILL"
				kill -KILL "$pid" 2>/dev/null
				sleep 0.2
				break
			fi
			sleep 0.1
		done
	fi
	rm -f "$1"
}

# gkbm_tmpdir NAME: prints a new private directory /tmp/NAME.XXXXXX, or
# dies: a caller must never go on with an empty name (its files would
# land in /).  The caller removes it (its own EXIT trap).
gkbm_tmpdir() {
	local d
	d=$(mktemp -d "/tmp/$1.XXXXXX") && [ -d "$d" ] ||
	    gkbm_die "cannot make a temporary directory in /tmp"
	printf '%s\n' "$d"
}

# gkbm_wait_for SECONDS COMMAND...: retry COMMAND every 0.1 s.
gkbm_wait_for() {
	local n max
	max=$(($1 * 10)); shift
	n=0
	until "$@" >/dev/null 2>&1; do
		n=$((n + 1))
		[ $n -lt $max ] || return 1
		sleep 0.1
	done
}

# --- MariaDB, private ------------------------------------------------

# The options of every private server: no defaults files, small and fast.
gkbm_db_opts() {
	# $1 datadir, $2 socket
	echo "--no-defaults --user=root --datadir=$1 --socket=$2" \
	    "--innodb-buffer-pool-size=64M --innodb-log-file-size=16M" \
	    "--innodb-flush-log-at-trx-commit=2 --skip-name-resolve" \
	    "--performance-schema=OFF --character-set-server=utf8mb4" \
	    "--collation-server=utf8mb4_unicode_ci --max-connections=200"
}

# gkbm_db_install DATADIR: a fresh data directory (root by unix socket).
gkbm_db_install() {
	mkdir -p "$1"
	mariadb-install-db --no-defaults --user=root --datadir="$1" \
	    --auth-root-authentication-method=socket --skip-test-db \
	    --innodb-log-file-size=16M >"$1.install.log" 2>&1 ||
	    { cat "$1.install.log" >&2; return 1; }
}

# gkbm_db_start DATADIR SOCKET PIDFILE LOGFILE [extra mariadbd options]
gkbm_db_start() {
	local datadir sock pidf logf
	datadir=$1 sock=$2 pidf=$3 logf=$4; shift 4
	# shellcheck disable=SC2046
	setsid mariadbd $(gkbm_db_opts "$datadir" "$sock") --pid-file="$pidf" \
	    --log-error="$logf" "$@" </dev/null >/dev/null 2>&1 &
	echo $! >"$pidf.launch"
	if ! gkbm_wait_for 60 mariadb-admin --no-defaults -uroot -S "$sock" ping; then
		tail -n 20 "$logf" >&2
		return 1
	fi
	# mariadbd writes its own pid file; keep ours in case it did not.
	[ -s "$pidf" ] || cp "$pidf.launch" "$pidf"
	rm -f "$pidf.launch"
}

# gkbm_sql SOCKET [mariadb args]: run SQL from stdin as the server's root.
gkbm_sql() {
	local sock
	sock=$1; shift
	mariadb --no-defaults -uroot -S "$sock" "$@"
}

# gkbm_db_accounts SOCKET DB WEBUSER WEBPW ADMINUSER ADMINPW: the database
# and both accounts; the admin account may grant (migrate gives the web
# account its table privileges).  Idempotent.
gkbm_db_accounts() {
	gkbm_sql "$1" <<EOF
CREATE DATABASE IF NOT EXISTS \`$2\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
CREATE USER IF NOT EXISTS '$5'@'localhost' IDENTIFIED BY '$6';
CREATE USER IF NOT EXISTS '$5'@'127.0.0.1' IDENTIFIED BY '$6';
CREATE USER IF NOT EXISTS '$3'@'localhost' IDENTIFIED BY '$4';
CREATE USER IF NOT EXISTS '$3'@'127.0.0.1' IDENTIFIED BY '$4';
ALTER USER '$5'@'localhost' IDENTIFIED BY '$6';
ALTER USER '$5'@'127.0.0.1' IDENTIFIED BY '$6';
ALTER USER '$3'@'localhost' IDENTIFIED BY '$4';
ALTER USER '$3'@'127.0.0.1' IDENTIFIED BY '$4';
GRANT ALL PRIVILEGES ON \`$2\`.* TO '$5'@'localhost' WITH GRANT OPTION;
GRANT ALL PRIVILEGES ON \`$2\`.* TO '$5'@'127.0.0.1' WITH GRANT OPTION;
FLUSH PRIVILEGES;
EOF
}

# --- identity numbers -------------------------------------------------

# gkbm_idno REGION6 YYYYMMDD SEQ3: an 18-character GB 11643 number with
# its mod 11-2 check character.
gkbm_idno() {
	local body sum i d w
	body="$1$2$3"
	sum=0
	i=0
	for w in 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; do
		d=$(printf '%s' "$body" | cut -c $((i + 1)))
		sum=$((sum + d * w))
		i=$((i + 1))
	done
	printf '%s%s\n' "$body" "$(echo 1 0 X 9 8 7 6 5 4 3 2 |
	    cut -d' ' -f$((sum % 11 + 1)))"
}

# --- nginx, private ---------------------------------------------------

# gkbm_nginx_conf PREFIX PORT WEBSOCK WWWDIR UPLOADDIR RATE BURST PIDFILE
# TEMPLATE: write PREFIX/nginx.conf for a private nginx run as `nginx -p
# PREFIX -c PREFIX/nginx.conf`, from TEMPLATE (conf/nginx-dev.conf.in,
# shared with t/lib/GKBM.pm; it mirrors conf/nginx-gkbm.conf without TLS).
# Runs as root with 2 workers: it lives only in the private var/ (0700)
# directory and must read the upload files gkbm-web writes as root.
gkbm_nginx_conf() {
	local p
	p=$1
	[ -r "$9" ] || { gkbm_say "no nginx template $9"; return 1; }
	mkdir -p "$p/logs" "$p/tmp/body" "$p/tmp/fastcgi" "$p/tmp/proxy" \
	    "$p/tmp/scgi" "$p/tmp/uwsgi"
	{
		echo "# Generated by tools/lib.sh (gkbm_nginx_conf) from $9."
		sed -e "s|@USER@|user root root;|g" \
		    -e "s|@WORKERS@|2|g" \
		    -e "s|@PIDFILE@|$(gkbm_sed_repl "$8")|g" \
		    -e "s|@PREFIX@|$(gkbm_sed_repl "$p")|g" \
		    -e "s|@PORT@|$(gkbm_sed_repl "$2")|g" \
		    -e "s|@WEBSOCK@|$(gkbm_sed_repl "$3")|g" \
		    -e "s|@PAYSOCK@|$(gkbm_sed_repl "$(dirname "$3")/pay-fcgi.sock")|g" \
		    -e "s|@WWWDIR@|$(gkbm_sed_repl "$4")|g" \
		    -e "s|@ERRDIR@|$(gkbm_sed_repl "$4/errors")|g" \
		    -e "s|@UPLOADDIR@|$(gkbm_sed_repl "$5")|g" \
		    -e "s|@RATE@|$(gkbm_sed_repl "$6")|g" \
		    -e "s|@BURST@|$(gkbm_sed_repl "$7")|g" "$9"
	} >"$p/nginx.conf.new" || return 1
	if grep -q '@[A-Z]*@' "$p/nginx.conf.new"; then
		gkbm_say "$9: placeholder left unfilled:" \
		    "$(grep -o '@[A-Z]*@' "$p/nginx.conf.new" | head -n 1)"
		rm -f "$p/nginx.conf.new"
		return 1
	fi
	mv "$p/nginx.conf.new" "$p/nginx.conf"
}

# gkbm_sed_repl TEXT: TEXT made safe as the replacement of a sed s|||
# command (backslash, | and & escaped).
gkbm_sed_repl() {
	printf '%s\n' "$1" | sed -e 's/[\\|&]/\\&/g'
}

# gkbm_nginx_start PREFIX: start (or check) the private nginx.
gkbm_nginx_start() {
	nginx -t -q -p "$1" -c "$1/nginx.conf" -e "$1/logs/error.log" ||
	    return 1
	nginx -p "$1" -c "$1/nginx.conf" -e "$1/logs/error.log" </dev/null
}
