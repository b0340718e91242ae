# Reference neighbour lists for test/spatial: queen and rook contiguity of the 542 Berlin Planungsräume with
# R spdep poly2nb (default snap = sqrt(.Machine$double.eps)), written as GAL files with PLR_ID as area ids.
# Re-run from the project root:  Rscript test/reference/spatial/berlin_contiguity.R
# Writes test/reference/spatial/berlin_queen.gal and berlin_rook.gal. Needs R with sf and spdep (tested with
# sf 1.0.9, spdep 1.2.7) and the shared reference data in ../shared/data.
suppressMessages({ library(sf); library(spdep) })
args <- commandArgs(trailingOnly = FALSE)
here <- dirname(normalizePath(sub("^--file=", "", args[grep("^--file=", args)])))
data_dir <- Sys.getenv("SOZIALRAUM_SHARED_DATA", normalizePath(file.path(here, "..", "..", "..", "..", "shared", "data")))
# s2 rejects a ring with a repeated vertex in this file; poly2nb compares vertex coordinates anyway, so use
# planar (GEOS) candidate search.
invisible(sf_use_s2(FALSE))
plr <- st_read(file.path(data_dir, "berlin-mss-2021", "lor_planungsraeume_2021_542_wgs84.geojson"), quiet = TRUE)
for (queen in c(TRUE, FALSE)) {
  nb <- poly2nb(plr, row.names = plr$PLR_ID, queen = queen)
  name <- if (queen) "berlin_queen.gal" else "berlin_rook.gal"
  # GAL with the PLR_ID labels (write.nb.gal would write the positions 1..n).
  ids <- plr$PLR_ID  # poly2nb keeps the feature order
  lines <- c(sprintf("0 %d lor_planungsraeume_2021_542_wgs84 PLR_ID", length(nb)))
  for (i in seq_along(nb)) {
    nbi <- if (card(nb)[i] == 0) integer(0) else nb[[i]]
    lines <- c(lines, sprintf("%s %d", ids[i], length(nbi)), paste(ids[nbi], collapse = " "))
  }
  writeLines(lines, file.path(here, name))
  cat(name, ": ", length(nb), " areas, ", sum(card(nb)), " links (spdep ", as.character(packageVersion("spdep")), ")\n", sep = "")
}
