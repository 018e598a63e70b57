"""Print the fault matrix (tests/faults/matrix.json) as the Markdown table in docs/errors.md.

usage: python3 tests/faults/matrix_table.py [MATRIX_JSON]
"""

import json
import os
import sys

# Short names of the request paths that rows count.
ROUTES = {
    "*": "all",
    "/api/v10/users/@me": "@me",
    "/api/v10/users/@me/guilds": "guild list",
    "/api/v10/users/@me/guilds/812345678901234567/member": "member",
}


def cell(value):
    if value is None:
        return "–"
    return str(value).replace("|", "\\|")


def setup(row):
    """Describe what the row changes besides its token: pipeline, scopes, server, base URL."""
    parts = []
    if row["pipeline"] != "full":
        parts.append(f"pipeline `{row['pipeline']}`")
    if row.get("scopes") != "identify guilds guilds.members.read":
        parts.append(f"scopes `{row.get('scopes')}`")
    if row.get("server"):
        parts.append(f"server `{row['server']}`")
    if row.get("api_base"):
        parts.append(f"API base `{row['api_base']}`")
    if row.get("route_faults"):
        actions = sorted({fault.get("action", "respond") for fault in row["route_faults"]})
        parts.append("route fault (" + ", ".join(actions) + ")")
    if row.get("client_options"):
        parts.append(f"library: request_timeout {row['client_options']['request_timeout_ms']} ms")
    if row.get("login_gate_skip"):
        parts.append("library only")
    return "; ".join(parts) or "–"


def outcome(row):
    text = row["verdict"]
    if row["error"]:
        text += f" `{row['error']}`"
    return text


def extras(row):
    parts = []
    if row.get("message"):
        parts.append(f"message \"{row['message']}\"")
    if "retry_after" in row:
        parts.append(f"retry_after {row['retry_after']}")
    if row.get("detail"):
        parts.append(f"detail \"{row['detail']}\"")
    requests = [f"{ROUTES.get(path, path)} {count}"
                for path, count in row.get("requests", {}).items()]
    if requests:
        parts.append("requests: " + ", ".join(requests))
    for action in row.get("events", []):
        parts.append(f"event {action}")
    if "avatar_stored" in row:
        parts.append("avatar stored" if row["avatar_stored"] else "no attributes.avatar")
    if "groups" in row:
        parts.append("groups " + ", ".join(row["groups"]))
    return "; ".join(parts)


def main():
    default = os.path.join(os.path.dirname(os.path.abspath(__file__)), "matrix.json")
    with open(sys.argv[1] if len(sys.argv) > 1 else default, encoding="utf-8") as matrix:
        rows = json.load(matrix)

    print("| id | input | token | setup | outcome | HTTP status | also checked |")
    print("|---|---|---|---|---|---|---|")
    for row in rows:
        print(f"| {row['id']} | {cell(row['description'])} | `{row['token']}` | "
              f"{cell(setup(row))} | {outcome(row)} | {cell(row['http_status'])} | "
              f"{cell(extras(row))} |")


if __name__ == "__main__":
    main()
