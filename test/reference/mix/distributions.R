# Reference values for src/mix/chiSquaredUpperTail.ts and src/mix/sampleHypergeometric.ts (R stats).
# Re-run from the project root:
#   Rscript test/reference/mix/distributions.R > test/reference/mix/distributions.json
cases <- data.frame(
  x  = c(0.001, 0.5, 1, 3.841458820694124, 2, 5.991464547107979, 10, 30, 0.2, 50, 120, 7.5, 400, 1e-6),
  df = c(1,     1,   3, 1,                 5, 2,                 4,  3,  9,   40, 100, 15,  300, 2)
)
cases$p <- pchisq(cases$x, cases$df, lower.tail = FALSE)
hyper <- list(
  list(population = 20, marked = 7, draws = 9),
  list(population = 1000, marked = 150, draws = 100),
  list(population = 60, marked = 55, draws = 50)
)
hyper <- lapply(hyper, function(h) {
  k <- 0:h$draws
  h$pmf <- dhyper(k, h$marked, h$population - h$marked, h$draws)
  h
})
fmt <- function(v) paste0("[", paste(sprintf("%.17g", v), collapse = ", "), "]")
cat("{\n")
cat(sprintf('  "_source": "test/reference/mix/distributions.R, %s, stats::pchisq(lower.tail = FALSE) and stats::dhyper",\n', R.version.string))
cat(sprintf('  "chisq": {"x": %s, "df": %s, "upperTail": %s},\n', fmt(cases$x), fmt(cases$df), fmt(cases$p)))
cat('  "hypergeometric": [\n')
cat(paste(sapply(hyper, function(h) sprintf('    {"population": %d, "marked": %d, "draws": %d, "pmf": %s}', h$population, h$marked, h$draws, fmt(h$pmf))), collapse = ",\n"))
cat("\n  ]\n}\n")
