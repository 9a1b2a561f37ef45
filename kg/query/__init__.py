"""The query side: lookups over a built graph (who, trace, docs, tasks, stats, orgs, exports)."""
