# Test-only check: a row per exported span, and the code-point slices matched (checked above).
stopifnot(nrow(spans) == sum(vapply(docs, function(d) length(d$spans), 0L)))
