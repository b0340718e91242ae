# Reference values for empiricalBayesRates(), localEmpiricalBayesRates() and empiricalBayesStandardizedRates()
# on the North Carolina SIDS data (PySAL example sids2, 100 counties; ../shared/data/pysal-examples/sids2).
# Re-run from the project root:
#   Rscript test/reference/indicators/empirical-bayes.R > test/reference/indicators/empirical-bayes.json
# Uses R spdep: EBest (Marshall 1991 global EB; family poisson and binomial), EBlocal(geoda = TRUE)
# (Marshall's local EB over sids2.gal neighbours), and EBImoran.mc (Assuncao-Reis EB Moran's I of SID79/BIR79,
# row-standardised sids2.gal weights; its z is printed as in spdep's own code). No jsonlite: 17 significant digits.
suppressPackageStartupMessages(library(spdep))
dir <- file.path("..", "shared", "data", "pysal-examples", "sids2")
d <- read.csv(file.path(dir, "sids2.csv"), colClasses = c(FIPSNO = "character"))
nb <- read.gal(file.path(dir, "sids2.gal"), region.id = d$FIPSNO)

num <- function(x) sprintf("%.17g", x)
arr <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
out <- list()

p74 <- EBest(d$SID74, d$BIR74)
b74 <- EBest(d$SID74, d$BIR74, family = "binomial")
p79 <- EBest(d$SID79, d$BIR79)
l74 <- EBlocal(d$SID74, d$BIR74, nb, geoda = TRUE)

# Assuncao-Reis z exactly as spdep's EBImoran.mc builds it
ar <- function(n, x) {
  EB <- EBest(n, x); p <- EB$raw; b <- attr(EB, "parameters")$b; a <- attr(EB, "parameters")$a
  v <- a + (b / x); v[v < 0] <- b / x
  (p - b) / sqrt(v)
}
z79 <- ar(d$SID79, d$BIR79)
set.seed(1)
ebi <- suppressMessages(EBImoran.mc(d$SID79, d$BIR79, nb2listw(nb, style = "W"), nsim = 9))

cat("{\n")
cat(sprintf('  "_source": "R %s.%s, spdep %s (EBest, EBlocal geoda = TRUE, EBImoran.mc); script test/reference/indicators/empirical-bayes.R",\n',
            R.version$major, R.version$minor, as.character(packageVersion("spdep"))))
cat(sprintf('  "fipsno": [%s],\n', paste0('"', d$FIPSNO, '"', collapse = ", ")))
cat(sprintf('  "neighbors": [%s],\n', paste(sapply(nb, function(v) paste0("[", paste(if (length(v) == 1 && v[1] == 0) integer(0) else v - 1, collapse = ", "), "]")), collapse = ", ")))
cat(sprintf('  "poisson_SID74_BIR74": {"a": %s, "b": %s, "raw": %s, "estmm": %s},\n',
            num(attr(p74, "parameters")$a), num(attr(p74, "parameters")$b), arr(p74$raw), arr(p74$estmm)))
cat(sprintf('  "binomial_SID74_BIR74": {"a": %s, "b": %s, "estmm": %s},\n',
            num(attr(b74, "parameters")$a), num(attr(b74, "parameters")$b), arr(b74$estmm)))
cat(sprintf('  "poisson_SID79_BIR79": {"a": %s, "b": %s, "estmm": %s},\n',
            num(attr(p79, "parameters")$a), num(attr(p79, "parameters")$b), arr(p79$estmm)))
cat(sprintf('  "local_SID74_BIR74": {"est": %s, "a": %s, "m": %s},\n',
            arr(l74$est), arr(attr(l74, "parameters")$a), arr(attr(l74, "parameters")$m)))
cat(sprintf('  "assuncao_reis_SID79_BIR79": {"z": %s, "EBImoran": %s}\n', arr(z79), num(ebi$statistic)))
cat("}\n")
