# Independent reference for the whole pipeline (runAnalysis) on the small grid city in ./city
# (written once by test/pipeline/syntheticCity.ts, writeSyntheticCity(dir, { cols: 6, rows: 5, seed: 7 })).
# Re-run from the project root:   Rscript test/reference/pipeline/analysis.R > test/reference/pipeline/analysis.json
# Method (defaults of runAnalysis): rates in % per the default indicator catalogue; a value is usable when its
# counts are present, the base is > 0 and >= 20 (minimumBase; context indicators 0) and the area has >= 300
# residents; z = (x - mean) / sd over the usable areas with the population SD (divisor n), as Berlin MSS;
# flags z > 1 "auffällig", z > 1.5 "stark auffällig"; verdict per target group: stark if any stark flag or >= 2
# flags, auffällig if >= 1 flag; status index (Berlin MSS): z of arbeitslosigkeit, transferbezug, kinderarmut
# over the areas where all three are usable, summed, standardised again; classes hoch < -1 <= mittel <= 1 <
# niedrig <= 1.5 < sehr niedrig; dynamic index the same with the changes 2016 -> 2018 in percentage points over
# the areas usable in both years; classes positiv < -1 <= stabil <= 1 < negativ; rank 1 = highest status index.
here <- "test/reference/pipeline/city"
read <- function(f) read.csv(file.path(here, f), sep = ";", dec = ",", na.strings = c(".", "-"),
                             colClasses = c(sozialraum_id = "character"), check.names = FALSE)
ind <- list(
  kinderarmut = list("children", "sgb2_unter_15", c("ew_0_5", "ew_6_14"), 20),
  alleinerziehende = list("children", "hh_alleinerziehend", "hh_mit_kindern", 20),
  jugendarbeitslosigkeit = list("children", "arbeitslose_15_24", c("ew_15_17", "ew_18_24"), 20),
  sgb2_quote = list("working-age", "sgb2_elb_15_64", c("ew_15_17", "ew_18_24", "ew_25_64"), 20),
  arbeitslosigkeit = list("working-age", "arbeitslose", c("ew_15_17", "ew_18_24", "ew_25_64"), 20),
  arbeitslosigkeit_sgb2 = list("working-age", "arbeitslose_sgb2", c("ew_15_17", "ew_18_24", "ew_25_64"), 20),
  transferbezug = list("working-age", c("sgb2_personen", "grundsicherung_65_plus"), "einwohner", 20),
  altersarmut = list("elderly", "grundsicherung_65_plus", "ew_65_plus", 20),
  migrationshintergrund = list("context", "migrationshintergrund", "einwohner", 0),
  anteil_kinder = list("context", c("ew_0_5", "ew_6_14"), "einwohner", 0),
  anteil_junge = list("context", c("ew_15_17", "ew_18_24"), "einwohner", 0),
  anteil_aeltere = list("context", "ew_65_plus", "einwohner", 0),
  haushalte_mit_kindern = list("context", "hh_mit_kindern", "haushalte", 0)
)
rates <- function(d) {
  out <- list()
  for (k in names(ind)) {
    num <- rowSums(d[, ind[[k]][[2]], drop = FALSE]); den <- rowSums(d[, ind[[k]][[3]], drop = FALSE])
    v <- ifelse(den > 0, 100 * num / den, NA)
    ok <- !is.na(v) & den >= ind[[k]][[4]] & !is.na(d$einwohner) & d$einwohner >= 300
    out[[k]] <- list(value = v, usable = ok)
  }
  out
}
zpop <- function(x) { m <- mean(x); (x - m) / sqrt(mean((x - m)^2)) }
d18 <- read("strukturdaten_2018.csv"); d16 <- read("strukturdaten_2016.csv")
stopifnot(identical(d18$sozialraum_id, d16$sozialraum_id))
r18 <- rates(d18); r16 <- rates(d16)
n <- nrow(d18)
z <- list()
for (k in names(ind)) { zk <- rep(NA_real_, n); u <- r18[[k]]$usable; zk[u] <- zpop(r18[[k]]$value[u]); z[[k]] <- zk }
groups <- c("children", "working-age", "elderly")
verdict <- sapply(groups, function(g) {
  ks <- names(ind)[sapply(ind, `[[`, 1) == g]
  sapply(seq_len(n), function(i) {
    zi <- sapply(ks, function(k) z[[k]][i])
    if (all(is.na(zi))) return(NA_character_)
    f <- sum(zi > 1, na.rm = TRUE); s <- sum(zi > 1.5, na.rm = TRUE)
    if (s > 0 || f >= 2) "stark auffällig" else if (f >= 1) "auffällig" else "unauffällig"
  })
})
comp <- function(cols, valid) {
  idx <- rep(NA_real_, n)
  s <- Reduce(`+`, lapply(cols, function(x) zpop(x[valid])))
  idx[valid] <- zpop(s)
  idx
}
st <- c("arbeitslosigkeit", "transferbezug", "kinderarmut")
vs <- Reduce(`&`, lapply(st, function(k) r18[[k]]$usable))
status <- comp(lapply(st, function(k) r18[[k]]$value), vs)
vd <- vs & Reduce(`&`, lapply(st, function(k) r16[[k]]$usable))
dyn <- comp(lapply(st, function(k) r18[[k]]$value - r16[[k]]$value), vd)
scls <- ifelse(is.na(status), NA, ifelse(status < -1, "hoch", ifelse(status <= 1, "mittel", ifelse(status <= 1.5, "niedrig", "sehr niedrig"))))
dcls <- ifelse(is.na(dyn), NA, ifelse(dyn < -1, "positiv", ifelse(dyn <= 1, "stabil", "negativ")))
rk <- rep(NA_real_, n); rk[!is.na(status)] <- rank(-status[!is.na(status)], ties.method = "min")
num <- function(x) if (is.na(x)) "null" else sprintf("%.17g", x)
str <- function(x) if (is.na(x)) "null" else paste0('"', x, '"')
cat("{\n  \"source\": \"", R.version.string, ", test/reference/pipeline/analysis.R\",\n  \"areas\": [\n", sep = "")
for (i in seq_len(n)) {
  zs <- paste(sapply(names(ind), function(k) paste0('"', k, '": ', num(z[[k]][i]))), collapse = ", ")
  vv <- paste(sapply(groups, function(g) paste0('"', g, '": ', str(verdict[i, g]))), collapse = ", ")
  cat("    {\"id\": \"", d18$sozialraum_id[i], "\", \"rank\": ", num(rk[i]), ", \"status\": ", num(status[i]),
      ", \"statusClass\": ", str(scls[i]), ", \"dynamic\": ", num(dyn[i]), ", \"dynamicClass\": ", str(dcls[i]),
      ", \"verdicts\": {", vv, "}, \"z\": {", zs, "}}", if (i < n) "," else "", "\n", sep = "")
}
cat("  ]\n}\n")
