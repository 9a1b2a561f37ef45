"""One module per ``kg`` sub-command; each has ``register(subparsers)`` and imports heavy
libraries only inside the function that runs the command (so ``kg --help`` stays fast)."""

NAMES = ("build", "validate", "orgs", "who", "tasks", "trace", "stats", "docs", "export", "view")
