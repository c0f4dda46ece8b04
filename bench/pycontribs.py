"""pycontribs `jira` doing what a token check needs: serverInfo (the JIRA() constructor asks
for it), myself and mypermissions. Run by bench/run.mjs against the Jira simulator:

    python bench/pycontribs.py BASE_URL pat|basic LOGIN     (secret in $JIRA_SECRET)

Prints one JSON line: {"ms": time from JIRA() to the permissions, "ok": bool}. Import time
is not counted.
"""
import json
import os
import sys
import time

from jira import JIRA

base, mode, login = sys.argv[1:4]
secret = os.environ["JIRA_SECRET"]
t0 = time.perf_counter()
ok = False
try:
    if mode == "pat":
        jira = JIRA(server=base, token_auth=secret)
    else:
        jira = JIRA(server=base, basic_auth=(login, secret))
    me = jira.myself()
    perms = jira.my_permissions(permissions="BROWSE_PROJECTS,CREATE_ISSUES")
    ok = bool(me) and "permissions" in perms
finally:
    print(json.dumps({"ms": (time.perf_counter() - t0) * 1000, "ok": ok}))
