#!/usr/bin/env bash
# A single-node Elasticsearch 8 on 127.0.0.1 for tests and development (no security, data in a temp folder).
#
#   bash deploy/elasticsearch/start.sh          build if needed, start in the background, wait until healthy
#   bash deploy/elasticsearch/start.sh stop     stop the node this script started
#   bash deploy/elasticsearch/start.sh status   say whether a node answers
#
# Settings (environment): ES_PORT (9200), ES_TRANSPORT_PORT (ES_PORT+100), ES_HEAP (512m),
# ES_HOME (${TMPDIR:-/tmp}/atlas-elasticsearch-$ES_PORT: config, data, logs, pid), ES_START_TIMEOUT (120 s).
# Needs Java 17+ and Maven; the first build fetches the server from Maven Central into ~/.m2.
set -euo pipefail

HERE="$(cd "$(dirname "$0")" && pwd)"
PORT="${ES_PORT:-9200}"
TRANSPORT_PORT="${ES_TRANSPORT_PORT:-$((PORT + 100))}"
HEAP="${ES_HEAP:-512m}"
HOME_DIR="${ES_HOME:-${TMPDIR:-/tmp}/atlas-elasticsearch-${PORT}}"
TIMEOUT="${ES_START_TIMEOUT:-120}"
URL="http://127.0.0.1:${PORT}"
JAR="${HERE}/target/atlas-elasticsearch.jar"
PID_FILE="${HOME_DIR}/elasticsearch.pid"
LOG_FILE="${HOME_DIR}/elasticsearch.log"

healthy() {
    curl -sf --max-time 2 "${URL}/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1
}

running_pid() {
    [[ -f "${PID_FILE}" ]] || return 1
    local pid
    pid="$(cat "${PID_FILE}")"
    kill -0 "${pid}" 2>/dev/null && echo "${pid}"
}

build() {
    # Rebuild when the jar is missing or older than the pom or any source file.
    if [[ -f "${JAR}" && -d "${HERE}/target/lib" ]] \
        && [[ -z "$(find "${HERE}/pom.xml" "${HERE}/src" -newer "${JAR}" -print -quit)" ]]; then
        return 0
    fi
    command -v java >/dev/null || { echo "Java 17+ is needed: apt-get install -y openjdk-17-jdk-headless" >&2; exit 1; }
    command -v mvn >/dev/null || { echo "Maven is needed: apt-get install -y maven" >&2; exit 1; }
    echo "Building the Elasticsearch launcher (deploy/elasticsearch, Maven)..."
    local started=${SECONDS}
    # Debian's Maven prints colour resets even when quiet: strip them (pipefail keeps Maven's exit status).
    mvn -B -q -Dstyle.color=never -f "${HERE}/pom.xml" package 2>&1 | sed -e $'s/\x1b\\[[0-9;]*m//g'
    echo "Built in $((SECONDS - started)) s."
}

start() {
    if healthy; then
        echo "Elasticsearch already answers at ${URL}"
        return 0
    fi
    if pid="$(running_pid)"; then
        echo "Elasticsearch (pid ${pid}) is starting or unhealthy; waiting for it at ${URL}"
    else
        build
        mkdir -p "${HOME_DIR}"
        echo "Starting Elasticsearch at ${URL} (home ${HOME_DIR}, heap ${HEAP})..."
        nohup java -Xms"${HEAP}" -Xmx"${HEAP}" -XX:+UseG1GC -Djava.awt.headless=true -Dfile.encoding=UTF-8 \
            -Dlog4j2.formatMsgNoLookups=true \
            -Datlas.es.home="${HOME_DIR}" -Datlas.es.port="${PORT}" -Datlas.es.transport_port="${TRANSPORT_PORT}" \
            -cp "${JAR}:${HERE}/target/lib/*" org.practiceatlas.elasticsearch.Launcher \
            >"${LOG_FILE}" 2>&1 </dev/null &
        pid=$!
        echo "${pid}" >"${PID_FILE}"
    fi
    local started=${SECONDS}
    until healthy; do
        if ! kill -0 "${pid}" 2>/dev/null; then
            echo "Elasticsearch exited before answering. Last lines of ${LOG_FILE}:" >&2
            tail -n 40 "${LOG_FILE}" >&2 || true
            rm -f "${PID_FILE}"
            exit 1
        fi
        if ((SECONDS - started >= TIMEOUT)); then
            echo "Elasticsearch did not answer at ${URL} within ${TIMEOUT} s. Last lines of ${LOG_FILE}:" >&2
            tail -n 40 "${LOG_FILE}" >&2 || true
            exit 1
        fi
        sleep 0.5
    done
    echo "Elasticsearch is up at ${URL} (started in $((SECONDS - started)) s; log ${LOG_FILE})"
}

stop() {
    local pid
    if ! pid="$(running_pid)"; then
        echo "No Elasticsearch started by this script is running (no live pid in ${PID_FILE})."
        rm -f "${PID_FILE}"
        return 0
    fi
    kill "${pid}"
    for _ in $(seq 60); do
        kill -0 "${pid}" 2>/dev/null || break
        sleep 0.5
    done
    if kill -0 "${pid}" 2>/dev/null; then
        echo "Elasticsearch (pid ${pid}) did not stop in 30 s; killing it."
        kill -9 "${pid}" 2>/dev/null || true
    fi
    rm -f "${PID_FILE}"
    echo "Stopped Elasticsearch (pid ${pid}); data stays in ${HOME_DIR}/data until you delete the folder."
}

case "${1:-start}" in
    start) start ;;
    stop) stop ;;
    status)
        if healthy; then echo "Elasticsearch answers at ${URL}"; else echo "Nothing answers at ${URL}"; exit 1; fi
        ;;
    build) build ;;
    *)
        echo "usage: $0 [start|stop|status|build]" >&2
        exit 2
        ;;
esac
