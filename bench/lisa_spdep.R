# Companion of bench/lisa.bench.ts: R spdep localmoran_perm on the same values and weights.
# Usage: Rscript bench/lisa_spdep.R <dir> <nsim>
#   <dir>/values.txt  one value per line, in the order of the GAL records
#   <dir>/weights.gal GAL neighbour list (row-standardised here with nb2listw style "W")
# Prints one line "RESULT {json}" with the seconds inside R around localmoran_perm only, and writes
# <dir>/spdep_Ii.txt (I_i) so the benchmark can check that both computed the same statistic.
suppressMessages(library(spdep))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]
nsim <- as.integer(args[2])
x <- scan(file.path(dir, "values.txt"), quiet = TRUE)
nb <- read.gal(file.path(dir, "weights.gal"), override.id = TRUE)
lw <- nb2listw(nb, style = "W")
t <- system.time(res <- localmoran_perm(x, lw, nsim = nsim, iseed = 1L))
writeLines(sprintf("%.17g", res[, "Ii"]), file.path(dir, "spdep_Ii.txt"))
cat(sprintf("RESULT {\"seconds\": %.4f, \"cpuSeconds\": %.4f, \"spdep\": \"%s\", \"R\": \"%s\", \"n\": %d}\n",
            t[["elapsed"]], t[["user.self"]] + t[["sys.self"]], as.character(packageVersion("spdep")),
            as.character(getRversion()), length(x)))
