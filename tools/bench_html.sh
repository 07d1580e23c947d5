#!/usr/bin/env bash
# Extraction speed: brief against trafilatura on the same pages, in the same run.
#   tools/bench_html.sh [PAGES_DIR] [RUNS]
# PAGES_DIR defaults to ../shared/corpora/article-extraction/html (the benchmark's development
# split). Needs a release build (`cargo build --release`) and Python with trafilatura; it makes
# a virtualenv in ${TMPDIR:-/tmp}/brief-bench-venv on first use (network needed once).
# BRIEF=path overrides the binary. Prints CPU (user+sys) and wall seconds per run for both, alternated.
set -euo pipefail
dir=${1:-../shared/corpora/article-extraction/html}
runs=${2:-3}
venv=${TMPDIR:-/tmp}/brief-bench-venv
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q trafilatura lxml_html_clean
fi
brief=${BRIEF:-target/release/brief}
[ -x "$brief" ] || { echo "bench_html: $brief missing: run cargo build --release" >&2; exit 1; }
py=$(mktemp)
trap 'rm -f "$py"' EXIT
cat > "$py" <<'PY'
import os, sys, trafilatura
d = sys.argv[1]
n = 0
for f in sorted(os.listdir(d)):
    if f.endswith(".html"):
        with open(os.path.join(d, f), "rb") as h:
            html = h.read()
        out = trafilatura.bare_extraction(html, with_metadata=True)
        n += out is not None
print(n, "pages extracted", file=sys.stderr)
PY
tv=$("$venv/bin/python" -c 'import trafilatura; print(trafilatura.__version__)')
echo "pages: $(ls "$dir"/*.html | wc -l) in $dir, $(du -sh "$dir" | cut -f1); trafilatura $tv"
for r in $(seq "$runs"); do
    /usr/bin/time -f "brief        run $r: cpu %U+%S s, wall %e s, peak %M KB" \
        "$brief" analyze --json --no-cache "$dir"/*.html > /dev/null
    /usr/bin/time -f "trafilatura  run $r: cpu %U+%S s, wall %e s, peak %M KB" \
        "$venv/bin/python" "$py" "$dir" 2>&1 >/dev/null | grep -v "pages extracted" || true
done
