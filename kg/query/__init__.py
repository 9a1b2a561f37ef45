"""The query side: lookups over a built graph (who, orgs, tasks, trace, docs, stats, exports, SHACL
validation) and the opened graph :class:`kg.query.built.BuiltGraph`; never imports the build side."""
