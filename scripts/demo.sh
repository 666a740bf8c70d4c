#!/usr/bin/env bash
# The walk-through of the whole choreography, as a check: each step shows its HTTP exchange and
# stops the script (exit 1) when the answer is not the expected one.
#
#   ./run-local.sh            # in another terminal (or docker compose up)
#   scripts/demo.sh
#
# Environment: CATALOG_URL, ORDERS_URL, INVENTORY_URL (http://localhost:8081, 8082, 8083), their
# management interfaces CATALOG_MANAGEMENT_URL, ORDERS_MANAGEMENT_URL, INVENTORY_MANAGEMENT_URL
# (http://localhost:9081, 9082, 9083); DEMO_TIMEOUT, the seconds to wait for an event to propagate
# (30). Needs curl, python3, openssl, and the local key pair (scripts/token.sh signs its tokens).
set -euo pipefail

CATALOG_URL=${CATALOG_URL:-http://localhost:8081}
ORDERS_URL=${ORDERS_URL:-http://localhost:8082}
INVENTORY_URL=${INVENTORY_URL:-http://localhost:8083}
DEMO_TIMEOUT=${DEMO_TIMEOUT:-30}
CATALOG_URL=${CATALOG_URL%/} ORDERS_URL=${ORDERS_URL%/} INVENTORY_URL=${INVENTORY_URL%/}
CATALOG_MANAGEMENT_URL=${CATALOG_MANAGEMENT_URL:-http://localhost:9081}
ORDERS_MANAGEMENT_URL=${ORDERS_MANAGEMENT_URL:-http://localhost:9082}
INVENTORY_MANAGEMENT_URL=${INVENTORY_MANAGEMENT_URL:-http://localhost:9083}

for tool in curl python3 openssl; do
  command -v "$tool" >/dev/null 2>&1 || { echo "demo FAILED: $tool is needed" >&2; exit 1; }
done
[[ $DEMO_TIMEOUT =~ ^[0-9]+$ ]] || { echo "demo FAILED: DEMO_TIMEOUT must be a number of seconds" >&2; exit 1; }

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# --- output ---------------------------------------------------------------------------------------
if [ -t 1 ]; then BOLD=$'\e[1m' RED=$'\e[31m' GREEN=$'\e[32m' DIM=$'\e[2m' OFF=$'\e[0m'
else BOLD='' RED='' GREEN='' DIM='' OFF=''; fi

step() { printf '\n%s== %s%s\n' "$BOLD" "$*" "$OFF"; }
note() { printf '   %s\n' "$*"; }
fail() {
  printf '\n%sdemo FAILED%s at step "%s": %s\n' "$RED$BOLD" "$OFF" "${CURRENT_STEP:-start}" "$*" >&2
  exit 1
}
# One line of a body, cut so that the output stays readable.
short() { local text=${1//$'\n'/ }; [ ${#text} -le 400 ] && printf '%s' "$text" || printf '%s...' "${text:0:400}"; }

# --- HTTP -----------------------------------------------------------------------------------------
uuid() { python3 -c 'import uuid; print(uuid.uuid4())'; }
CORRELATION_ID="demo-$(uuid)"
STATUS='' CTYPE='' BODY='' LAST_REQUEST=''

# Who acts: a bearer token per role, signed with the local key pair (docs/security.md).
here=$(cd "$(dirname "$0")" && pwd)
EDITOR=$("$here/token.sh" catalog-editor demo-editor) || fail "no token: run scripts/local-services.sh (./run-local.sh does)"
CUSTOMER=$("$here/token.sh" customer demo-customer)
CLERK=$("$here/token.sh" warehouse-clerk demo-clerk)

# [AS=TOKEN] [KEY=IDEMPOTENCY_KEY] request METHOD URL [JSON]: sets STATUS, CTYPE, REPLAYED and BODY;
# prints the exchange unless QUIET=1. The token is the customer's unless AS names another ("" for none).
request() {
  local method=$1 url=$2 data=${3-} out token=${AS-$CUSTOMER}
  local args=(-sS -X "$method" --max-time 10 -o "$WORK/body" -D "$WORK/headers"
              -w '%{http_code} %{content_type}' -H 'Accept: application/json' -H "X-Correlation-Id: $CORRELATION_ID")
  [ -z "$token" ] || args+=(-H "Authorization: Bearer $token")
  [ -z "${KEY-}" ] || args+=(-H "Idempotency-Key: $KEY")
  [ -z "$data" ] || args+=(-H 'Content-Type: application/json' --data "$data")
  LAST_REQUEST="$method $url${data:+ $data}"
  out=$(curl "${args[@]}" "$url" 2>"$WORK/curl-error") \
    || fail "$method $url: no answer ($(head -c 200 "$WORK/curl-error")). Is the system running (./run-local.sh)?"
  STATUS=${out%% *} CTYPE=${out#* }
  BODY=$(cat "$WORK/body")
  REPLAYED=$(sed -n 's/^idempotent-replayed: *\([a-z]*\).*/\1/Ip' "$WORK/headers")
  [ "${QUIET:-0}" = 1 ] || show_exchange
}

show_exchange() {
  printf '   %s--> %s%s\n' "$DIM" "${LAST_REQUEST%% \{*}" "$OFF"
  case $LAST_REQUEST in *' {'*) printf '   %s    {%s%s\n' "$DIM" "${LAST_REQUEST#* \{}" "$OFF" ;; esac
  printf '   %s<-- %s %s%s\n' "$DIM" "$STATUS" "$CTYPE" "$OFF"
  [ -z "$BODY" ] || printf '   %s    %s%s\n' "$DIM" "$(short "$BODY")" "$OFF"
}

# --- JSON (python3, no jq) ------------------------------------------------------------------------
# Reads the body on stdin and conditions as arguments: "path=value" must hold (a path is keys and
# list indexes joined by dots: lines.0.quantity), "!path=value" must not. Numbers compare as
# decimals (2998.5 = 2998.50). Exit 0: all hold; 1: some do not (listed on stdout); 4: a "!"
# condition holds; 2: the body is not JSON.
PY_MATCH='
import json, sys
from decimal import Decimal, InvalidOperation

def get(doc, path):
    for key in filter(None, path.split(".")):
        if isinstance(doc, list):
            doc = doc[int(key)]
        elif isinstance(doc, dict):
            doc = doc[key]
        else:
            raise KeyError(key)
    return doc

def text(value):
    if value is None or isinstance(value, bool):
        return json.dumps(value)
    if isinstance(value, (dict, list)):
        return json.dumps(value, default=str)
    return str(value)

def same(actual, expected):
    if not isinstance(actual, (bool, dict, list)) and actual is not None:
        try:
            return Decimal(str(actual)) == Decimal(expected)
        except InvalidOperation:
            pass
    return text(actual) == expected

try:
    doc = json.loads(sys.stdin.read(), parse_float=Decimal)
except ValueError:
    print("the body is not JSON")
    sys.exit(2)
wrong = []
for condition in sys.argv[1:]:
    negated = condition.startswith("!")
    path, _, expected = condition.lstrip("!").partition("=")
    try:
        actual, found = get(doc, path), True
    except (KeyError, IndexError, ValueError):
        actual, found = None, False
    if negated:
        if found and same(actual, expected):
            print(f"{path} is {expected}")
            sys.exit(4)
    elif not found:
        wrong.append(f"{path}: missing, expected {expected}")
    elif not same(actual, expected):
        wrong.append(f"{path}: expected {expected}, got {text(actual)}")
print("; ".join(wrong))
sys.exit(1 if wrong else 0)
'
# json_matches CONDITION...: as above, on BODY; prints what does not hold.
json_matches() { python3 -c "$PY_MATCH" "$@" <<<"$BODY"; }

# json_get PATH: one value of BODY.
json_get() {
  python3 -c '
import json, sys
doc = json.loads(sys.stdin.read())
for key in filter(None, sys.argv[1].split(".")):
    doc = doc[int(key)] if isinstance(doc, list) else doc[key]
print(doc)' "$1" <<<"$BODY" 2>/dev/null || fail "no $1 in the answer: $(short "$BODY")"
}

# expect STATUS [CONDITION...]: the last answer has that HTTP status and a JSON body that meets
# the conditions.
expect() {
  local status=$1 why; shift
  [ "$STATUS" = "$status" ] || fail "expected HTTP $status, got $STATUS: $(short "$BODY")"
  [ $# -eq 0 ] && return 0
  why=$(json_matches "$@") || fail "$why (in $(short "$BODY"))"
  note "${GREEN}ok${OFF}: $status, $*"
}

# expect_problem STATUS: an RFC 9457 error.
expect_problem() {
  [ "$STATUS" = "$1" ] || fail "expected HTTP $1, got $STATUS: $(short "$BODY")"
  case $CTYPE in
    application/problem+json*) note "${GREEN}ok${OFF}: $1, $CTYPE" ;;
    *) fail "expected content-type application/problem+json, got '${CTYPE:-none}'" ;;
  esac
}

# poll URL CONDITION...: GET URL until it answers 200 with a body that meets the conditions, for
# at most DEMO_TIMEOUT seconds; a "!" condition that holds fails at once (e.g. '!status=REJECTED').
poll() {
  local url=$1 why rc; shift
  local deadline=$((SECONDS + DEMO_TIMEOUT)) tries=0
  note "${DIM}polling GET $url until 200${*:+ and $*} (at most ${DEMO_TIMEOUT}s)${OFF}"
  while :; do
    tries=$((tries + 1))
    QUIET=1 request GET "$url"
    if [ "$STATUS" = 200 ]; then
      rc=0; why=$(json_matches "$@") || rc=$?
      if [ $rc -eq 0 ]; then
        show_exchange
        note "${GREEN}ok${OFF}: after $tries GET(s), ${SECONDS}s into the demo"
        return 0
      fi
      [ $rc -ne 4 ] || { show_exchange; fail "$why, which will not change any more"; }
    else
      why="HTTP $STATUS"
    fi
    [ $SECONDS -lt $deadline ] || { show_exchange; fail "not within ${DEMO_TIMEOUT}s: $why"; }
    sleep 0.5
  done
}

place_order() { # place_order PRODUCT_ID QUANTITY
  request POST "$ORDERS_URL/orders" \
    "{\"customerId\":\"$CUSTOMER_ID\",\"lines\":[{\"productId\":\"$1\",\"quantity\":$2}]}"
}

# --- the walk-through -----------------------------------------------------------------------------
CURRENT_STEP="services up"
for pair in "catalog $CATALOG_MANAGEMENT_URL" "orders $ORDERS_MANAGEMENT_URL" "inventory $INVENTORY_MANAGEMENT_URL"; do
  name=${pair%% *} url=${pair#* }
  code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url/q/health/ready" || true)
  [ "$code" = 200 ] || fail "$name is not ready at $url/q/health/ready (HTTP ${code:-none}); start the system with ./run-local.sh"
done
# Events flow once every relay publishes and every subscription consumes (so its queue is bound):
# an event published before that would wait in <publisher>.events.unroutable instead.
for pair in "catalog $CATALOG_MANAGEMENT_URL" "orders $ORDERS_MANAGEMENT_URL" "inventory $INVENTORY_MANAGEMENT_URL"; do
  name=${pair%% *} url=${pair#* }
  deadline=$((SECONDS + DEMO_TIMEOUT))
  until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$url/q/health/group/messaging" || true)" = 200 ]; do
    [ $SECONDS -lt $deadline ] \
      || fail "$name's messaging is not UP after ${DEMO_TIMEOUT}s: $(curl -s --max-time 5 "$url/q/health/group/messaging" | tr -d '\n ')"
    sleep 1
  done
done
printf 'catalog %s, orders %s, inventory %s; X-Correlation-Id: %s\n' \
  "$CATALOG_URL" "$ORDERS_URL" "$INVENTORY_URL" "$CORRELATION_ID"

CUSTOMER_ID=$(uuid)
PRODUCT_NAME="Demo laptop $(uuid | cut -c1-8)"

CURRENT_STEP="a. add a product"
step "$CURRENT_STEP (catalog publishes ProductAdded; cost, supplier and notes stay in the catalog)"
AS=$EDITOR request POST "$CATALOG_URL/products" \
  "{\"name\":\"$PRODUCT_NAME\",\"price\":999.50,\"cost\":700,\"supplier\":\"ACME\",\"internalNotes\":\"thin margin\"}"
expect 201 "name=$PRODUCT_NAME" price=999.50
PRODUCT_ID=$(json_get id)

CURRENT_STEP="b. inventory learns of it"
step "$CURRENT_STEP (ProductAdded -> a stock item with nothing on hand)"
poll "$INVENTORY_URL/stock/$PRODUCT_ID" "productId=$PRODUCT_ID" "name=$PRODUCT_NAME" onHand=0 reserved=0 available=0

CURRENT_STEP="c. orders learns of it"
step "$CURRENT_STEP (ProductAdded -> the orders' product view)"
poll "$ORDERS_URL/products/$PRODUCT_ID" "productId=$PRODUCT_ID" "name=$PRODUCT_NAME" price=999.50

CURRENT_STEP="d. receive 10 units"
step "$CURRENT_STEP (inventory publishes StockAdjusted)"
AS=$CLERK request POST "$INVENTORY_URL/stock/$PRODUCT_ID/adjustments" '{"delta":10,"reason":"initial stock"}'
expect 200 onHand=10 reserved=0 available=10

CURRENT_STEP="e. place an order of 3"
step "$CURRENT_STEP (orders publishes OrderPlaced; the order waits for inventory)"
place_order "$PRODUCT_ID" 3
expect 201 status=PENDING total=2998.50
ORDER_1=$(json_get id)

CURRENT_STEP="f. inventory reserves, the order is confirmed"
step "$CURRENT_STEP (OrderPlaced -> StockReserved -> CONFIRMED)"
poll "$ORDERS_URL/orders/$ORDER_1" status=CONFIRMED '!status=REJECTED' '!status=CANCELLED'
poll "$INVENTORY_URL/stock/$PRODUCT_ID" onHand=10 reserved=3 available=7

CURRENT_STEP="g. cancel the order"
step "$CURRENT_STEP (orders publishes OrderCancelled; inventory releases the 3 units)"
request POST "$ORDERS_URL/orders/$ORDER_1/cancel"
expect 200 status=CANCELLED
poll "$INVENTORY_URL/stock/$PRODUCT_ID" onHand=10 reserved=0 available=10

CURRENT_STEP="h. order more than there is"
step "$CURRENT_STEP (accepted as PENDING; inventory refuses: ReserveStockRejected -> REJECTED)"
place_order "$PRODUCT_ID" 100
expect 201 status=PENDING
ORDER_2=$(json_get id)
poll "$ORDERS_URL/orders/$ORDER_2" status=REJECTED '!status=CONFIRMED'
poll "$INVENTORY_URL/stock/$PRODUCT_ID" onHand=10 reserved=0 available=10

CURRENT_STEP="i. order 2 and ship them"
step "$CURRENT_STEP (OrderShipped -> the reservation becomes a shipment)"
place_order "$PRODUCT_ID" 2
expect 201 status=PENDING total=1999.00
ORDER_3=$(json_get id)
poll "$ORDERS_URL/orders/$ORDER_3" status=CONFIRMED '!status=REJECTED' '!status=CANCELLED'
AS=$CLERK request POST "$ORDERS_URL/orders/$ORDER_3/ship"
expect 200 status=SHIPPED
poll "$INVENTORY_URL/stock/$PRODUCT_ID" onHand=8 reserved=0 available=8

CURRENT_STEP="j. ship a cancelled order"
step "$CURRENT_STEP (a state conflict: 409 problem+json)"
AS=$CLERK request POST "$ORDERS_URL/orders/$ORDER_1/ship"
expect_problem 409

CURRENT_STEP="k. order a product no one knows"
step "$CURRENT_STEP (a business rule: 422 problem+json)"
place_order "$(uuid)" 1
expect_problem 422

CURRENT_STEP="l. send an order twice with one Idempotency-Key"
step "$CURRENT_STEP (a retry after a timeout: the same answer, one order)"
ORDER_KEY="demo-$(uuid)"
KEY=$ORDER_KEY place_order "$PRODUCT_ID" 1
expect 201 status=PENDING
ORDER_4=$(json_get id)
KEY=$ORDER_KEY place_order "$PRODUCT_ID" 1
expect 201 "id=$ORDER_4"
[ "$REPLAYED" = true ] || fail "the second answer is not marked Idempotent-Replayed: true"
note "${GREEN}ok${OFF}: the same order, Idempotent-Replayed: true"

CURRENT_STEP="m. add a product without a token"
step "$CURRENT_STEP (401 problem+json: nothing is done anonymously)"
AS="" request POST "$CATALOG_URL/products" '{"name":"Anonymous","price":1}'
expect_problem 401

CURRENT_STEP="n. a customer adds a product"
step "$CURRENT_STEP (403 problem+json: only a catalog editor may)"
request POST "$CATALOG_URL/products" '{"name":"Not yours","price":1}'
expect_problem 403

printf '\n%sdemo passed%s (product %s, orders %s %s %s)\n' "$GREEN$BOLD" "$OFF" \
  "$PRODUCT_ID" "$ORDER_1" "$ORDER_2" "$ORDER_3"
