# Point-in-polygon reference for assignPointsToAreas (sozialraum, src/supply/createAreaIndex.ts).
#
# Re-run from the project root (after `npx tsx test/reference/supply/make-points.ts`):
#   Rscript test/reference/supply/st_within.R
# Writes test/reference/supply/<case>-expected.csv (id, area, on_border) for every case below whose inputs exist,
# and <case>-centroids.csv: planar st_centroid of every area (for areaCentroids), 17 significant digits.
#
# Independent computation with R sf (GEOS), PLANAR in lon/lat: sf_use_s2(FALSE), so edges are straight lines in the
# lon/lat plane like in sozialraum (with s2, edges are great-circle arcs and points within centimetres of a border
# can change sides). The same deterministic rule as in sozialraum:
#   1. st_within (point in the interior of an area) -> that area (smallest id if several);
#   2. else st_intersects (point on a border, shared or outer, incl. holes) -> the smallest id (C-locale order);
#   3. else NA (outside every area).
suppressPackageStartupMessages(library(sf))
sf_use_s2(FALSE)

args_dir <- "test/reference/supply"
shared <- Sys.getenv("SOZIALRAUM_SHARED_DATA", "../shared/data")

cases <- list(
  list(name = "fixture", geojson = file.path(args_dir, "fixture.geojson"), id = "area_id",
       points = file.path(args_dir, "fixture-points.csv")),
  list(name = "berlin", geojson = file.path(shared, "berlin-mss-2021", "lor_planungsraeume_2021_542_wgs84.geojson"),
       id = "PLR_ID", points = file.path(args_dir, "berlin-points.csv")),
  list(name = "einrichtungen", geojson = "data/sozialraeume.geojson", id = "sozialraum_id",
       points = file.path(args_dir, "einrichtungen-points.csv"))
)

first_sorted <- function(ids) if (length(ids) == 0) NA_character_ else sort(ids, method = "radix")[1]

for (case in cases) {
  if (!file.exists(case$geojson) || !file.exists(case$points)) {
    message("skipping ", case$name, ": input missing")
    next
  }
  polys <- st_read(case$geojson, quiet = TRUE, stringsAsFactors = FALSE)
  ids <- as.character(polys[[case$id]])
  pts <- read.csv(case$points, colClasses = c("character", "numeric", "numeric"))
  p <- st_as_sf(pts, coords = c("lon", "lat"), crs = st_crs(polys))
  within <- st_within(p, polys)
  touches <- st_intersects(p, polys)
  area <- character(nrow(pts))
  on_border <- logical(nrow(pts))
  for (i in seq_len(nrow(pts))) {
    w <- ids[within[[i]]]
    if (length(w) > 0) {
      area[i] <- first_sorted(w)
    } else {
      b <- ids[touches[[i]]]
      area[i] <- first_sorted(b)
      on_border[i] <- length(b) > 0
    }
  }
  out <- file.path(args_dir, paste0(case$name, "-expected.csv"))
  con <- file(out, "w")
  writeLines(c(
    paste0("# st_within.R: sf ", packageVersion("sf"), ", GEOS ", sf_extSoftVersion()[["GEOS"]],
           ", sf_use_s2(FALSE); ", case$geojson, " (", case$id, ", ", nrow(polys), " areas) x ", case$points)
  ), con)
  write.csv(data.frame(id = pts$id, area = ifelse(is.na(area), "", area), on_border = on_border),
            con, row.names = FALSE, quote = FALSE)
  close(con)
  cen <- st_coordinates(suppressWarnings(st_centroid(st_geometry(polys))))
  cout <- file.path(args_dir, paste0(case$name, "-centroids.csv"))
  con <- file(cout, "w")
  writeLines(paste0("# st_within.R: st_centroid, sf ", packageVersion("sf"), ", sf_use_s2(FALSE); ", case$geojson), con)
  write.csv(data.frame(id = ids, lon = sprintf("%.17g", cen[, 1]), lat = sprintf("%.17g", cen[, 2])), con,
            row.names = FALSE, quote = FALSE)
  close(con)
  message(case$name, ": ", nrow(pts), " points, ", sum(!is.na(area)), " inside, ", sum(on_border), " on a border")
}
