# Reference values for wilsonInterval() and normalQuantile().
# Re-run from the project root:  Rscript test/reference/indicators/wilson.R > test/reference/indicators/wilson.json
# prop.test(k, n, correct = FALSE)$conf.int is exactly the Wilson (1927) score interval; qnorm is AS 241.
# Plain base R (no jsonlite): numbers are written with 17 significant digits.

cases <- data.frame(
  k          = c(0, 1, 2, 5, 12, 50, 99, 100, 0, 3, 17, 212, 1234, 7, 7, 7, 4, 0.5, 29.5, 1, 999),
  n          = c(10, 10, 10, 10, 80, 100, 100, 100, 1, 3, 300, 300, 5000, 40, 40, 40, 9, 3, 61, 1000000, 1000),
  confidence = c(0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 0.9, 0.99, 0.5, 0.8, 0.95, 0.95, 0.95, 0.999)
)
num <- function(x) sprintf("%.17g", x)
rows <- character(nrow(cases))
for (i in seq_len(nrow(cases))) {
  k <- cases$k[i]; n <- cases$n[i]; cl <- cases$confidence[i]
  ci <- suppressWarnings(prop.test(k, n, conf.level = cl, correct = FALSE))$conf.int
  rows[i] <- sprintf('    {"k": %s, "n": %s, "confidence": %s, "lower": %s, "upper": %s}',
                     num(k), num(n), num(cl), num(ci[1]), num(ci[2]))
}
ps <- c(1e-300, 1e-20, 1e-10, 1e-5, 0.001, 0.01, 0.025, 0.05, 0.074, 0.075, 0.076, 0.1, 0.3, 0.5,
        0.7, 0.9, 0.925, 0.95, 0.975, 0.99, 0.995, 0.999, 1 - 1e-10)
qrows <- sprintf('    {"p": %s, "q": %s}', num(ps), num(qnorm(ps)))
cat("{\n")
cat(sprintf('  "_source": "R %s, stats::prop.test(k, n, conf.level, correct = FALSE)$conf.int and stats::qnorm; script test/reference/indicators/wilson.R",\n',
            paste(R.version$major, R.version$minor, sep = ".")))
cat('  "wilson": [\n', paste(rows, collapse = ",\n"), "\n  ],\n", sep = "")
cat('  "qnorm": [\n', paste(qrows, collapse = ",\n"), "\n  ]\n", sep = "")
cat("}\n")
