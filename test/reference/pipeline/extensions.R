# Independent reference for the steps runAnalysis adds after the ranking, on the grid city in ./city:
# need index per target group, Moran's I and local Moran's I (Nachbarschaft), Kita places per 1 000 children
# under 6 (Bedarf und Angebot) and the segregation index D of SGB II recipients (Durchmischung).
# Re-run from the project root:   Rscript test/reference/pipeline/extensions.R > test/reference/pipeline/extensions.json
# Packages: base R, sf (st_read, st_within), spdep (poly2nb, nb2listw, moran.test, localmoran).
# Method (defaults of runAnalysis): rates and usability as in analysis.R; need index of a target group = the
# status-index method on the group's valued indicators (z over the areas where all of them are usable, population
# SD, summed, standardised again); Moran's I with queen contiguity (poly2nb(queen = TRUE)), row-standardised
# ("W"), areas without a value dropped (subset.listw), moments under normality (randomisation = FALSE);
# localmoran of the status index (spdep default mlvar = TRUE: variance with divisor n); Kita places per 1 000
# residents aged 0-5 per area = 1000 * sum of Kita capacities inside the area (st_within, planar) / ew_0_5;
# D = sum_i t_i |p_i - P| / (2 T P (1 - P)) with x = sgb2_personen, t = einwohner (Duncan & Duncan 1955).
suppressPackageStartupMessages({ library(sf); library(spdep) })
sf_use_s2(FALSE)
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
  altersarmut = list("elderly", "grundsicherung_65_plus", "ew_65_plus", 20)
)
d18 <- read("strukturdaten_2018.csv")
n <- nrow(d18)
r18 <- list()
for (k in names(ind)) {
  num <- rowSums(d18[, ind[[k]][[2]], drop = FALSE]); den <- rowSums(d18[, ind[[k]][[3]], drop = FALSE])
  v <- ifelse(den > 0, 100 * num / den, NA)
  ok <- !is.na(v) & den >= ind[[k]][[4]] & !is.na(d18$einwohner) & d18$einwohner >= 300
  r18[[k]] <- list(value = v, usable = ok)
}
zpop <- function(x) { m <- mean(x); (x - m) / sqrt(mean((x - m)^2)) }
comp <- function(ks) {
  valid <- Reduce(`&`, lapply(ks, function(k) r18[[k]]$usable))
  idx <- rep(NA_real_, n)
  idx[valid] <- zpop(Reduce(`+`, lapply(ks, function(k) zpop(r18[[k]]$value[valid]))))
  idx
}
groups <- c("children", "working-age", "elderly")
need <- lapply(groups, function(g) comp(names(ind)[sapply(ind, `[[`, 1) == g]))
names(need) <- groups
status <- comp(c("arbeitslosigkeit", "transferbezug", "kinderarmut"))

geo <- st_read(file.path(here, "sozialraeume.geojson"), quiet = TRUE)
geo <- geo[match(d18$sozialraum_id, geo$sozialraum_id), ]
nb <- poly2nb(geo, queen = TRUE, row.names = geo$sozialraum_id)
moranOf <- function(x) {
  keep <- !is.na(x)
  lw <- nb2listw(subset(nb, keep), style = "W", zero.policy = TRUE)
  m <- moran.test(x[keep], lw, randomisation = FALSE, zero.policy = TRUE)
  c(I = unname(m$estimate[1]), expected = unname(m$estimate[2]), variance = unname(m$estimate[3]), n = sum(keep))
}
vars <- c(list(status_index = status), lapply(names(ind), function(k) ifelse(r18[[k]]$usable, r18[[k]]$value, NA)))
names(vars) <- c("status_index", names(ind))
mor <- lapply(vars, moranOf)
keep <- !is.na(status)
lm <- localmoran(status[keep], nb2listw(subset(nb, keep), style = "W", zero.policy = TRUE), zero.policy = TRUE)

fac <- read.csv(file.path(here, "einrichtungen.csv"), sep = ";", dec = ",", check.names = FALSE)
kita <- fac[fac$typ == "Kita", ]
pts <- st_as_sf(kita, coords = c("lon", "lat"), crs = st_crs(geo))
inside <- st_within(pts, geo)
area <- sapply(inside, function(w) if (length(w) == 1) geo$sozialraum_id[w] else NA)
places <- sapply(d18$sozialraum_id, function(id) sum(kita$kapazitaet[!is.na(area) & area == id]))
placeRate <- 1000 * places / d18$ew_0_5

x <- d18$sgb2_personen; t <- d18$einwohner; P <- sum(x) / sum(t)
D <- sum(t * abs(x / t - P)) / (2 * sum(t) * P * (1 - P))

num <- function(x) if (is.na(x)) "null" else sprintf("%.17g", x)
cat("{\n  \"source\": \"", R.version.string, ", sf ", as.character(packageVersion("sf")), ", spdep ", as.character(packageVersion("spdep")),
    ", test/reference/pipeline/extensions.R\",\n", sep = "")
cat("  \"ids\": [", paste0('"', d18$sozialraum_id, '"', collapse = ", "), "],\n", sep = "")
cat("  \"need\": {", paste(sapply(groups, function(g) paste0('"', g, '": [', paste(sapply(need[[g]], num), collapse = ", "), "]")), collapse = ", "), "},\n", sep = "")
cat("  \"moran\": {", paste(sapply(names(mor), function(k) paste0('"', k, '": {"I": ', num(mor[[k]]["I"]), ', "expected": ', num(mor[[k]]["expected"]),
    ', "variance": ', num(mor[[k]]["variance"]), ', "n": ', mor[[k]]["n"], "}")), collapse = ", "), "},\n", sep = "")
cat("  \"localMoranStatus\": {\"ids\": [", paste0('"', d18$sozialraum_id[keep], '"', collapse = ", "), "], \"Ii\": [", paste(sapply(lm[, "Ii"], num), collapse = ", "), "]},\n", sep = "")
cat("  \"kitaPlaceRate\": [", paste(sapply(placeRate, num), collapse = ", "), "],\n", sep = "")
cat("  \"dissimilaritySgb2\": ", num(D), "\n}\n", sep = "")
