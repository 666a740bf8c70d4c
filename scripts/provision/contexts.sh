# What every provisioning script knows of the contexts, sourced, not run. The bounded contexts and
# what each publishes and subscribes to come from the manifest, integration-events.yaml; "infratest"
# is the small application shared-infrastructure's own tests run (it publishes and reads Greeted, and
# publishes Waved, which no one reads).

# The contexts that get roles, databases and a broker user.
CONTEXTS=(catalog orders inventory infratest)

# The databases of a context: the run's, then the component tests', the end-to-end tests', the fault
# suite's and the benchmark's (bench_limits: PostgreSQL alone, a transaction shaped like a catalog command).
databases_of() {
  case $1 in
    infratest) echo infrastructure_test ;;
    catalog) echo "catalog catalog_test catalog_e2e catalog_faults bench_catalog bench_limits" ;;
    *) echo "$1 $1_test $1_e2e $1_faults bench_$1" ;;
  esac
}

# The virtual hosts: a local run's (/), then the component tests', the end-to-end tests', the fault
# suite's and the benchmark's (bench_limits: PostgreSQL alone, a transaction shaped like a catalog command). so that none takes another's messages.
VIRTUAL_HOSTS=(/ tests e2e faults bench)

# Reads integration-events.yaml: "publishes" prints the context's event types joined by |,
# "reads-from" the contexts whose events it subscribes to, joined by |.
manifest_of() {
  local context=$1 what=$2 manifest=${MANIFEST:-integration-events.yaml}
  if [ "$context" = infratest ]; then
    case $what in publishes) echo 'Greeted|Waved' ;; reads-from) echo infratest ;; esac
    return
  fi
  awk -v context="$context" -v what="$what" '
    function listed(line,   items) { sub(/^[^[]*\[/, "", line); sub(/\].*$/, "", line); gsub(/ /, "", line); return line }
    /^bounded_contexts:/ { section = "contexts" }
    /^integration_events:/ { section = "events" }
    section == "contexts" && $1 == "-" && $2 == "name:" { name = $3 }
    section == "contexts" && name == context && $1 == "publishes:" { publishes = listed($0) }
    section == "contexts" && name == context && $1 == "subscribes:" { subscribes = listed($0) }
    section == "events" && /^  [A-Za-z]+:$/ { event = $1; sub(/:$/, "", event) }
    section == "events" && $1 == "publisher:" { publisher[event] = $2 }
    END {
      if (what == "publishes") { gsub(/,/, "|", publishes); print publishes; exit }
      n = split(subscribes, events, ",")
      out = ""
      for (i = 1; i <= n; i++) {
        p = publisher[events[i]]
        if (p != "" && index("|" out "|", "|" p "|") == 0) { out = out (out == "" ? "" : "|") p }
      }
      print out
    }' "$manifest"
}

# The name of a context's variables in the credentials file: CATALOG_..., INFRATEST_...
upper() { printf '%s' "$1" | tr '[:lower:]' '[:upper:]'; }
