# Reference values for test/audit/sensitivity-composite.test.ts (composite index under method variants) and
# test/audit/sensitivity-engine.test.ts (Spearman correlations), computed with base R only.
# Re-run from the project root:  Rscript test/reference/audit/sensitivity.R > test/reference/audit/sensitivity.json
options(digits = 17)
tab <- data.frame(
  id = sprintf("%02d", 1:12),
  a  = c(12.1, 3.4, 8.8, 15.0, 6.2, 9.9, 4.1, 21.7, 7.3, 11.0, 5.5, 13.6),
  b  = c(30.2, 12.5, 25.1, 28.4, 18.0, 22.3, 10.9, 41.0, 19.8, 26.6, 14.2, 33.3),
  c  = c(55.0, 70.1, 48.2, 40.3, 66.6, 51.9, 75.5, 31.2, 60.4, 47.7, 68.8, 44.1),  # direction -1
  ew = c(3200, 1800, 4100, 2500, 5200, 3900, 1200, 2700, 4800, 3300, 2100, 2900)
)
dirs <- c(a = 1, b = 1, c = -1)
pop_sd <- function(x, w = NULL) { if (is.null(w)) sqrt(mean((x - mean(x))^2)) else { m <- sum(w * x) / sum(w); sqrt(sum(w * (x - m)^2) / sum(w)) } }
samp_sd <- function(x, w = NULL) { if (is.null(w)) sd(x) else { m <- sum(w * x) / sum(w); sqrt(sum(w * (x - m)^2) / (sum(w) - 1)) } }
wmean <- function(x, w = NULL) if (is.null(w)) mean(x) else sum(w * x) / sum(w)
zstd <- function(x, sdf, w = NULL) (x - wmean(x, w)) / sdf(x, w)
# rank 1 = highest; ties get the best (smallest) rank
rank_min <- function(x) rank(-x, ties.method = "min")
cls <- function(x, shift = 0) ifelse(x < -1 + shift, "hoch", ifelse(x <= 1 + shift, "mittel", ifelse(x <= 1.5 + shift, "niedrig", "sehr niedrig")))
pr <- function(x) (rank(x) - 0.5) / length(x)               # percentile rank / 100 (mid-ranks)
index_z <- function(cols, wts, sdf, w = NULL) {
  s <- Reduce(`+`, lapply(cols, function(k) wts[[k]] * dirs[[k]] * zstd(tab[[k]], sdf, w)))
  zstd(s, sdf, w)
}
index_robust <- function(cols, wts) {
  s <- Reduce(`+`, lapply(cols, function(k) { x <- dirs[[k]] * tab[[k]]; wts[[k]] * (x - median(x)) / mad(x) }))
  (s - median(s)) / mad(s)
}
index_nscores <- function(cols, wts) {
  s <- Reduce(`+`, lapply(cols, function(k) wts[[k]] * qnorm(pr(dirs[[k]] * tab[[k]]))))
  qnorm(pr(s))
}
index_percentile <- function(cols, wts) {
  # sum of percentile ranks in units of 1/n (r - 1/2, exact), so ties in the sum stay ties
  s <- Reduce(`+`, lapply(cols, function(k) wts[[k]] * (rank(dirs[[k]] * tab[[k]]) - 0.5)))
  qnorm(pr(s))
}
eq <- list(a = 1, b = 1, c = 1)
all3 <- c("a", "b", "c")
variants <- list(
  base = index_z(all3, eq, pop_sd),
  sample = index_z(all3, eq, samp_sd),
  weighted = index_z(all3, eq, pop_sd, tab$ew),
  weighted_sample = index_z(all3, eq, samp_sd, tab$ew),
  robust = index_robust(all3, eq),
  nscores = index_nscores(all3, eq),
  percentile = index_percentile(all3, eq),
  double_b = index_z(all3, list(a = 1, b = 2, c = 1), pop_sd),
  without_c = index_z(c("a", "b"), eq, pop_sd)
)
out <- lapply(variants, function(x) list(index = x, rank = rank_min(x), class = cls(x)))
out$shift_plus <- list(index = variants$base, rank = rank_min(variants$base), class = cls(variants$base, 0.25))
out$shift_minus <- list(index = variants$base, rank = rank_min(variants$base), class = cls(variants$base, -0.25))
# Spearman with ties (R's cor uses mid-ranks)
sx <- c(3, 1, 4, 1, 5, 9, 2, 6, 5, 3)
sy <- c(2, 7, 1, 8, 2, 8, 1, 8, 2, 8)
spear <- list(x = sx, y = sy, rho = cor(sx, sy, method = "spearman"),
              rho_base_robust = cor(rank_min(variants$base), rank_min(variants$robust), method = "spearman"),
              rho_base_nscores = cor(rank_min(variants$base), rank_min(variants$nscores), method = "spearman"))
json <- function(x) {
  if (is.list(x)) {
    if (!is.null(names(x))) return(paste0("{", paste0('"', names(x), '":', sapply(x, json), collapse = ","), "}"))
    return(paste0("[", paste(sapply(x, json), collapse = ","), "]"))
  }
  if (is.character(x)) return(paste0("[", paste0('"', x, '"', collapse = ","), "]"))
  v <- sprintf("%.17g", x)
  if (length(x) == 1 && is.null(attr(x, "array"))) return(v)
  paste0("[", paste(v, collapse = ","), "]")
}
spear$x <- I(sx); spear$y <- I(sy)
cat(json(list(R = R.version.string, table = list(id = I(tab$id), a = I(tab$a), b = I(tab$b), c = I(tab$c), ew = I(tab$ew)),
              variants = out, spearman = spear)), "\n")
