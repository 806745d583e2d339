# Sourced by scripts/setup.sh and scripts/api-fuzz.sh: where the pinned schemathesis lives (a
# `pip --target` folder in the cache, nothing system-wide) and a `schemathesis` command that runs it.
SCHEMATHESIS_VERSION=4.32.5
SCHEMATHESIS_LIB=${CCCD_SCHEMATHESIS_LIB:-${XDG_CACHE_HOME:-$HOME/.cache}/cccdkit/schemathesis-$SCHEMATHESIS_VERSION}
schemathesis() { PYTHONPATH=$SCHEMATHESIS_LIB${PYTHONPATH:+:$PYTHONPATH} python3 -m schemathesis.cli "$@"; }
