# Reference values for test/spatial: global Moran's I, Geary's C, local Moran's I with R spdep (also with an island:
# adjust.n = TRUE and FALSE, zero.policy = TRUE).
# Re-run from the project root:  Rscript test/reference/spatial/moran.R   (writes test/reference/spatial/moran.json)
# Needs R with spdep (tested with spdep 1.2.7) and the shared reference data in ../shared/data.
suppressMessages(library(spdep))
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
source(file.path(here, "json.R"))
data_dir <- Sys.getenv("SOZIALRAUM_SHARED_DATA", normalizePath(file.path(here, "..", "..", "..", "..", "shared", "data")))

case <- function(gal, csv, idcol, var) {
  nb <- read.gal(file.path(data_dir, gal), override.id = TRUE)
  d <- read.csv(file.path(data_dir, csv), colClasses = "character")
  ids <- attr(nb, "region.id")
  x <- as.numeric(d[[var]][match(ids, as.character(as.numeric(d[[idcol]])))])
  stopifnot(!anyNA(x))
  lw <- nb2listw(nb, style = "W")
  mn <- moran.test(x, lw, randomisation = FALSE, alternative = "greater")
  mr <- moran.test(x, lw, randomisation = TRUE, alternative = "greater")
  gn <- geary.test(x, lw, randomisation = FALSE, alternative = "greater")
  gr <- geary.test(x, lw, randomisation = TRUE, alternative = "greater")
  lmn <- localmoran(x, lw, mlvar = TRUE, alternative = "two.sided")
  lm1 <- localmoran(x, lw, mlvar = FALSE, alternative = "two.sided")
  lb <- nb2listw(nb, style = "B")
  mb <- moran.test(x, lb, randomisation = FALSE, alternative = "greater")
  list(
    gal = gal, variable = var, ids = as_array(ids), x = as_array(x),
    moran = list(I = unname(mn$estimate[1]), expected = unname(mn$estimate[2]),
                 variance = unname(mn$estimate[3]), z = unname(mn$statistic), p = mn$p.value,
                 varianceRandomization = unname(mr$estimate[3]), zRandomization = unname(mr$statistic),
                 pRandomization = mr$p.value),
    moranBinary = list(I = unname(mb$estimate[1]), variance = unname(mb$estimate[3])),
    geary = list(C = unname(gn$estimate[1]), variance = unname(gn$estimate[3]), z = unname(gn$statistic),
                 p = gn$p.value, varianceRandomization = unname(gr$estimate[3]), zRandomization = unname(gr$statistic)),
    localmoran = list(Ii = as_array(lmn[, 1]), E = as_array(lmn[, 2]), Var = as_array(lmn[, 3]),
                      Z = as_array(lmn[, 4]), p = as_array(lmn[, 5]),
                      quadrant = as_array(as.character(attr(lmn, "quadr")$pysal))),
    localmoranMlvarFalse = list(Ii = as_array(lm1[, 1]))
  )
}

# A chain a-b-c-d-e plus an island f (no neighbours): spdep's adjust.n = TRUE (its default) leaves islands out
# of n, adjust.n = FALSE keeps them (as esda); zero.policy = TRUE allows the island.
islands_case <- function() {
  ids <- c("a", "b", "c", "d", "e", "f")
  nb <- structure(list(2L, c(1L, 3L), c(2L, 4L), c(3L, 5L), 4L, 0L), class = "nb", region.id = ids)
  lw <- nb2listw(nb, style = "W", zero.policy = TRUE)
  x <- c(1, 3, 2, 6, 5, 9)
  tests <- function(adjust) {
    mn <- moran.test(x, lw, randomisation = FALSE, zero.policy = TRUE, adjust.n = adjust)
    mr <- moran.test(x, lw, randomisation = TRUE, zero.policy = TRUE, adjust.n = adjust)
    gn <- geary.test(x, lw, randomisation = FALSE, zero.policy = TRUE, adjust.n = adjust)
    gr <- suppressWarnings(geary.test(x, lw, randomisation = TRUE, zero.policy = TRUE, adjust.n = adjust))
    list(
      moran = list(I = unname(mn$estimate[1]), expected = unname(mn$estimate[2]), variance = unname(mn$estimate[3]),
                   z = unname(mn$statistic), p = mn$p.value, varianceRandomization = unname(mr$estimate[3]),
                   zRandomization = unname(mr$statistic)),
      geary = list(C = unname(gn$estimate[1]), variance = unname(gn$estimate[3]), z = unname(gn$statistic),
                   p = gn$p.value, varianceRandomization = unname(gr$estimate[3]), zRandomization = unname(gr$statistic))
    )
  }
  lm <- localmoran(x, lw, zero.policy = TRUE, alternative = "two.sided")
  list(
    ids = as_array(ids), x = as_array(x),
    neighbours = list(a = as_array("b"), b = as_array(c("a", "c")), c = as_array(c("b", "d")), d = as_array(c("c", "e")), e = as_array("d"), f = as_array(character(0))),
    adjustN = tests(TRUE), keepN = tests(FALSE),
    localmoran = list(Ii = as_array(lm[, 1]), E = as_array(lm[, 2]), Var = as_array(lm[, 3]), Z = as_array(lm[, 4]), p = as_array(lm[, 5]))
  )
}

p_demo <- c(0.001, 0.02, 0.03, 0.04, 0.2, 0.5, 0.011, 0.9, 0.04, 0.3)
z_demo <- c(-3, -1.5, -0.1, 0, 0.3, 1, 1.959963984540054, 2.5, 3.641097183545746, 5.3818, 7, 8, 10, 20, 30)
out <- list(
  `_source` = sprintf("R %s, spdep %s: moran.test, geary.test, localmoran (conditional = TRUE), nb2listw style W; written by test/reference/spatial/moran.R",
                      getRversion(), packageVersion("spdep")),
  stl = case("pysal-examples/stl/stl.gal", "pysal-examples/stl/stl_hom.csv", "POLY_ID_OG", "HR8893"),
  sids2 = case("pysal-examples/sids2/sids2.gal", "pysal-examples/sids2/sids2.csv", "FIPSNO", "SIDR74"),
  columbus = case("spdep-columbus/columbus_col.gal.nb.gal", "pysal-examples/columbus/columbus.csv", "POLYID", "CRIME"),
  islands = islands_case(),
  pAdjustBH = list(p = as_array(p_demo), adjusted = as_array(p.adjust(p_demo, "BH"))),
  pnormUpper = list(z = as_array(z_demo), p = as_array(pnorm(z_demo, lower.tail = FALSE)))
)
writeLines(to_json(out), file.path(here, "moran.json"))
