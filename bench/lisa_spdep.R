# Companion of bench/lisa.bench.ts: R spdep localmoran_perm on the same values and weights.
# Usage: Rscript bench/lisa_spdep.R <dir> <nsim> [repeats]
#   <dir>/values.txt  one value per line, in the order of the GAL records
#   <dir>/weights.gal GAL neighbour list (row-standardised here with nb2listw style "W")
# Prints one line "RESULT {json}" with the seconds inside R around localmoran_perm only (the best of `repeats`
# runs, default 3, as the benchmark takes the best of 3 on its side too), and writes
# <dir>/spdep_Ii.txt (I_i) so the benchmark can check that both computed the same statistic.
suppressMessages(library(spdep))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
nsim <- as.integer(args[2])
repeats <- if (length(args) >= 3) as.integer(args[3]) else 3L
x <- scan(file.path(dir, "values.txt"), quiet = TRUE)
nb <- read.gal(file.path(dir, "weights.gal"), override.id = TRUE)
lw <- nb2listw(nb, style = "W")
best <- c(elapsed = Inf, cpu = Inf)
for (r in seq_len(repeats)) {
  t <- system.time(res <- localmoran_perm(x, lw, nsim = nsim, iseed = 1L))
  best <- pmin(best, c(t[["elapsed"]], t[["user.self"]] + t[["sys.self"]]))
}
writeLines(sprintf("%.17g", res[, "Ii"]), file.path(dir, "spdep_Ii.txt"))
cat(sprintf("RESULT {\"seconds\": %.4f, \"cpuSeconds\": %.4f, \"spdep\": \"%s\", \"R\": \"%s\", \"n\": %d}\n",
            best[[1]], best[[2]], as.character(packageVersion("spdep")),
            as.character(getRversion()), length(x)))
