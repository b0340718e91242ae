# Reference values for src/typology (sozialraum): PCA, varimax, hclust, cutree, kmeans, silhouette, ARI.
# Run from the project root:  Rscript test/reference/typology/typology.R [path/to/shared/data]
# Writes test/reference/typology/seeded.csv (always the same: seeded) and
#        test/reference/typology/typology.json (R results on the seeded data and on Berlin MSS 2021).
# R packages: stats (prcomp, varimax, hclust, cutree, kmeans), cluster (silhouette), mclust (adjustedRandIndex),
# jsonlite (output).
suppressPackageStartupMessages({ library(cluster); library(jsonlite); library(mclust) })
args <- commandArgs(trailingOnly = TRUE)
shared <- if (length(args) >= 1) args[1] else "../shared/data"
out_dir <- "test/reference/typology"

# ---- (b) seeded clustered data: 3 groups of 20 points in 4 dimensions, rounded to 4 decimals ----
set.seed(20261205)
centres <- rbind(c(0, 0, 0, 0), c(4, 1, -2, 3), c(-3, 5, 2, -1))
seeded <- do.call(rbind, lapply(1:3, function(g) {
  m <- matrix(rnorm(20 * 4), ncol = 4) %*% diag(c(1, 0.8, 1.2, 0.6))
  sweep(m, 2, centres[g, ], "+")
}))
seeded <- round(seeded, 4)
colnames(seeded) <- c("a", "b", "c", "d")
write.csv(data.frame(seeded), file.path(out_dir, "seeded.csv"), row.names = FALSE)
seeded <- as.matrix(read.csv(file.path(out_dir, "seeded.csv")))  # compute on exactly what the tests read

hc_list <- function(h) list(merge = h$merge, height = h$height, order = h$order)

reference_for <- function(x, ks, kmeans_k, m_share = 0.8) {
  p <- prcomp(x, scale. = TRUE)
  ratio <- p$sdev^2 / sum(p$sdev^2)
  m <- which(cumsum(ratio) >= m_share - 1e-12)[1]
  L <- p$rotation[, 1:m, drop = FALSE] %*% diag(p$sdev[1:m], nrow = m)
  vm <- varimax(L, normalize = TRUE, eps = 1e-5)
  z <- scale(x)
  d <- dist(z)
  hw <- hclust(d, "ward.D2"); ha <- hclust(d, "average"); hcpl <- hclust(d, "complete")
  cut <- lapply(ks, function(k) cutree(hw, k))
  sil <- lapply(ks, function(k) { s <- silhouette(cutree(hw, k), d); list(k = k, widths = unname(s[, "sil_width"]), mean = mean(s[, "sil_width"])) })
  set.seed(1)
  km <- kmeans(z, centers = kmeans_k, nstart = 100)
  km_all <- sapply(ks, function(k) { set.seed(k); kmeans(z, centers = k, nstart = 100)$tot.withinss })
  # the typology pipeline: Ward on the first m principal component scores, mean silhouette per k
  sc <- p$x[, 1:m, drop = FALSE]
  dsc <- dist(sc)
  hsc <- hclust(dsc, "ward.D2")
  crit <- sapply(ks, function(k) mean(silhouette(cutree(hsc, k), dsc)[, "sil_width"]))
  list(
    n = nrow(x), columns = colnames(x),
    pca = list(sdev = p$sdev, rotation = unname(p$rotation), scores = unname(p$x), explainedRatio = ratio, components = m),
    varimax = list(loadings = unname(unclass(vm$loadings)), rotmat = unname(vm$rotmat)),
    hclust = list(ward = hc_list(hw), average = hc_list(ha), complete = hc_list(hcpl)),
    cutree = lapply(seq_along(ks), function(i) list(k = ks[i], cluster = unname(cut[[i]]))),
    silhouette = sil,
    kmeans = list(k = kmeans_k, totalWithinSS = km$tot.withinss, cluster = unname(km$cluster), ks = ks, totalWithinSSPerK = km_all),
    ari = list(a = unname(cutree(hw, kmeans_k)), b = unname(km$cluster), value = adjustedRandIndex(cutree(hw, kmeans_k), km$cluster)),
    typology = list(components = m, ks = ks, meanSilhouette = crit, wardOnScores = hc_list(hsc))
  )
}

result <- list(
  source = "R stats::prcomp/varimax/hclust/cutree/kmeans, cluster::silhouette, mclust::adjustedRandIndex; test/reference/typology/typology.R",
  r_version = R.version.string,
  seeded = reference_for(seeded, 2:5, 3)
)

# ---- (c) data with many tied distances: a 4 x 3 integer grid plus a repeated point (tie order of HCLUST) ----
grid <- as.matrix(rbind(expand.grid(x = 1:4, y = 1:3), data.frame(x = 2, y = 2)))
dg <- dist(grid)
result$ties <- list(
  points = unname(grid),
  ward = hc_list(hclust(dg, "ward.D2")), average = hc_list(hclust(dg, "average")), complete = hc_list(hclust(dg, "complete")),
  cutree_ward_3 = unname(cutree(hclust(dg, "ward.D2"), 3)),
  silhouette_ward_3 = unname(silhouette(cutree(hclust(dg, "ward.D2"), 3), dg)[, "sil_width"])
)

# ---- (a) Berlin MSS 2021 context indicators: the 14 KI columns that are filled for the valid areas ----
ki_file <- file.path(shared, "berlin-mss-2021", "mss_2021_kontext_indikatoren.csv")
if (file.exists(ki_file)) {
  ki <- read.csv(ki_file, colClasses = c(PLR_ID = "character"), encoding = "UTF-8")
  cols <- c("KI_01", "KI_02", "KI_03", "KI_04", "KI_05", "KI_16", "KI_06", "KI_17", "KI_07", "KI_09", "KI_10", "KI_11", "KI_12", "KI_13")
  x <- as.matrix(ki[, cols])
  keep <- apply(x, 1, function(r) all(!is.na(r) & r != -9999))
  b <- x[keep, ]
  rownames(b) <- ki$PLR_ID[keep]
  result$berlin <- reference_for(b, 2:8, 4)
  result$berlin$ids <- ki$PLR_ID[keep]
  result$berlin$excluded <- ki$PLR_ID[!keep]
}
writeLines(toJSON(result, digits = NA, auto_unbox = TRUE), file.path(out_dir, "typology.json"))
cat("written", file.path(out_dir, "typology.json"), "\n")
