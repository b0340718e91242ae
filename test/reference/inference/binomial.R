# Reference probabilities for sampleBinomial() (exact inversion test in test/inference/binomial.test.ts).
# Re-run from the project root:  Rscript test/reference/inference/binomial.R > test/reference/inference/binomial.json
# stats::dbinom(0:n, n, p); plain base R (no jsonlite), 17 significant digits.
cases <- list(c(50, 0.3), c(7, 0.9), c(1000, 0.002), c(25, 0.5))
num <- function(x) sprintf("%.17g", x)
rows <- sapply(cases, function(c) sprintf('    {"n": %s, "p": %s, "pmf": [%s]}', num(c[1]), num(c[2]),
                                          paste(num(dbinom(0:c[1], c[1], c[2])), collapse = ", ")))
cat("{\n")
cat(sprintf('  "_source": "R %s.%s, stats::dbinom; script test/reference/inference/binomial.R",\n', R.version$major, R.version$minor))
cat('  "cases": [\n', paste(rows, collapse = ",\n"), "\n  ]\n}\n", sep = "")
