# Reference values for test/standardize/*.test.ts and test/classify/compositeIndex.test.ts, computed with base R
# (no packages). Re-run from the project root:
#   Rscript test/reference/standardize/standardize.R > test/reference/standardize/standardize.json
# The Berlin part reads ../shared/data/berlin-mss-2021/mss_2021_index_indikatoren.csv (set SOZIALRAUM_SHARED_DATA
# to point elsewhere).
num <- function(x) ifelse(is.na(x), "null", sprintf("%.17g", x))
arr <- function(x) paste0("[", paste(num(x), collapse = ", "), "]")
str_arr <- function(x) paste0("[", paste0('"', x, '"', collapse = ", "), "]")
out <- c()
add <- function(name, value) out <<- c(out, sprintf('  "%s": %s', name, value))

# A small indicator with a missing value (NA) and ties (12.5 twice, 30 twice).
x <- c(12.5, 3.2, NA, 30, 7.75, 12.5, 18.1, 30, 0.4, 21.6)
w <- c(1200, 830, 400, 2950, 610, 1720, 990, 3300, 450, 1480)  # e.g. Einwohner
ok <- !is.na(x)
xo <- x[ok]; wo <- w[ok]; n <- length(xo)
add("x", arr(x))
add("w", arr(w))

# z-scores: R scale() = unweighted mean, sample SD.
add("scale_sample", arr(as.vector(scale(x))))
# Population SD (divisor n), as Berlin MSS.
sd_pop <- sqrt(sum((xo - mean(xo))^2) / n)
add("mean", num(mean(xo)))
add("sd_sample", num(sd(xo)))
add("sd_population", num(sd_pop))
add("z_population", arr((x - mean(xo)) / sd_pop))
add("z_population_direction_minus", arr(-(x - mean(xo)) / sd_pop))
# Weighted: m = sum(w x)/sum(w); population s^2 = sum(w (x-m)^2)/sum(w); sample (frequency weights) / (sum(w) - 1).
mw <- weighted.mean(xo, wo)
sw_pop <- sqrt(sum(wo * (xo - mw)^2) / sum(wo))
sw_smp <- sqrt(sum(wo * (xo - mw)^2) / (sum(wo) - 1))
add("weighted_mean", num(mw))
add("weighted_sd_population", num(sw_pop))
add("weighted_sd_sample", num(sw_smp))
add("z_weighted_population", arr((x - mw) / sw_pop))
add("z_weighted_sample", arr((x - mw) / sw_smp))

# Robust z: median and mad() (constant 1.4826).
add("median", num(median(xo)))
add("mad", num(mad(xo)))
add("mad_raw", num(mad(xo, constant = 1)))
add("robust_z", arr((x - median(xo)) / mad(xo)))

# Min-max.
add("min_max", arr((x - min(xo)) / (max(xo) - min(xo))))
add("min_max_direction_minus", arr((max(xo) - x) / (max(xo) - min(xo))))

# Ranks, rank 1 = highest value (most disadvantaged): rank(-x).
r <- function(m) { v <- rep(NA, length(x)); v[ok] <- rank(-xo, ties.method = m); v }
add("rank_min", arr(r("min")))
add("rank_max", arr(r("max")))
add("rank_average", arr(r("average")))
dense <- rep(NA, length(x)); dense[ok] <- match(-xo, sort(unique(-xo)))
add("rank_dense", arr(dense))
add("rank_min_direction_minus", arr({ v <- rep(NA, length(x)); v[ok] <- rank(xo, ties.method = "min"); v }))

# Percentile rank, mid-rank definition: 100 * (rank(x, "average") - 0.5) / n.
pr <- rep(NA, length(x)); pr[ok] <- 100 * (rank(xo) - 0.5) / n
add("percentile_rank", arr(pr))

# Berlin MSS 2021 status and dynamic index from the raw shares of the 536 valid areas:
# z with unweighted mean and population SD, sum, sum standardised the same way (Indikatorenheft pp. 41/45).
shared <- Sys.getenv("SOZIALRAUM_SHARED_DATA", "../shared/data")
b <- read.csv(file.path(shared, "berlin-mss-2021", "mss_2021_index_indikatoren.csv"),
              colClasses = c(PLR_ID = "character"), encoding = "UTF-8")
b <- b[b$KOM == "gültig", ]
zp <- function(v) (v - mean(v)) / sqrt(mean((v - mean(v))^2))
s_sum <- zp(b$S1) + zp(b$S3) + zp(b$S4)
d_sum <- zp(b$D1) + zp(b$D3) + zp(b$D4)
add("berlin_ids", str_arr(b$PLR_ID))
add("berlin_status_sum", arr(s_sum))
add("berlin_status_index", arr(zp(s_sum)))
add("berlin_dynamic_sum", arr(d_sum))
add("berlin_dynamic_index", arr(zp(d_sum)))

cat("{\n", paste(out, collapse = ",\n"), "\n}\n", sep = "")
