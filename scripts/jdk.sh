# Sourced by every script that builds or runs the services (test.sh, run-local.sh, scripts/*.sh):
# makes a JDK 25 or later the one that ./mvnw and `java` use, through JAVA_HOME and PATH (decision
# 0028). Many machines still have Java 17 as their default `java`; the project needs 25 and says so
# instead of failing in the compiler.
#
# It takes the first of: $JAVA_HOME, the `java` on PATH, the JDKs under /usr/lib/jvm (newest first),
# that is a JDK (javac beside java) of feature version 25 or later.

jdk_feature_version() {
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null
}

jdk_select() {
  local candidate version on_path=""
  if command -v java >/dev/null 2>&1; then
    on_path=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
  fi
  # shellcheck disable=SC2012
  for candidate in "${JAVA_HOME:-}" "$on_path" $(ls -d /usr/lib/jvm/*/ 2>/dev/null | sort -rV); do
    candidate=${candidate%/}
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    version=$(jdk_feature_version "$candidate")
    if [ "${version:-0}" -ge 25 ]; then
      export JAVA_HOME=$candidate
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "A JDK 25 or later is needed (javac and java): none in \$JAVA_HOME, on PATH or under /usr/lib/jvm." >&2
  echo "Install one (e.g. Eclipse Temurin 25) and set JAVA_HOME to it." >&2
  return 1
}

jdk_select
